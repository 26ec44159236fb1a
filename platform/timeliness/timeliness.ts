import { cstDay, lastWorkingDaysStart, type WorkingDayCalendar } from '../../common/working-days';
import type { ServiceItem } from '../../contract/platform/catalogue';
import { DEFAULT_TIMELINESS, type Timeliness } from '../../contract/platform/timeliness';

/**
 * 效能, the one place it is decided. At 受理 the deadline and the warning time are fixed (stored
 * with the case, so a later catalogue change does not move a promise already made); every case
 * summary then reads its state from them and the clock.
 */

/** When the warning period of a promise ending at `deadlineAt` begins, by the service's threshold. */
export function warningAt(calendar: WorkingDayCalendar, deadlineAt: number, item: Pick<ServiceItem, 'timeliness'>): number {
  const days = item.timeliness?.warningWorkingDays ?? DEFAULT_TIMELINESS.warningWorkingDays;
  return lastWorkingDaysStart(calendar, cstDay(deadlineAt), days);
}

export interface TimedCase {
  status: string;
  deadline_at: number | null;
  warning_at: number | null;
  ready_at: number | null;
  completed_at: number | null;
}

/** A refused case made no promise; one sent back to the window still runs against its deadline. */
const NO_PROMISE = new Set(['rejected']);

export function timelinessOf(row: TimedCase, now: number): Timeliness | null {
  if (row.deadline_at === null || NO_PROMISE.has(row.status)) return null;
  const deadline = Number(row.deadline_at);
  // Cases accepted before warning times were kept warn on their deadline's day.
  const warning = row.warning_at === null ? deadline - 86_400_000 + 1 : Number(row.warning_at);
  const finished = row.ready_at ?? row.completed_at;
  const at = finished === null ? now : Number(finished);
  return {
    state: at > deadline ? 'overdue' : at >= warning ? (finished === null ? 'warning' : 'on-time') : 'on-time',
    deadlineAt: new Date(deadline).toISOString(),
    warningAt: new Date(warning).toISOString(),
    finishedAt: finished === null ? null : new Date(Number(finished)).toISOString(),
  };
}
