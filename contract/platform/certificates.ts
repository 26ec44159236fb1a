import { z } from 'zod';
import { Applicant, VisitId } from './cases';

const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const Fen = z.number().int().nonnegative();
const Share = z.object({ employer: Fen, personal: Fen });

/**
 * `POST /v1/certificates/contribution` (a kiosk of the centre): the social-insurance
 * contribution certificate (社会保险个人参保缴费证明) of the applicant over a period, issued and
 * signed by the platform. Amounts in fen; the ID number only masked in what is returned.
 */
export const ContributionCertificateRequest = z
  .object({
    applicant: Applicant,
    period: z.object({ from: YearMonth, to: YearMonth }),
    /** The kiosk session the certificate was printed in, for the audit trail. */
    visitId: VisitId,
  })
  .refine((r) => r.period.from <= r.period.to, { message: 'from is after to', path: ['period'] });
export type ContributionCertificateRequest = z.infer<typeof ContributionCertificateRequest>;

export const ContributionCertificateData = z.object({
  certificateNo: z.string(),
  person: z.object({ name: z.string(), idNumberMasked: z.string(), insuredSince: YearMonth }),
  insurances: z.array(
    z.object({
      type: z.enum(['pension', 'medical', 'unemployment', 'injury', 'maternity']),
      status: z.enum(['参保缴费', '暂停缴费', '终止参保']),
      since: YearMonth,
    }),
  ),
  period: z.object({ from: YearMonth, to: YearMonth }),
  months: z.array(
    z.object({ month: YearMonth, employer: z.string(), base: Fen, pension: Share, medical: Share, unemployment: Share, injury: Fen, paid: z.boolean() }),
  ),
  issuer: z.object({ name: z.string() }),
  issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ContributionCertificateData = z.infer<typeof ContributionCertificateData>;

export const IssuedContributionCertificate = z.object({
  documentId: z.string(),
  data: ContributionCertificateData,
  verification: z.object({ code: z.string(), url: z.string().url() }),
  /** Made from the demo contribution records, not a real social-insurance system. */
  demo: z.boolean(),
});
export type IssuedContributionCertificate = z.infer<typeof IssuedContributionCertificate>;
