import { describe, expect, it } from 'vitest';
import { buildCalendar, CalendarError, deadlineAfter, isWorkingDay, NATIONAL_CALENDARS, workingDaysBetween } from '../../../common/working-days';

// Literal facts of the State Council General Office's notice on the 2026 holidays (published 2025-11-04):
// 国庆节 1–7 October off, Saturday 10 October worked instead (调休).
const calendar = buildCalendar([...NATIONAL_CALENDARS]);
const cst = (text: string) => Date.parse(`${text}+08:00`);

describe('working days', () => {
  it('knows weekends, public holidays and 调休 working weekends', () => {
    expect(isWorkingDay(calendar, '2026-09-29')).toBe(true);
    expect(isWorkingDay(calendar, '2026-10-01')).toBe(false);
    expect(isWorkingDay(calendar, '2026-10-05')).toBe(false);
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
    expect(isWorkingDay(calendar, '2026-10-11')).toBe(false);
    expect(isWorkingDay(calendar, '2026-02-28')).toBe(true);
  });

  it('counts a promise across the National Day holiday, a Sunday and the 调休 Saturday', () => {
    // Tue 29 Sep: Wed 30 (1) · 1–7 Oct off · Thu 8 (2) · Fri 9 (3) · Sat 10 调休 (4) · Sun 11 off · Mon 12 (5).
    const deadline = deadlineAfter(calendar, cst('2026-09-29T10:15:00'), 5);
    expect(deadline.day).toBe('2026-10-12');
    expect(deadline.at).toBe(cst('2026-10-12T23:59:59.999'));
    expect(deadline.provisional).toBe(false);
  });

  it('counts from the next day: 0 days is today, 1 day after Friday is Monday', () => {
    expect(deadlineAfter(calendar, cst('2026-12-04T16:00:00'), 0).day).toBe('2026-12-04');
    expect(deadlineAfter(calendar, cst('2026-12-04T16:00:00'), 1).day).toBe('2026-12-07');
    // Late in the evening UTC is already the next day in China.
    expect(deadlineAfter(calendar, Date.parse('2026-12-03T17:30:00Z'), 1).day).toBe('2026-12-07');
  });

  it('says when it counted through a year it has no schedule for', () => {
    const deadline = deadlineAfter(calendar, cst('2026-12-28T09:00:00'), 5);
    expect(deadline.day).toBe('2027-01-04');
    expect(deadline.provisional).toBe(true);
  });

  it('counts working days left and overdue', () => {
    expect(workingDaysBetween(calendar, cst('2026-09-29T09:00:00'), cst('2026-10-12T09:00:00'))).toBe(5);
    expect(workingDaysBetween(calendar, cst('2026-10-12T09:00:00'), cst('2026-09-29T09:00:00'))).toBe(-5);
  });

  it('takes a centre’s local days over the national ones', () => {
    const local = buildCalendar([...NATIONAL_CALENDARS], [{ day: '2026-09-30', kind: 'off', name: '区庆' }]);
    expect(deadlineAfter(local, cst('2026-09-29T10:15:00'), 5).day).toBe('2026-10-13');
  });

  it('names the bad entry of a calendar', () => {
    expect(() => buildCalendar([{ year: 2026, source: 'x', daysOff: [{ name: '春节', days: ['2026-02-30'] }], weekendWorkingDays: [] }])).toThrow(
      /春节: "2026-02-30" is not a date/,
    );
    expect(() => buildCalendar([{ year: 2026, source: 'x', daysOff: [], weekendWorkingDays: ['2026-10-12'] }])).toThrow(CalendarError);
    expect(() => deadlineAfter(calendar, 0, -1)).toThrow(/whole number/);
  });
});
