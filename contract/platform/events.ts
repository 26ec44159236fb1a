import { z } from 'zod';
import { Actor, CaseStatus } from './cases';

export const CaseEventType = z.enum([
  // At the window (一窗受理): claimed and released, then accepted (受理), rejected or sent for 补正.
  'submitted', 'claimed', 'released', 'accepted', 'rejected', 'materials-requested', 'materials-supplied',
  // In the department (后台审批) and back to the window.
  'transferred', 'returned', 'approved',
  // The result handed out (办结), and what the citizen said of it.
  'collected', 'completed', 'rated', 'follow-up-closed',
  // The case went to a colleague at another window; its status does not change.
  'handed-over',
]);
export type CaseEventType = z.infer<typeof CaseEventType>;

/**
 * Every change of a case is an event: who, when, why. `seq` orders the events of a centre and
 * is the cursor: pass the last one you have as `after` to get what came since.
 */
export const CaseEvent = z.object({
  seq: z.number().int().positive(),
  caseId: z.string(),
  centreId: z.string(),
  type: CaseEventType,
  fromStatus: CaseStatus.nullable(),
  toStatus: CaseStatus,
  actor: Actor,
  at: z.string(),
  reason: z.string().nullable(),
  queueNumber: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

/** `GET /v1/events?after=&limit=` (the caller's centre) and `GET /v1/cases/{caseId}/events?after=`. */
export const EventsQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const EventsPage = z.object({
  events: z.array(CaseEvent),
  /** Pass back as `after`; equals the request's `after` when nothing is new. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type EventsPage = z.infer<typeof EventsPage>;

/**
 * `GET /v1/events/stream` (text/event-stream): each event as `id: <seq>`, `event: case`,
 * `data: <CaseEvent JSON>`; resumes after the `Last-Event-ID` header or the `after` query.
 */
export const SSE_EVENT_NAME = 'case';
