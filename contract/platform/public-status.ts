import { z } from 'zod';
import { CaseStatus } from './cases';
import { CaseEventType } from './events';

/** The receipt's code in a status page address: 16 characters, no 0/O or 1/I. */
export const StatusCode = z.string().regex(/^[2-9A-HJ-NP-Z]{16}$/, '16 characters from the receipt');

/** A notice the case's decisions gave (不予受理告知书, 补正材料告知书), with the code printed on it. */
export const PublicNotice = z.object({
  kind: z.enum(['rejection-notice', 'supplement-notice']),
  documentId: z.string(),
  issuedAt: z.string(),
  /** As printed beside the notice's QR code; the signature it comes from is the platform's. */
  verificationCode: z.string(),
  verifyUrl: z.string().url(),
  /** The page the notice's QR code opens: the notice shown as verified (已核验) with its case's progress. */
  pageUrl: z.string().url(),
});
export type PublicNotice = z.infer<typeof PublicNotice>;

/**
 * `GET /v1/cases/{caseId}/notices` for the clerk's desk: the case's signed notices, each with
 * the centre that issued it, which the desk prints as the notice's seal line.
 */
export const CaseNotices = z.object({ notices: z.array(PublicNotice.extend({ issuer: z.string() })) });
export type CaseNotices = z.infer<typeof CaseNotices>;
export type DeskNotice = CaseNotices['notices'][number];

/**
 * `GET /v1/public/status/{code}` (and the page at `/status/{code}`): what anyone holding the
 * receipt may see. Nothing personal — no name, no ID number, no answers, no staff's reasons.
 */
export const PublicCaseStatus = z.object({
  caseNumber: z.string(),
  service: z.object({ code: z.string(), name: z.object({ 'zh-CN': z.string(), en: z.string().optional() }) }),
  centreName: z.string(),
  status: CaseStatus,
  submittedAt: z.string(),
  history: z.array(z.object({ at: z.string(), type: CaseEventType, status: CaseStatus })),
  /** The signed notices of the case's decisions, to check a notice on paper against. */
  notices: z.array(PublicNotice).default([]),
});
export type PublicCaseStatus = z.infer<typeof PublicCaseStatus>;
