/** How far back the calls of a service are read for its pace. */
export const PACE_WINDOW_MS = 60 * 60_000;
/** Fewer calls than this in the window: the configured pace is used instead. */
export const MIN_CALLS_FOR_PACE = 3;
/** How many intervals the configured pace counts for beside the observed ones. */
export const PRIOR_INTERVALS = 4;

/**
 * The wait of a citizen with `ahead` people before them, from the pace of the service's recent
 * calls (the time between the first and the last call of the last hour, over the intervals
 * between), weighed against the pace the windows and minutes per citizen configured give; with
 * too few calls to tell, the configured pace alone. Half a pace is added for the citizen being
 * served when they arrive. Minutes, rounded.
 */
export function estimateWaitMinutes(
  ahead: number,
  recentCalls: readonly number[],
  configured: { windows: number; minutesPerCitizen: number },
  now: number,
): number {
  const calls = recentCalls.filter((at) => at > now - PACE_WINDOW_MS && at <= now).sort((a, b) => a - b);
  const configuredMs = (configured.minutesPerCitizen * 60_000) / Math.max(1, configured.windows);
  if (calls.length < MIN_CALLS_FOR_PACE) return Math.round(((ahead + 0.5) * configuredMs) / 60_000);
  // The observed pace, weighed by its intervals against PRIOR_INTERVALS of the configured one:
  // a few random gaps do not swing the estimate, a day's steady difference soon does.
  const intervals = calls.length - 1;
  const observedMs = (calls.at(-1)! - calls[0]!) / intervals;
  const paceMs = (intervals * observedMs + PRIOR_INTERVALS * configuredMs) / (intervals + PRIOR_INTERVALS);
  return Math.round(((ahead + 0.5) * paceMs) / 60_000);
}

/** The baseline the benchmark measures against: the configured pace alone, whatever happened today. */
export function configuredWaitMinutes(ahead: number, configured: { windows: number; minutesPerCitizen: number }): number {
  return Math.round(((ahead + 0.5) * configured.minutesPerCitizen) / Math.max(1, configured.windows));
}
