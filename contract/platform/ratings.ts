import { z } from 'zod';
import { VisitId } from './cases';
import { PersonText } from './text';

/** Reasons a citizen may tick, after the national 好差评 practice; a bad rating needs at least one. */
export const RatingReason = z.enum([
  // What a bad rating (差评) names.
  'long-wait', 'repeated-visits', 'unclear-guidance', 'staff-attitude', 'system-problems', 'materials-unclear',
  // What a good one (好评) names.
  'efficient', 'friendly', 'clear-guidance',
  'other',
]);
export type RatingReason = z.infer<typeof RatingReason>;

/**
 * `POST /v1/cases/{caseId}/rating`: one per case (好差评), by the citizen at a terminal, once the
 * case has been handled (not queued or claimed). `visitId` is the visit the case was made in; a
 * kiosk the citizen proved the case at (`X-Case-Proof`) may rate it from a later visit.
 * Levels 1 (非常不满意) … 5 (非常满意). 1–2 open a follow-up that staff must close.
 * The same rating posted again answers 200; a different one 409.
 */
export const RatingRequest = z.object({
  level: z.number().int().min(1).max(5),
  reasons: z.array(RatingReason).max(10).default([]),
  comment: PersonText(500).optional(),
  visitId: VisitId,
  /** 匿名评价: the citizen asked not to be contacted. Any other bad rating is named and must be called back. */
  anonymous: z.boolean().optional(),
});
export type RatingRequest = z.infer<typeof RatingRequest>;

export const Rating = RatingRequest.extend({
  caseId: z.string(),
  ratedAt: z.string(),
  /** Random, so follow-ups cannot be counted through. */
  followUpId: z.string().nullable(),
});
export type Rating = z.infer<typeof Rating>;

/** 回访: the call back to the citizen, and what came of it. */
export const FollowUpCallback = z.object({
  outcome: z.enum(['reached', 'not-reached']),
  note: z.string().trim().min(2).max(1000),
});
export type FollowUpCallback = z.infer<typeof FollowUpCallback>;

export const FollowUp = z.object({
  id: z.string(),
  caseId: z.string(),
  level: z.number().int(),
  reasons: z.array(RatingReason),
  openedAt: z.string(),
  /** 5 working days from the rating, on the centre's calendar. */
  deadlineAt: z.string(),
  /** Past its deadline and still open, or closed after it. */
  overdue: z.boolean(),
  /** A named rating: the citizen must be called back (回访) before it can be closed. */
  callbackRequired: z.boolean(),
  callback: FollowUpCallback.extend({ at: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * `POST /v1/follow-ups/{id}/close`: what was done about the bad rating (整改), never empty; a
 * named one also needs its call back (422 `callback` without).
 */
export const CloseFollowUpRequest = z.object({ resolution: z.string().trim().min(2).max(1000), callback: FollowUpCallback.optional() });
export type CloseFollowUpRequest = z.infer<typeof CloseFollowUpRequest>;

/** Working days a follow-up of a bad rating has to be closed in. */
export const FOLLOW_UP_WORKING_DAYS = 5;

export const Distribution = z.object({
  count: z.number().int().nonnegative(),
  meanSeconds: z.number().nullable(),
  p50Seconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});

/** `GET /v1/stats?from=&to=` (staff): the caller's centre over a period of received cases. */
export const CentreStats = z.object({
  centreId: z.string(),
  from: z.string(),
  to: z.string(),
  cases: z.object({ total: z.number().int(), byStatus: z.record(z.string(), z.number().int()) }),
  /** Received → first claimed by a clerk. */
  waiting: Distribution,
  /** First claimed → completed (办结). */
  handling: Distribution,
  ratings: z.object({
    count: z.number().int(),
    mean: z.number().nullable(),
    byLevel: z.record(z.string(), z.number().int()),
    badReasons: z.array(z.object({ reason: RatingReason, count: z.number().int() })),
  }),
  followUps: z.object({ open: z.number().int(), closed: z.number().int() }),
});
export type CentreStats = z.infer<typeof CentreStats>;
