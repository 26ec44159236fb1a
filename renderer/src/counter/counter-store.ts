import { batch, signal } from '@preact/signals';
import type { CentreStats } from '../../../contract/platform/ratings';
import type { CaseSummary, RevealResponse } from '../../../contract/platform/cases';
import type { IdentityView } from '../../../contract/terminal/api';
import type { CalledNumber, CaseReview, CounterDecision, CounterStatus, NoticePrint, QueueView, WallView } from '../../../contract/terminal/counter-api';

export const counterStatus = signal<CounterStatus | null>(null);
export const queue = signal<QueueView | null>(null);
export const review = signal<CaseReview | null>(null);
/** Unmasked personal data the clerk asked for: dropped with the review, the lock and the session. */
export const revealed = signal<RevealResponse | null>(null);
export const stats = signal<CentreStats | null>(null);
/** The citizen's card on the counter's reader (masked view), for a walk-in case. */
export const cardRead = signal<IdentityView | null>(null);
export const lastCalled = signal<CalledNumber | null>(null);
/** A message for the clerk (a decision taken, a failure); set by actions, shown in a live region. */
export const counterMessage = signal<{ text: string; kind: 'info' | 'problem' } | null>(null);

/** An irreversible decision the clerk asked for, waiting for their confirmation. */
export type PendingDecision = { caseId: string; queueNumber: string; decision: Extract<CounterDecision, { decision: 'accept' | 'reject' | 'complete' }> };
export const pendingDecision = signal<PendingDecision | null>(null);

/** The notice of a 不予受理 or 补正 just decided at this desk, as its print goes; 重新打印 while it failed. */
export type NoticeStatus = { caseId: string; kind: NoticePrint['kind'] } & (
  | { state: 'printing' }
  | { state: 'printed'; code: string }
  | { state: 'failed'; reason: string; retryId?: string }
);
export const noticePrint = signal<NoticeStatus | null>(null);

export type DeskTab = 'my-cases' | 'reports' | 'walk-in' | 'pickup';
export const deskTab = signal<DeskTab>('my-cases');
/** The case last opened from "my cases": the platform holds it for this clerk, whatever this window called. */
export const openedFromMyList = signal<string | null>(null);
/** A case whose result the clerk hands out next: the pickup tab looks it up by its id. */
export const pickupFor = signal<string | null>(null);

export interface QueueFilter {
  service: string;
  source: '' | CaseSummary['source'];
  priorityOnly: boolean;
}
export const queueFilter = signal<QueueFilter>({ service: '', source: '', priorityOnly: false });

/** Sign-out, expiry and the lock leave no case data on the screen. */
export function clearDesk(): void {
  batch(() => {
    queue.value = null;
    review.value = null;
    revealed.value = null;
    stats.value = null;
    lastCalled.value = null;
    cardRead.value = null;
    pendingDecision.value = null;
    pickupFor.value = null;
    openedFromMyList.value = null;
    noticePrint.value = null;
  });
}

export function filterQueue(waiting: readonly CaseSummary[], filter: QueueFilter): CaseSummary[] {
  return waiting.filter(
    (c) =>
      (!filter.service || c.serviceCode === filter.service) &&
      (!filter.source || c.source === filter.source) &&
      (!filter.priorityOnly || c.priorityReasons.length > 0),
  );
}

export function waitingMinutes(receivedAt: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(receivedAt)) / 60_000));
}

/** The wall's own state, fed by `counter.wall` at load and `counter.called` afterwards. */
export const wall = signal<WallView | null>(null);

export function wallCalled(called: CalledNumber): void {
  const current = wall.value;
  const previous = current ? [current.current, ...current.recent].filter((c): c is CalledNumber => c !== null) : [];
  const recent = previous.filter((c) => c.caseId !== called.caseId).slice(0, 5);
  wall.value = { windowName: called.windowName, current: called, recent };
}
