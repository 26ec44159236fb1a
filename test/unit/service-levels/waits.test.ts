import { describe, expect, it } from 'vitest';
import { serviceLines, timesOf, waitLevelOf, type WaitItem } from '../../../platform/service-levels/waits';

const MIN = 60_000;
const target = { serviceCode: 's', warningMinutes: 10, criticalMinutes: 20, isDefault: false };
const item = (over: Partial<WaitItem>): WaitItem => ({ serviceCode: 's', since: 0, calledAt: null, calledBy: null, startedAt: null, startedBy: null, finishedAt: null, ...over });

describe('service-level arithmetic', () => {
  it('puts a wait at a threshold past it', () => {
    expect(waitLevelOf(10 * MIN - 1, target)).toBe('ok');
    expect(waitLevelOf(10 * MIN, target)).toBe('warning');
    expect(waitLevelOf(20 * MIN - 1, target)).toBe('warning');
    expect(waitLevelOf(20 * MIN, target)).toBe('critical');
  });

  it('counts waiting items now and today’s called ones apart', () => {
    const now = 30 * MIN;
    const lines = serviceLines([target, { ...target, serviceCode: 'quiet' }], (code) => `name ${code}`, [
      item({ since: now - 5 * MIN }),
      item({ since: now - 12 * MIN }),
      item({ since: now - 25 * MIN }),
      // Called after 21 minutes: over the limit today, not waiting now.
      item({ since: 0, calledAt: 21 * MIN }),
    ], now);
    expect(lines).toEqual([
      { serviceCode: 's', name: 'name s', warningMinutes: 10, criticalMinutes: 20, waiting: 3, warningNow: 1, criticalNow: 1, warningToday: 3, criticalToday: 2 },
      { serviceCode: 'quiet', name: 'name quiet', warningMinutes: 10, criticalMinutes: 20, waiting: 0, warningNow: 0, criticalNow: 0, warningToday: 0, criticalToday: 0 },
    ]);
  });

  it('takes the spans an item has, and leaves out those it has not', () => {
    const times = timesOf([
      item({ since: 0, calledAt: 4 * MIN, startedAt: 5 * MIN, finishedAt: 9 * MIN }),
      item({ since: 0, calledAt: 2 * MIN }),
    ]);
    expect(times.served).toBe(2);
    expect(times.waiting).toMatchObject({ count: 2, p50Seconds: 240, p90Seconds: 240 });
    expect(times.walking).toMatchObject({ count: 1, p50Seconds: 60 });
    expect(times.handling).toMatchObject({ count: 1, p50Seconds: 240 });
  });
});
