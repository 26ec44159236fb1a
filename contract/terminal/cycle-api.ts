import { z } from 'zod';
import { BackOfficeCase, BackOfficeDecision, BackOfficeQueue, CaseNote } from '../platform/back-office';
import { BundleView } from '../platform/bundles';
import { CaseStatus, CaseSummary } from '../platform/cases';
import { Department } from '../platform/departments';
import { Collection, PickupCode, PickupSearchResult, SignatureStrokes } from '../platform/pickup';
import { Rating, RatingReason } from '../platform/ratings';

/**
 * The counter application's part for the rest of the cycle (methods `backOffice.*`, `pickup.*`,
 * `desk.*`), spread into `terminalMethods` in ./api.ts. As with `counter.*`, the staff token and
 * the ID numbers read on the counter's card reader stay in the terminal process: the page asks
 * "find by the card on the reader" and never holds the number.
 */
const CaseRef = z.object({ caseId: z.uuid() }).strict();

/** The signature as the pad drew it: its strokes and the PNG it rendered (base64, at most ~300 kB). */
export const DrawnSignature = z
  .object({ pngBase64: z.string().regex(/^[A-Za-z0-9+/]+=*$/).max(400_000), vector: SignatureStrokes })
  .strict();
export type DrawnSignature = z.infer<typeof DrawnSignature>;

/** Who takes the results: the citizen, or an agent whose own card is on the counter's reader now. */
export const DeskCollector = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self') }).strict(),
  z
    .object({
      kind: z.literal('agent-on-reader'),
      relation: z.string().trim().min(1).max(30),
      authorisation: z.object({ kind: z.enum(['written', 'notarised']), note: z.string().max(200).optional() }).strict(),
    })
    .strict(),
]);
export type DeskCollector = z.infer<typeof DeskCollector>;

export const cycleMethods = {
  'desk.departments': { args: z.object({}).strict(), result: z.array(Department) },
  'desk.bundle': { args: CaseRef, result: BundleView },
  'desk.notes': { args: CaseRef, result: z.array(CaseNote) },
  'desk.note': { args: z.object({ caseId: z.uuid(), text: z.string().trim().min(1).max(1000) }).strict(), result: CaseNote },
  'backOffice.queue': { args: z.object({ status: CaseStatus.optional() }).strict(), result: BackOfficeQueue },
  'backOffice.case': { args: CaseRef, result: BackOfficeCase },
  'backOffice.decide': { args: z.object({ caseId: z.uuid(), decision: BackOfficeDecision }).strict(), result: CaseSummary },
  /** What is ready for the citizen whose card is on this counter's reader. */
  'pickup.findByCard': { args: z.object({}).strict(), result: PickupSearchResult },
  'pickup.find': {
    args: z.union([z.object({ by: z.literal('code'), code: PickupCode }).strict(), z.object({ by: z.literal('case'), caseId: z.uuid() }).strict()]),
    result: PickupSearchResult,
  },
  'pickup.collect': {
    args: z
      .object({ pickupId: z.uuid(), foundBy: z.enum(['id-card', 'code', 'case']), collector: DeskCollector, signature: DrawnSignature })
      .strict(),
    result: Collection,
  },
  'pickup.post': {
    args: z.object({ pickupId: z.uuid(), carrier: z.string().trim().min(1).max(40), trackingNumber: z.string().trim().min(6).max(40) }).strict(),
    result: Collection,
  },
  /** 好差评 of a collected case, tied to it and to the collection visit. */
  'pickup.rate': {
    args: z
      .object({ caseId: z.uuid(), visitId: z.string().min(1).max(64), level: z.number().int().min(1).max(5), reasons: z.array(RatingReason).max(10) })
      .strict(),
    result: Rating,
  },
} as const;

export const cycleEvents = {
  /** Something changed in the centre: a back-office screen reads its department's list again. */
  'backOffice.updated': z.object({ at: z.string() }),
} as const;
