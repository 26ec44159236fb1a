import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay } from '../../../common/backoff';

const policy = { baseMs: 500, capMs: 60_000 };

describe('exponential backoff with full jitter', () => {
  it('doubles its ceiling from the base up to the cap, and stays there', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffCeiling(n, policy))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(backoffCeiling(5000, policy)).toBe(60_000);
  });

  it('draws every delay from [0, ceiling)', () => {
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const ceiling = backoffCeiling(attempt, policy);
      expect(backoffDelay(attempt, policy, () => 0)).toBe(0);
      expect(backoffDelay(attempt, policy, () => 0.999999)).toBeLessThan(ceiling);
      expect(backoffDelay(attempt, policy, () => 0.999999)).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.999));
      for (let i = 0; i < 50; i += 1) {
        const delay = backoffDelay(attempt, policy);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
  });

  it('spreads the delays rather than giving every kiosk the same one', () => {
    const delays = new Set(Array.from({ length: 100 }, () => backoffDelay(10, policy)));
    expect(delays.size).toBeGreaterThan(50);
  });

  it('refuses an attempt number below 1', () => {
    expect(() => backoffCeiling(0, policy)).toThrow(RangeError);
  });
});
