import { z } from 'zod';
import { CaseDetail, CaseSummary } from './cases';
import { Department } from './departments';
import { CaseEvent } from './events';

/**
 * The back office (后台审批): staff of a department (role `back-office`, with a department)
 * see the cases sent to it and decide them. Every route answers 403 to anyone else.
 */

/** What an approval produces: e.g. a document number, the decision text, an amount granted. */
export const ApprovalResult = z.object({
  documentNumber: z.string().trim().min(1).max(64).optional(),
  decisionText: z.string().trim().min(2).max(1000),
  amountCents: z.number().int().nonnegative().optional(),
});
export type ApprovalResult = z.infer<typeof ApprovalResult>;

/**
 * `POST /v1/back-office/cases/{caseId}/decisions`:
 * - approve: the case is ready to collect (一口发证) and the citizen gets a pickup code by SMS;
 * - return: back to the window that accepted it, with the reason;
 * - request-materials: the citizen is told, through the window, everything missing at once (一次性告知).
 */
export const BackOfficeDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), result: ApprovalResult }),
  z.object({ decision: z.literal('return'), reason: z.string().trim().min(2).max(500) }),
  z.object({
    decision: z.literal('request-materials'),
    missingMaterials: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
    note: z.string().max(500).optional(),
  }),
]);
export type BackOfficeDecision = z.infer<typeof BackOfficeDecision>;

export const CaseNote = z.object({
  id: z.number().int(),
  at: z.string(),
  author: z.object({ id: z.string(), displayName: z.string() }),
  text: z.string(),
});
export type CaseNote = z.infer<typeof CaseNote>;

/** `POST /v1/cases/{caseId}/notes`: an internal note (window or back office), never shown to the citizen. */
export const AddNoteRequest = z.object({ text: z.string().trim().min(1).max(1000) });
export type AddNoteRequest = z.infer<typeof AddNoteRequest>;

/** `GET /v1/back-office/cases?status=`: the cases of the caller's department. */
export const BackOfficeQueue = z.object({ department: Department, cases: z.array(CaseSummary) });
export type BackOfficeQueue = z.infer<typeof BackOfficeQueue>;

/** `GET /v1/back-office/cases/{caseId}`: everything a department needs to decide. */
export const BackOfficeCase = z.object({
  detail: CaseDetail,
  history: z.array(CaseEvent),
  notes: z.array(CaseNote),
  /** The material names of the service item, for the materials list. */
  materialNames: z.record(z.string(), z.string()),
  /** 电子证照 the case names and the library found for its applicant or agent (number and holder masked). */
  electronicLicences: z.array(z.object({ type: z.string(), number: z.string(), holderMasked: z.string() })),
});
export type BackOfficeCase = z.infer<typeof BackOfficeCase>;
