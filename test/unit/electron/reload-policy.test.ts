import { describe, expect, it } from 'vitest';
import { createReloadPolicy } from '../../../main/electron/reload-policy';

describe('reload policy', () => {
  it('doubles the delay on repeated failures, up to a ceiling', () => {
    const policy = createReloadPolicy({ firstDelayMs: 500, maxDelayMs: 4000, stableMs: 60_000 });
    const delays = [0, 1000, 2000, 3000, 4000, 5000].map((t) => policy.nextDelay(t));
    expect(delays).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
    expect(policy.failures).toBe(6);
  });

  it('forgets past failures once the page has stayed up long enough', () => {
    const policy = createReloadPolicy({ firstDelayMs: 500, maxDelayMs: 30_000, stableMs: 60_000 });
    policy.nextDelay(0);
    policy.nextDelay(1_000);
    expect(policy.nextDelay(2_000)).toBe(2000);
    expect(policy.nextDelay(2_000 + 60_000)).toBe(500);
  });
});
