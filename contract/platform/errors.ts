import { z } from 'zod';

/**
 * Every error the platform answers with has this shape. `code` is stable and machine-readable;
 * `field` names the offending request field as a dotted path (e.g. `form.purposeOther`,
 * `materials.0.blob`) when one field is to blame.
 */
export const ErrorCode = z.enum([
  // The request itself is wrong.
  'invalid-request', 'invalid-form', 'payload-too-large', 'unsupported-media-type',
  // The caller may not, or not now.
  'unauthenticated', 'forbidden', 'account-locked', 'rate-limited', 'too-many-streams',
  // What it asks about is not there or not in that state.
  'not-found', 'conflict', 'illegal-transition', 'queue-empty',
  'internal',
  // A material names an electronic licence (电子证照) the case cannot use (field: materials.N.electronicLicence).
  'licence-unknown', 'licence-wrong-holder', 'licence-expired', 'licence-revoked',
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
