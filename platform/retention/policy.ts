import { z } from 'zod';

/**
 * How long the platform keeps a finished case's personal data (applicant, form, materials),
 * counted from the day it was completed or rejected: a default, and per service where the law of
 * that service asks for another period. What is kept after that: the case number, service,
 * status, times and events, the rating without its comment, and the whole audit trail.
 */
export const RetentionPolicy = z
  .object({
    defaultDays: z.number().int().min(1).max(36_500).default(365),
    byService: z.record(z.string().min(1), z.number().int().min(1).max(36_500)).default({}),
  })
  .strict();
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const DEFAULT_RETENTION: RetentionPolicy = { defaultDays: 365, byService: {} };

export function retentionDays(policy: RetentionPolicy, serviceCode: string): number {
  return policy.byService[serviceCode] ?? policy.defaultDays;
}
