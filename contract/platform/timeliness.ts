import { z } from 'zod';

/**
 * 效能: where a case stands against its promised time (承诺时限). `on-time` before its warning
 * time, `warning` (临近时限) from then to the deadline, `overdue` (已超期) after it. A case whose
 * department has finished it (ready to collect, completed) keeps the state it finished in.
 * Computed by the platform in one place (platform/timeliness) from the deadline and warning time
 * fixed at 受理; absent (null) before 受理 and for cases refused.
 */
export const TimelinessState = z.enum(['on-time', 'warning', 'overdue']);
export type TimelinessState = z.infer<typeof TimelinessState>;

export const Timeliness = z.object({
  state: TimelinessState,
  deadlineAt: z.string(),
  warningAt: z.string(),
  /** When the promise was met (ready or completed); null while it runs. */
  finishedAt: z.string().nullable(),
});
export type Timeliness = z.infer<typeof Timeliness>;

/** A service's thresholds in the catalogue; the platform's defaults apply where absent. */
export const TimelinessThresholds = z
  .object({
    /** The warning period: the last N working days of the promise (default 1). */
    warningWorkingDays: z.number().int().min(0).max(60),
  })
  .strict();
export type TimelinessThresholds = z.infer<typeof TimelinessThresholds>;

export const DEFAULT_TIMELINESS: TimelinessThresholds = { warningWorkingDays: 1 };
