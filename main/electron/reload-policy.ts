import { backoffCeiling } from '../../common/backoff';

/**
 * How long to wait before reloading a renderer that crashed or hung: at once the first time,
 * then doubling, so a page that dies on load does not spin the CPU of the kiosk. A renderer
 * that stays up for `stableMs` is forgiven its past failures.
 */
export interface ReloadPolicyOptions {
  firstDelayMs?: number;
  maxDelayMs?: number;
  stableMs?: number;
}

export function createReloadPolicy(options: ReloadPolicyOptions = {}) {
  const first = options.firstDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const stable = options.stableMs ?? 60_000;
  let failures = 0;
  let lastFailureAt = Number.NEGATIVE_INFINITY;
  return {
    /** Records a failure at `now` and returns the delay before the next reload. */
    nextDelay(now: number): number {
      if (now - lastFailureAt >= stable) failures = 0;
      lastFailureAt = now;
      failures += 1;
      return backoffCeiling(failures, { baseMs: first, capMs: max });
    },
    get failures(): number {
      return failures;
    },
  };
}
