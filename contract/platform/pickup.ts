import { z } from 'zod';
import { CaseId, CaseSummary, Sha256 } from './cases';

/**
 * One window for results (一口发证). An approved case is ready to collect; the citizen gets a
 * 6-digit pickup code by SMS. Staff of any unified window of the centre find what is ready by
 * the citizen's ID card (read on the counter's reader), by the pickup code, or by the case id.
 */
export const PickupCode = z.string().regex(/^\d{6}$/, 'must be the 6 digits of the SMS');

/** `POST /v1/pickups/search` (staff; a POST so that an ID number never sits in a URL or a log). */
export const PickupSearch = z.discriminatedUnion('by', [
  z.object({ by: z.literal('id-number'), idNumber: z.string().regex(/^\d{17}[\dX]$/, 'must be 17 digits and a digit or X') }),
  z.object({ by: z.literal('code'), code: PickupCode }),
  z.object({ by: z.literal('case'), caseId: CaseId }),
]);
export type PickupSearch = z.infer<typeof PickupSearch>;

export const ReadyCase = CaseSummary.extend({
  result: z.object({ documentNumber: z.string().nullable(), decisionText: z.string(), amountCents: z.number().int().nullable() }),
  readyAt: z.string(),
});
export type ReadyCase = z.infer<typeof ReadyCase>;

/** One pickup: what one code hands out (a case, or the cases of a bundle collected together). */
export const Pickup = z.object({
  pickupId: z.string(),
  /** The bundle (一件事) whose results these are, or null for a single case. */
  bundleId: z.string().nullable(),
  applicantMasked: z.object({ name: z.string(), idNumber: z.string() }),
  cases: z.array(ReadyCase),
  createdAt: z.string(),
});
export type Pickup = z.infer<typeof Pickup>;

export const PickupSearchResult = z.object({ pickups: z.array(Pickup) });
export type PickupSearchResult = z.infer<typeof PickupSearchResult>;

/** A signature as drawn: strokes of points in the pad's own pixels, time in ms from the first touch. */
export const SignatureStrokes = z.object({
  width: z.number().int().positive().max(4000),
  height: z.number().int().positive().max(4000),
  strokes: z
    .array(z.array(z.tuple([z.number(), z.number(), z.number().nonnegative()])).min(1).max(2000))
    .min(1, 'the signature has no strokes')
    .max(200),
});
export type SignatureStrokes = z.infer<typeof SignatureStrokes>;

export const Collector = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self') }),
  z.object({
    kind: z.literal('agent'),
    name: z.string().min(1).max(60),
    idNumber: z.string().regex(/^\d{17}[\dX]$/, 'must be 17 digits and a digit or X'),
    relation: z.string().min(1).max(30),
    /** How the citizen authorised the agent: e.g. a signed 授权委托书 (its scan) or a notarised one. */
    authorisation: z.object({ kind: z.enum(['written', 'notarised']), blob: Sha256.optional(), note: z.string().max(200).optional() }),
  }),
]);
export type Collector = z.infer<typeof Collector>;

/**
 * `POST /v1/pickups/{pickupId}/collect`: the results handed over at the window with the
 * collector's signature (strokes + the PNG uploaded first as a blob), or sent by post with the
 * tracking number. Collecting again after a lost answer, with the same body, answers the same.
 */
export const CollectRequest = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('counter'),
    /** How the window found it: the card on the reader, the pickup code, or the case id. */
    foundBy: z.enum(['id-card', 'code', 'case']),
    collector: Collector,
    signature: z.object({ png: Sha256, vector: SignatureStrokes }),
    windowName: z.string().min(1).max(60),
  }),
  z.object({
    method: z.literal('post'),
    carrier: z.string().min(1).max(40),
    trackingNumber: z.string().regex(/^[A-Za-z0-9-]{6,40}$/, '6 to 40 letters, digits or -'),
  }),
]);
export type CollectRequest = z.infer<typeof CollectRequest>;

export const Collection = z.object({
  pickupId: z.string(),
  caseIds: z.array(z.string()),
  method: z.enum(['counter', 'post']),
  collectedAt: z.string(),
  collectorMasked: z.object({ kind: z.enum(['self', 'agent']), name: z.string(), idNumber: z.string(), relation: z.string().nullable() }).nullable(),
  signature: z.object({ png: z.string(), strokeCount: z.number().int() }).nullable(),
  trackingNumber: z.string().nullable(),
  /** The visit this collection was; a rating of the case afterwards names it. */
  visitId: z.string(),
});
export type Collection = z.infer<typeof Collection>;
