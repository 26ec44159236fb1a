import { z } from 'zod';

/**
 * 电子证照: the licences a city's electronic licence library holds for a person. A kiosk asks
 * only after the citizen's one-time consent (一次授权) for this case, and learns per type only
 * whether a valid licence exists and its number (kept in the terminal process for the case's
 * material reference); staff see the licence itself, every view audited.
 */
export const LicenceType = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'a lower-case licence type code such as marriage-certificate');
export type LicenceType = z.infer<typeof LicenceType>;

const IdNumber = z.string().regex(/^\d{17}[\dX]$/, 'must be 17 digits and a digit or X');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/** `POST /v1/licences/lookups` (terminals): consent recorded with the lookup, for one holder. */
export const LicenceLookupRequest = z.object({
  /** The citizen's visit (session) the consent was given in. */
  visitId: z.string().min(1).max(64),
  consent: z.object({ grantedAt: z.string().datetime({ offset: true }), scope: z.literal('this-case') }),
  /** Whose licences: the applicant's, or an agent's own papers. */
  holderRole: z.enum(['applicant', 'agent']),
  holderIdNumber: IdNumber,
  types: z.array(LicenceType).min(1).max(30),
});
export type LicenceLookupRequest = z.infer<typeof LicenceLookupRequest>;

export const LicenceStatus = z.enum(['valid', 'expired', 'missing']);
export type LicenceStatus = z.infer<typeof LicenceStatus>;

export const LicenceLookupResult = z.object({
  consentId: z.string(),
  results: z.array(
    z.object({
      type: LicenceType,
      status: LicenceStatus,
      /** Only for a valid licence: what the case's material reference names. */
      number: z.string().nullable(),
    }),
  ),
});
export type LicenceLookupResult = z.infer<typeof LicenceLookupResult>;

/** What a staff member sees of a licence: the document, issuer, validity and whether it verified. */
export const LicenceView = z.object({
  id: z.string(),
  type: LicenceType,
  number: z.string(),
  issuer: z.string(),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  status: z.enum(['valid', 'expired']),
  holderMasked: z.string(),
  verification: z.enum(['genuine', 'altered', 'unknown-key']),
  document: z.object({ mediaType: z.enum(['application/pdf', 'image/png', 'image/jpeg']), base64: z.string(), sha256: z.string() }),
  /** The case whose result this licence is, when the platform issued it. */
  sourceCaseId: z.string().nullable(),
  /** The day the issuer withdrew it (吊销/注销), if it did. */
  revokedAt: IsoDate.nullable(),
});
export type LicenceView = z.infer<typeof LicenceView>;

/** `GET /v1/cases/{caseId}/licences`: the licences the case's materials name, as staff see them. */
export const CaseLicences = z.object({
  caseId: z.string(),
  licences: z.array(z.object({ materialCode: z.string(), licence: LicenceView.nullable(), problem: z.enum(['not-found', 'expired', 'revoked']).nullable() })),
});
export type CaseLicences = z.infer<typeof CaseLicences>;

/** One licence of a pilot's file (`tongban platform --licences FILE`: a JSON array of these). */
export const LicenceImport = z.object({
  type: LicenceType,
  number: z.string().min(1).max(64),
  issuer: z.string().min(1).max(100),
  holderIdNumber: IdNumber,
  holderName: z.string().min(1).max(60),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  document: z
    .object({ mediaType: z.enum(['application/pdf', 'image/png', 'image/jpeg']), base64: z.string().min(1) })
    .optional(),
  /** The day the issuer withdrew it (吊销/注销). */
  revokedAt: IsoDate.optional(),
});
export type LicenceImport = z.infer<typeof LicenceImport>;
export const LicenceFile = z.array(LicenceImport);
export type LicenceFile = z.infer<typeof LicenceFile>;
