/** How far back the calls of a service are read for its pace. */
export const PACE_WINDOW_MS = 60 * 60_000;
/** Fewer calls than this in the window: the configured pace is used instead. */
export const MIN_CALLS_FOR_PACE = 3;

/**
 * The wait of a citizen with `ahead` people before them, from the pace of the service's recent
 * calls (the time between the first and the last call of the last hour, over the calls between),
 * or, with too few calls to tell, from the windows and minutes per citizen configured. Half a
 * pace is added for the citizen being served when they arrive. Minutes, rounded.
 */
export function estimateWaitMinutes(
  ahead: number,
  recentCalls: readonly number[],
  configured: { windows: number; minutesPerCitizen: number },
  now: number,
): number {
  const calls = recentCalls.filter((at) => at > now - PACE_WINDOW_MS && at <= now).sort((a, b) => a - b);
  const paceMs =
    calls.length >= MIN_CALLS_FOR_PACE
      ? (calls.at(-1)! - calls[0]!) / (calls.length - 1)
      : (configured.minutesPerCitizen * 60_000) / Math.max(1, configured.windows);
  return Math.round(((ahead + 0.5) * paceMs) / 60_000);
}

/** The baseline the benchmark measures against: the configured pace alone, whatever happened today. */
export function configuredWaitMinutes(ahead: number, configured: { windows: number; minutesPerCitizen: number }): number {
  return Math.round(((ahead + 0.5) * configured.minutesPerCitizen) / Math.max(1, configured.windows));
}
