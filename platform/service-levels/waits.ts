import type { ServiceLevelLine, ServiceLevelTarget, ServiceTimes } from '../../contract/platform/service-levels';
import type { WaitLevel } from '../../contract/platform/wait-level';
import { distribution } from '../core/ratings';

/**
 * The service levels' arithmetic, apart from the store so that a scripted day can be checked
 * figure by figure. Both queues (tickets and cases) become the same `WaitItem`; times are epoch
 * milliseconds in, seconds out.
 */
export interface WaitItem {
  serviceCode: string;
  /** When waiting began: the ticket taken or the case received (a checked-in slot's start if later). */
  since: number;
  calledAt: number | null;
  calledBy: string | null;
  startedAt: number | null;
  startedBy: string | null;
  finishedAt: number | null;
}

const MINUTE_MS = 60_000;

/** At or past a threshold counts as past it: 30 minutes waited is 已超时 under a 30-minute target. */
export function waitLevelOf(waitMs: number, target: Pick<ServiceLevelTarget, 'warningMinutes' | 'criticalMinutes'>): WaitLevel {
  if (waitMs >= target.criticalMinutes * MINUTE_MS) return 'critical';
  if (waitMs >= target.warningMinutes * MINUTE_MS) return 'warning';
  return 'ok';
}

/** How long the item waited: to its call, or to now while it still waits. */
export function waitedMs(item: Pick<WaitItem, 'since' | 'calledAt'>, now: number): number {
  return Math.max(0, (item.calledAt ?? now) - item.since);
}

/**
 * Per service of `targets` (the catalogue's order): those waiting now over each threshold, and
 * today's (`today`: waiting now, or called since the day began) that passed each.
 */
export function serviceLines(targets: readonly ServiceLevelTarget[], names: (code: string) => string, today: readonly WaitItem[], now: number): ServiceLevelLine[] {
  return targets.map((target) => {
    const items = today.filter((i) => i.serviceCode === target.serviceCode);
    const levels = items.map((i) => ({ waiting: i.calledAt === null, level: waitLevelOf(waitedMs(i, now), target) }));
    const count = (pick: (l: (typeof levels)[number]) => boolean) => levels.filter(pick).length;
    return {
      serviceCode: target.serviceCode,
      name: names(target.serviceCode),
      warningMinutes: target.warningMinutes,
      criticalMinutes: target.criticalMinutes,
      waiting: count((l) => l.waiting),
      warningNow: count((l) => l.waiting && l.level === 'warning'),
      criticalNow: count((l) => l.waiting && l.level === 'critical'),
      warningToday: count((l) => l.level !== 'ok'),
      criticalToday: count((l) => l.level === 'critical'),
    };
  });
}

const seconds = (spans: (number | null)[]) => distribution(spans.filter((s): s is number => s !== null && s >= 0).map((ms) => ms / 1000));
const span = (from: number | null, to: number | null) => (from === null || to === null ? null : to - from);

/** Waiting, walking-to-counter and handling of called items; an item not started has only its wait. */
export function timesOf(items: readonly WaitItem[]): ServiceTimes {
  return {
    served: items.length,
    waiting: seconds(items.map((i) => span(i.since, i.calledAt))),
    walking: seconds(items.map((i) => span(i.calledAt, i.startedAt))),
    handling: seconds(items.map((i) => span(i.startedAt, i.finishedAt))),
  };
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
