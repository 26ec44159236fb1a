import { z } from 'zod';
import { Distribution } from './ratings';

/**
 * Service-level targets (等候时限): how long a citizen may wait to be called, per service, as a
 * warning (即将超时) and a critical (已超时) threshold in minutes. Waiting runs from the ticket
 * taken or the case received (for a checked-in appointment, from its slot's start if later) to
 * the call. Computed by the platform in one place (platform/service-levels) against its clock.
 */
export { WaitLevel } from './wait-level';

/** Longest a target may be: a wait past a working day is not a queue any more. */
export const MAX_TARGET_MINUTES = 600;

const Minutes = z.number().int().positive().max(MAX_TARGET_MINUTES);

export const ServiceLevelTargetInput = z
  .object({ warningMinutes: Minutes, criticalMinutes: Minutes })
  .strict()
  .refine((t) => t.warningMinutes < t.criticalMinutes, { message: 'must be more than warningMinutes', path: ['criticalMinutes'] });
export type ServiceLevelTargetInput = z.infer<typeof ServiceLevelTargetInput>;

export const ServiceLevelTarget = z.object({
  serviceCode: z.string(),
  warningMinutes: z.number().int(),
  criticalMinutes: z.number().int(),
  /** True while the admin has not set this service's targets: the platform's defaults apply. */
  isDefault: z.boolean(),
});
export type ServiceLevelTarget = z.infer<typeof ServiceLevelTarget>;

/**
 * The defaults: 15 minutes to the warning, 30 to critical. Thirty minutes is the wait many
 * service halls publish as their promise (排队等候不超过30分钟); the warning leaves half of it
 * to act on. An admin sets each service's own.
 */
export const DEFAULT_TARGET = { warningMinutes: 15, criticalMinutes: 30 } as const;

/** Per service: the items waiting now over each threshold, and the items of today that went over. */
export const ServiceLevelLine = z.object({
  serviceCode: z.string(),
  name: z.string(),
  warningMinutes: z.number().int(),
  criticalMinutes: z.number().int(),
  waiting: z.number().int().nonnegative(),
  /** Waiting now, past the warning threshold but not yet critical. */
  warningNow: z.number().int().nonnegative(),
  criticalNow: z.number().int().nonnegative(),
  /** Today's items (waiting now or called today) whose wait passed each threshold; critical ones count in both. */
  warningToday: z.number().int().nonnegative(),
  criticalToday: z.number().int().nonnegative(),
});
export type ServiceLevelLine = z.infer<typeof ServiceLevelLine>;

export const ServiceLevelsNow = z.object({ centreId: z.string(), at: z.string(), services: z.array(ServiceLevelLine) });
export type ServiceLevelsNow = z.infer<typeof ServiceLevelsNow>;

/** The three spans of a served item, each a distribution (median = p50). */
export const ServiceTimes = z.object({
  served: z.number().int().nonnegative(),
  /** Taken / received → called. */
  waiting: Distribution,
  /** Called → 开始办理 (the citizen reached the counter). */
  walking: Distribution,
  /** 开始办理 → finished (the ticket done, the case's first decision at the window). */
  handling: Distribution,
});
export type ServiceTimes = z.infer<typeof ServiceTimes>;

export const ServiceLevelStats = z.object({
  centreId: z.string(),
  from: z.string(),
  to: z.string(),
  byService: z.array(ServiceTimes.extend({ serviceCode: z.string(), name: z.string() })),
  byStaff: z.array(ServiceTimes.extend({ staffId: z.string(), displayName: z.string() })),
});
export type ServiceLevelStats = z.infer<typeof ServiceLevelStats>;
