/**
 * The one backoff of the house: attempt n may wait up to min(cap, base·2^(n-1)). The outbox
 * spreads its retries with full jitter; a driver reopening its own port, or the shell reloading
 * a crashed page, waits the ceiling itself (there is no crowd of them to spread).
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

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

/** The counting kind, for a loop that retries until it succeeds: next() doubles, reset() after a success. */
export class Backoff {
  #attempt = 0;

  constructor(
    readonly policy: BackoffPolicy,
    /** Full jitter, for the many-clients case; none by default. */
    private readonly jitter?: () => number,
  ) {}

  /** Failures since the last reset. */
  get attempts(): number {
    return this.#attempt;
  }

  next(): number {
    this.#attempt += 1;
    return this.jitter ? backoffDelay(this.#attempt, this.policy, this.jitter) : backoffCeiling(this.#attempt, this.policy);
  }

  reset(): void {
    this.#attempt = 0;
  }
}
