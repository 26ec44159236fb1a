import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../contract/platform/fleet';
import { isMaintenanceMinute, localClock, openingState } from '../../../main/fleet/opening-hours';

const weekdays = [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:00' }];
const hours: OpeningHours = { timeZone: 'Asia/Shanghai', week: [[], weekdays, weekdays, weekdays, weekdays, weekdays, [{ from: '09:00', to: '12:00' }]], maintenanceAt: '03:00' };
// Tuesday 1 December 2026 in Shanghai (UTC+8).
const at = (hhmm: string, day = '2026-12-01') => Date.parse(`${day}T${hhmm}:00+08:00`);

describe('opening hours in the centre’s time', () => {
  it('reads the clock in the centre’s zone, not the machine’s', () => {
    expect(localClock(Date.parse('2026-12-01T00:30:00Z'), 'Asia/Shanghai')).toEqual({ weekday: 2, hhmm: '08:30' });
  });

  it('is open inside a span, closed at its end, and says when it opens next today', () => {
    expect(openingState(hours, at('08:30'))).toEqual({ open: true });
    expect(openingState(hours, at('12:00'))).toEqual({ open: false, opensAt: '13:30' });
    expect(openingState(hours, at('07:00'))).toEqual({ open: false, opensAt: '08:30' });
    expect(openingState(hours, at('17:30'))).toEqual({ open: false, opensAt: null });
    expect(openingState(hours, at('10:00', '2026-12-06'))).toEqual({ open: false, opensAt: null }); // a Sunday
  });

  it('restarts for maintenance only in its minute and only when closed', () => {
    expect(isMaintenanceMinute(hours, at('03:00'))).toBe(true);
    expect(isMaintenanceMinute(hours, at('03:01'))).toBe(false);
    expect(isMaintenanceMinute({ ...hours, maintenanceAt: '09:00' }, at('09:00'))).toBe(false);
  });
});
