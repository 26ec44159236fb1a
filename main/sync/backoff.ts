/** Exponential backoff with full jitter: attempt n waits a uniform time in [0, min(cap, base·2^(n-1))). */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number from 1, not ${attempt}`);
  // 2^(attempt-1) overflows to Infinity for large attempts, and min() still gives the cap.
  return Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
}

/**
 * Full jitter spreads the retries of many kiosks that lost the platform at the same moment,
 * so that they do not all come back at once when it returns.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeiling(attempt, policy));
}
