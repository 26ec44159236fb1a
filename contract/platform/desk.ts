import { z } from 'zod';
import { CaseId, CaseSummary } from './cases';
import { DESK_LISTS } from './desk-lists';
import { Collection, CollectRequest } from './pickup';

/**
 * The counter desk for a day's work (issue 16): a clerk's own cases by list, search across the
 * centre, handing a case to a colleague at another window, and one hand-over of several results.
 * Every route is for window staff (not the back office) and answers masked summaries only.
 */

export { DESK_LISTS } from './desk-lists';
export const DeskList = z.enum(DESK_LISTS);
export type DeskList = z.infer<typeof DeskList>;

/** `GET /v1/desk/cases?list=`: the caller's cases in that list, the oldest deadline first. */
export const DeskCases = z.object({ list: DeskList, cases: z.array(CaseSummary) });
export type DeskCases = z.infer<typeof DeskCases>;

/**
 * `POST /v1/desk/search` (a POST, so that a name never sits in a URL or an access log): by the
 * case number on the receipt (e.g. 1A2B-3C4D) or today's queue number (A023), by the applicant's
 * full name, or by the last 4 characters of the ID number. The platform keeps names and ID
 * numbers sealed, so it matches keyed fingerprints of them, never the values.
 */
export const DeskSearch = z.discriminatedUnion('by', [
  z.object({ by: z.literal('number'), number: z.string().trim().min(3).max(20) }),
  z.object({ by: z.literal('name'), name: z.string().trim().min(1).max(60) }),
  z.object({ by: z.literal('id-tail'), tail: z.string().regex(/^\d{3}[\dXx]$/, 'must be the last 4 characters of an ID number') }),
]);
export type DeskSearch = z.infer<typeof DeskSearch>;

export const DeskSearchResult = z.object({ cases: z.array(CaseSummary) });
export type DeskSearchResult = z.infer<typeof DeskSearchResult>;

/** A colleague a case may be handed to: window staff of the centre signed in now. */
export const Colleague = z.object({ id: z.string(), displayName: z.string() });
export type Colleague = z.infer<typeof Colleague>;

/** `POST /v1/desk/cases/{caseId}/handover`: a claimed or accepted case of mine goes to another window's clerk. */
export const HandoverRequest = z.object({ staffId: z.string().min(1).max(64), note: z.string().trim().max(500).optional() });
export type HandoverRequest = z.infer<typeof HandoverRequest>;

/**
 * `POST /v1/desk/pickups/collect` (一口发证 at once): several results ready for one citizen,
 * handed over against one signature. Every pickup must be the same applicant's and still waiting.
 */
export const BatchCollectRequest = z.object({
  pickupIds: z.array(z.uuid()).min(2).max(20),
  collect: CollectRequest.options[0],
});
export type BatchCollectRequest = z.infer<typeof BatchCollectRequest>;

export const BatchCollection = z.object({ collections: z.array(Collection), caseIds: z.array(CaseId) });
export type BatchCollection = z.infer<typeof BatchCollection>;
