import { z } from 'zod';

/**
 * Every error the platform answers with has this shape. `code` is stable and machine-readable;
 * `field` names the offending request field as a dotted path (e.g. `form.purposeOther`,
 * `materials.0.blob`) when one field is to blame.
 */
export const ErrorCode = z.enum([
  'invalid-request',
  'invalid-form',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'illegal-transition',
  'account-locked',
  'payload-too-large',
  'unsupported-media-type',
  'rate-limited',
  'queue-empty',
  'too-many-streams',
  'internal',
  // A material names an electronic licence (电子证照) the case cannot use (field: materials.N.electronicLicence).
  'licence-unknown',
  'licence-wrong-holder',
  'licence-expired',
  'licence-revoked',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
