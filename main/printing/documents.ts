import { z } from 'zod';

/**
 * The data each printed document binds. Everything here is what the paper shows: the ID
 * number arrives already masked (first 6 + last 4), and amounts are integers in fen so that
 * sums and signatures never meet floating-point rounding.
 */

const maskedId = z.string().regex(/^\d{6}\*{8}\d{3}[\dX]$/, 'a masked ID number (first 6 + last 4, e.g. 440602********1234)');
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const fen = z.number().int().min(0);
const Centre = z.object({ name: z.string().min(1), address: z.string().min(1).optional(), phone: z.string().min(1).optional() });
const Applicant = z.object({ name: z.string().min(1), idNumberMasked: maskedId });
const Verification = z.object({ code: z.string().min(1), url: z.string().url() });

export const INSURANCE_TYPES = {
  pension: '企业职工基本养老保险',
  medical: '职工基本医疗保险',
  unemployment: '失业保险',
  injury: '工伤保险',
  maternity: '生育保险',
} as const;
export type InsuranceType = keyof typeof INSURANCE_TYPES;
const insuranceType = z.enum(Object.keys(INSURANCE_TYPES) as [InsuranceType, ...InsuranceType[]]);

const Share = z.object({ employer: fen, personal: fen });

export const ContributionCertificate = z
  .object({
    certificateNo: z.string().min(1),
    person: Applicant.extend({ insuredSince: yearMonth }),
    insurances: z.array(z.object({ type: insuranceType, status: z.enum(['参保缴费', '暂停缴费', '终止参保']), since: yearMonth })).min(1),
    period: z.object({ from: yearMonth, to: yearMonth }),
    months: z
      .array(
        z.object({
          month: yearMonth,
          employer: z.string().min(1),
          base: fen,
          pension: Share,
          medical: Share,
          unemployment: Share,
          injury: fen,
          paid: z.boolean(),
        }),
      )
      .min(1),
    issuer: Centre,
    issuedOn: isoDate,
    verification: Verification,
    /** Demo and training prints carry a SAMPLE watermark. */
    sample: z.boolean().default(false),
  })
  .refine((c) => c.period.from <= c.period.to, { message: 'period.from after period.to', path: ['period'] })
  .refine((c) => c.months.every((m) => m.month >= c.period.from && m.month <= c.period.to), { message: 'a month outside the period', path: ['months'] })
  .refine((c) => new Set(c.months.map((m) => m.month)).size === c.months.length, { message: 'a month listed twice', path: ['months'] });
export type ContributionCertificate = z.input<typeof ContributionCertificate>;

const Material = z.object({ name: z.string().min(1), form: z.enum(['原件', '复印件', '电子件']), copies: z.number().int().min(1) });

export const CaseReceipt = z.object({
  caseNumber: z.string().min(1),
  queueNumber: z.string().min(1).optional(),
  service: z.object({ code: z.string().min(1), name: z.string().min(1) }),
  applicant: Applicant,
  receivedAt: z.string().min(1),
  materials: z.array(Material).min(1),
  promisedWorkingDays: z.number().int().min(0),
  nextSteps: z.array(z.string().min(1)).min(1),
  /** submitted: made at a kiosk, not yet reviewed at the window; accepted: 受理 at the window. */
  stage: z.enum(['submitted', 'accepted']).default('accepted'),
  statusUrl: z.string().url(),
  /** The code printed beside the QR code; whoever holds the receipt may type it on the status page. */
  statusCode: z.string().min(1).optional(),
  centre: Centre,
  terminalId: z.string().min(1).optional(),
  /** A 一件事: the services it brings together on this one receipt, each with its promised time. */
  bundleItems: z.array(z.object({ name: z.string().min(1), promisedWorkingDays: z.number().int().min(0) })).optional(),
  sample: z.boolean().default(false),
});
export type CaseReceipt = z.input<typeof CaseReceipt>;

export const SupplementNotice = z.object({
  noticeNo: z.string().min(1),
  caseNumber: z.string().min(1),
  service: z.object({ code: z.string().min(1), name: z.string().min(1) }),
  applicant: Applicant,
  receivedOn: isoDate,
  /** Everything missing, at once (一次性告知): one row per material with what it must be. */
  missing: z.array(z.object({ name: z.string().min(1), requirement: z.string().min(1) })).min(1),
  deadlineWorkingDays: z.number().int().min(1),
  centre: Centre,
  issuedOn: isoDate,
  /** Whoever is shown the notice can check it is genuine (核验码, and the status page its QR code opens). */
  verification: Verification,
  sample: z.boolean().default(false),
});
export type SupplementNotice = z.input<typeof SupplementNotice>;

export const RejectionNotice = z.object({
  noticeNo: z.string().min(1),
  caseNumber: z.string().min(1),
  service: z.object({ code: z.string().min(1), name: z.string().min(1) }),
  applicant: Applicant,
  receivedOn: isoDate,
  reasons: z.array(z.string().min(1)).min(1),
  legalBasis: z.string().min(1),
  /** Where the applicant can go instead, when the matter belongs to another authority. */
  redirectTo: z.string().min(1).optional(),
  remedy: z.object({ reviewBody: z.string().min(1), court: z.string().min(1) }),
  centre: Centre,
  issuedOn: isoDate,
  /** Whoever is shown the notice can check it is genuine (核验码, and the status page its QR code opens). */
  verification: Verification,
  sample: z.boolean().default(false),
});
export type RejectionNotice = z.input<typeof RejectionNotice>;

export const PrintableDocument = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contribution-certificate'), data: ContributionCertificate }),
  z.object({ kind: z.literal('case-receipt'), data: CaseReceipt }),
  z.object({ kind: z.literal('supplement-notice'), data: SupplementNotice }),
  z.object({ kind: z.literal('rejection-notice'), data: RejectionNotice }),
]);
export type PrintableDocument = z.input<typeof PrintableDocument>;
export type DocumentKind = PrintableDocument['kind'];
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['contribution-certificate', 'case-receipt', 'supplement-notice', 'rejection-notice'];

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  'contribution-certificate': '社会保险个人参保缴费证明',
  'case-receipt': '受理回执',
  'supplement-notice': '补正材料告知书',
  'rejection-notice': '不予受理告知书',
};
