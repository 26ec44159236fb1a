import { z } from 'zod';
import { TimelinessThresholds } from './timeliness';

/**
 * The service catalogue (事项目录) as it crosses the wire from the platform to terminals.
 * Catalogue content is data from the platform, so it carries its own translations rather
 * than going through the terminal's i18n tables.
 */
export const LocalizedText = z.object({
  'zh-CN': z.string().min(1),
  en: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Identity fields a form may take from the ID card; shown read-only when prefilled. */
export const PrefillSource = z.enum(['name', 'sex', 'nation', 'birthDate', 'address', 'idNumber']);
export type PrefillSource = z.infer<typeof PrefillSource>;

export const FieldType = z.enum([
  'text',
  'number',
  'date',
  'choice',
  'address',
  'phone',
  'idNumber',
  'checkbox',
  'confirm',
  /** A person's name in Chinese characters (· allowed, as in 阿依古丽·买买提): no raw Latin letters. */
  'personName',
  /** A code of digits only (a bank account, a certificate serial): typed on the numeric pad. */
  'digits',
]);
export type FieldType = z.infer<typeof FieldType>;

export const FormField = z.object({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
  label: LocalizedText,
  type: FieldType,
  required: z.boolean().default(false),
  prefill: PrefillSource.optional(),
  /**
   * 代办: filled from the agent's own card once the kiosk has read it (读取代办人身份证), typed
   * until then. Apart from `prefill`, which is always the applicant's card.
   */
  fromAgentCard: PrefillSource.optional(),
  options: z.array(z.object({ value: z.string(), label: LocalizedText })).optional(),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Shown (and validated) only while another field has the given value. */
  showIf: z.object({ field: z.string(), equals: z.union([z.string(), z.boolean()]) }).optional(),
  help: LocalizedText.optional(),
  /**
   * Personal data (个人信息): masked wherever the case is read without a reveal. Unset, every
   * field a person types or the ID card fills is personal; only choices and ticks are not.
   */
  personal: z.boolean().optional(),
});
export type FormField = z.infer<typeof FormField>;

const NOT_PERSONAL_BY_DEFAULT: ReadonlySet<FieldType> = new Set(['choice', 'checkbox', 'confirm']);

/** The one rule of which form fields are personal data. */
export function isPersonalField(field: Pick<FormField, 'type' | 'prefill' | 'personal'>): boolean {
  if (field.personal !== undefined) return field.personal;
  return field.prefill !== undefined || !NOT_PERSONAL_BY_DEFAULT.has(field.type);
}

export const FormSchema = z.object({ fields: z.array(FormField) });
export type FormSchema = z.infer<typeof FormSchema>;

export const Material = z.object({
  code: z.string(),
  name: LocalizedText,
  required: z.boolean(),
  /** The electronic licence (电子证照) type that satisfies this material without paper. */
  electronicLicence: z.string().optional(),
  /** Whose licence it is: the applicant's (default) or, for an agent's own papers, the agent's (form field agentIdNumber). */
  holder: z.enum(['applicant', 'agent']).optional(),
  scan: z.boolean().default(true),
});
export type Material = z.infer<typeof Material>;

export const ServiceKind = z.enum(['certificate', 'application', 'bundle']);
export type ServiceKind = z.infer<typeof ServiceKind>;

export const ServiceItem = z.object({
  code: z.string().min(1),
  name: LocalizedText,
  category: z.string(),
  department: LocalizedText,
  /** The code of the centre's department that decides this service (后台审批); none for on-the-spot services and bundles. */
  decidedBy: z.string().optional(),
  kind: ServiceKind,
  /** For a one-thing bundle (一件事): the codes of the items it bundles. */
  bundleOf: z.array(z.string()).optional(),
  summary: LocalizedText,
  materials: z.array(Material),
  form: FormSchema,
  /** The promised time (承诺时限) in working days from 受理. */
  timeLimitDays: z.number().int().nonnegative(),
  /** 效能 thresholds (warning period before the deadline); the platform's defaults where absent. */
  timeliness: TimelinessThresholds.optional(),
  feeCents: z.number().int().nonnegative(),
  resultDelivery: LocalizedText,
  counterVisit: z.enum(['none', 'required', 'maybe']),
  /** The licence type its result is (e.g. a certificate): a completed case adds the result to the licence library. */
  resultLicence: z.string().optional(),
  /** Who may apply, checked from the ID card before the form is filled (高龄津贴: 80 or more). */
  eligibility: z.object({ minAge: z.number().int().positive().max(150) }).strict().optional(),
  /** Names of the laws and regulations the service rests on (names only, no article numbers). */
  legalBasis: z.array(LocalizedText).default([]),
  /** How often this service is used at the centre; the menu shows the most used first. */
  popularity: z.number().int().nonnegative().default(0),
});
export type ServiceItem = z.infer<typeof ServiceItem>;

export const Category = z.object({
  code: z.string(),
  name: LocalizedText,
  /** The letter that starts the queue numbers (取号, e.g. A023) of this category's cases. */
  queuePrefix: z.string().regex(/^[A-Z]$/).optional(),
});
export type Category = z.infer<typeof Category>;

export const Catalogue = z.object({
  version: z.string(),
  /** Demo content, not a real centre's catalogue: the UI says so. */
  demo: z.boolean(),
  categories: z.array(Category),
  items: z.array(ServiceItem),
});
export type Catalogue = z.infer<typeof Catalogue>;
