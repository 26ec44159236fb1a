import { z } from 'zod';
import { CaseId } from './cases';
import { Timeliness } from './timeliness';

/**
 * 叫号 as the platform keeps it, so that a wall display can show every window's calls, not only
 * its own. A counter reports each number it calls (`POST /v1/calls`); a wall reads the day's calls
 * of the centre (`GET /v1/calls`), newest first, one line per case, with each case's 效能.
 */
export const CallReport = z
  .object({
    caseId: CaseId,
    windowName: z.string().trim().min(1).max(60),
    recall: z.boolean().default(false),
  })
  .strict();
export type CallReport = z.infer<typeof CallReport>;

export const WallCall = z.object({
  /** The called case's id, or the ticket's when a window called a ticket (叫号 of a visit, issue 19). */
  caseId: z.string(),
  ticket: z.boolean().optional(),
  queueNumber: z.string(),
  windowName: z.string(),
  at: z.string(),
  recall: z.boolean(),
  timeliness: Timeliness.nullable(),
});
export type WallCall = z.infer<typeof WallCall>;

/**
 * `event: call` on the centre's event stream: a window called (or recalled) a number, a case's or
 * a ticket's, so walls showing every window read the calls again at once. A signal, not history.
 */
export const SSE_CALL_EVENT_NAME = 'call';
export const CallSignal = z.object({ centreId: z.string(), windowName: z.string(), queueNumber: z.string() });
export type CallSignal = z.infer<typeof CallSignal>;

export const WallCallsQuery = z.object({
  /** Only this window's calls; every window's without it. */
  window: z.string().trim().min(1).max(60).optional(),
  limit: z.coerce.number().int().min(1).max(30).default(7),
});
export const WallCalls = z.object({ calls: z.array(WallCall) });
export type WallCalls = z.infer<typeof WallCalls>;
