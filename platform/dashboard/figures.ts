import type { Dashboard } from '../../contract/platform/dashboard';
import type { Timeliness } from '../../contract/platform/timeliness';
import { groupBy } from '../service-levels/waits';

/**
 * The dashboard's arithmetic, apart from the store so that a scripted day can be checked
 * against it figure by figure. Inputs are epoch milliseconds; outputs are whole seconds.
 */

export interface CaseFacts {
  id: string;
  serviceCode: string;
  status: string;
  queueNumber: string;
  department: string | null;
  receivedAt: number;
  firstClaimedAt: number | null;
  completedAt: number | null;
  timeliness: Timeliness | null;
}

export interface EventFacts {
  caseId: string;
  type: string;
  actorKind: string;
  actorId: string;
  at: number;
}

/** Decisions, as the events name them: the window's, and the back office's (approve, return). */
const DECISIONS = new Set(['accepted', 'rejected', 'materials-requested', 'transferred', 'completed', 'approved', 'returned']);

export function meanSeconds(spansMs: readonly number[]): number | null {
  if (spansMs.length === 0) return null;
  return Math.round(spansMs.reduce((a, b) => a + b, 0) / spansMs.length / 1000);
}

const waitOf = (c: CaseFacts) => (c.firstClaimedAt === null ? null : c.firstClaimedAt - c.receivedAt);
const handlingOf = (c: CaseFacts) => (c.status === 'completed' && c.firstClaimedAt !== null && c.completedAt !== null ? c.completedAt - c.firstClaimedAt : null);
const present = (values: (number | null)[]): number[] => values.filter((v): v is number => v !== null);

/** The queue now: what waits and what is on a desk, per service, with the waits so far. */
export function queueNow(open: readonly CaseFacts[], now: number): Dashboard['queue'] {
  return [...groupBy(open.filter((c) => c.status === 'queued' || c.status === 'claimed'), (c) => c.serviceCode)]
    .map(([serviceCode, cases]) => {
      const waits = cases.filter((c) => c.status === 'queued').map((c) => now - c.receivedAt);
      return {
        serviceCode,
        waiting: waits.length,
        atDesk: cases.length - waits.length,
        longestWaitSeconds: waits.length ? Math.round(Math.max(...waits) / 1000) : null,
        meanWaitSeconds: meanSeconds(waits),
      };
    })
    .sort((a, b) => b.waiting - a.waiting || a.serviceCode.localeCompare(b.serviceCode));
}

export function serviceFigures(received: readonly CaseFacts[]): Dashboard['services'] {
  return [...groupBy(received, (c) => c.serviceCode)]
    .map(([serviceCode, cases]) => ({
      serviceCode,
      received: cases.length,
      completed: cases.filter((c) => c.status === 'completed').length,
      meanWaitSeconds: meanSeconds(present(cases.map(waitOf))),
      meanHandlingSeconds: meanSeconds(present(cases.map(handlingOf))),
      overdue: cases.filter((c) => c.timeliness?.state === 'overdue').length,
    }))
    .sort((a, b) => b.received - a.received || a.serviceCode.localeCompare(b.serviceCode));
}

export function totals(received: readonly CaseFacts[], badRatings: number): Dashboard['totals'] {
  return {
    received: received.length,
    completed: received.filter((c) => c.status === 'completed').length,
    meanWaitSeconds: meanSeconds(present(received.map(waitOf))),
    meanHandlingSeconds: meanSeconds(present(received.map(handlingOf))),
    badRatings,
  };
}

/**
 * Per staff member, from the events of the period: each claim, and the time from it to the same
 * person's next decision on that case (a recall or a release in between does not restart it).
 */
export function staffFigures(events: readonly EventFacts[], names: ReadonlyMap<string, string>): Dashboard['staff'] {
  const byStaff = new Map<string, { called: number; decided: number; spans: number[] }>();
  const openClaims = new Map<string, number>();
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.actorKind !== 'staff') continue;
    const figures = byStaff.get(e.actorId) ?? { called: 0, decided: 0, spans: [] };
    byStaff.set(e.actorId, figures);
    const key = `${e.actorId}\n${e.caseId}`;
    if (e.type === 'claimed') {
      figures.called += 1;
      if (!openClaims.has(key)) openClaims.set(key, e.at);
    } else if (DECISIONS.has(e.type)) {
      figures.decided += 1;
      const claimedAt = openClaims.get(key);
      if (claimedAt !== undefined) {
        figures.spans.push(e.at - claimedAt);
        openClaims.delete(key);
      }
    }
  }
  return [...byStaff]
    .filter(([, f]) => f.called + f.decided > 0)
    .map(([staffId, f]) => ({ staffId, displayName: names.get(staffId) ?? staffId, called: f.called, decided: f.decided, meanHandlingSeconds: meanSeconds(f.spans) }))
    .sort((a, b) => b.decided - a.decided || a.displayName.localeCompare(b.displayName, 'zh-CN'));
}

/** Open cases in their warning period or past the deadline: overdue first, then the nearest deadline. */
export function deadlineCases(open: readonly CaseFacts[]): Dashboard['deadlines'] {
  return open
    .filter((c) => c.timeliness && c.timeliness.finishedAt === null && c.timeliness.state !== 'on-time')
    .map((c) => ({
      caseId: c.id,
      queueNumber: c.queueNumber,
      serviceCode: c.serviceCode,
      status: c.status as Dashboard['deadlines'][number]['status'],
      department: c.department,
      state: c.timeliness!.state,
      warningAt: c.timeliness!.warningAt,
      deadlineAt: c.timeliness!.deadlineAt,
    }))
    .sort((a, b) => (a.state === b.state ? a.deadlineAt.localeCompare(b.deadlineAt) : a.state === 'overdue' ? -1 : 1));
}
