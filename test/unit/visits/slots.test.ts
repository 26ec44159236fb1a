import { describe, expect, it } from 'vitest';
import { VisitSettings } from '../../../contract/platform/visits';
import { addDays, dayOf, instantOf, weekdayOf } from '../../../platform/visits/centre-time';
import { slotsOfDay } from '../../../platform/visits/slots';
import { configuredWaitMinutes, estimateWaitMinutes } from '../../../platform/visits/wait-estimate';

const SPANS = [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:15' }];
const HOURS = { timeZone: 'Asia/Shanghai', week: [[], SPANS, SPANS, SPANS, SPANS, SPANS, []], maintenanceAt: '03:00' };

describe('centre time', () => {
  it('names the instant of a wall-clock time in the zone, and back', () => {
    expect(new Date(instantOf('2026-12-02', '09:00', 'Asia/Shanghai')).toISOString()).toBe('2026-12-02T01:00:00.000Z');
    // A zone with daylight saving: Berlin is UTC+2 in July, UTC+1 in December.
    expect(new Date(instantOf('2026-07-01', '09:00', 'Europe/Berlin')).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(dayOf(Date.parse('2026-12-01T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-02');
    expect(weekdayOf('2026-12-05')).toBe(6);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('slots of a day', () => {
  it('cuts each opening span into slots holding what the windows serve, a short last one kept', () => {
    const settings = VisitSettings.parse({ slotMinutes: 30, services: { s: { windows: 2, minutesPerCitizen: 10 } } });
    const slots = slotsOfDay(HOURS, settings, 's', '2026-12-02');
    expect(slots).toHaveLength(6 + 8);
    expect(slots[0]).toEqual({ start: Date.parse('2026-12-02T09:00:00+08:00'), end: Date.parse('2026-12-02T09:30:00+08:00'), capacity: 6 });
    expect(slots.at(-1)).toEqual({ start: Date.parse('2026-12-02T17:00:00+08:00'), end: Date.parse('2026-12-02T17:15:00+08:00'), capacity: 3 });
  });

  it('has none on a closed day, nor for a service without windows', () => {
    const settings = VisitSettings.parse({ services: { closed: { windows: 0, minutesPerCitizen: 10 } } });
    expect(slotsOfDay(HOURS, settings, 'any', '2026-12-06')).toEqual([]);
    expect(slotsOfDay(HOURS, settings, 'closed', '2026-12-02')).toEqual([]);
  });
});

describe('the wait estimate', () => {
  const now = Date.parse('2026-12-02T10:00:00+08:00');
  it('weighs the pace of the last hour’s calls against the configured one, more as calls add up', () => {
    const four = [50, 44, 38, 32].map((m) => now - m * 60_000);
    // 3 intervals of 6 minutes beside 4 of the configured 15: 11.1 minutes a citizen, 3.5 citizens.
    expect(estimateWaitMinutes(3, four, { windows: 1, minutesPerCitizen: 15 }, now)).toBe(39);
    const ten = Array.from({ length: 10 }, (_, i) => now - (56 - 6 * i) * 60_000);
    expect(estimateWaitMinutes(3, ten, { windows: 1, minutesPerCitizen: 15 }, now)).toBe(31);
  });
  it('falls back to the configured pace with too few calls, or calls older than an hour', () => {
    expect(estimateWaitMinutes(3, [now - 90 * 60_000, now - 80 * 60_000, now - 70 * 60_000, now - 5 * 60_000], { windows: 2, minutesPerCitizen: 10 }, now)).toBe(18);
    expect(configuredWaitMinutes(3, { windows: 2, minutesPerCitizen: 10 })).toBe(18);
  });
});
