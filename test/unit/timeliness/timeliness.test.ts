import { describe, expect, it } from 'vitest';
import { buildCalendar, deadlineAfter, lastWorkingDaysStart, NATIONAL_CALENDARS } from '../../../common/working-days';
import { timelinessOf, warningAt } from '../../../platform/timeliness/timeliness';

const calendar = buildCalendar([...NATIONAL_CALENDARS]);
const cst = (text: string) => Date.parse(`${text}+08:00`);

describe('效能: warning time and state', () => {
  it('starts the warning period at the start of the last N working days, over weekends and holidays', () => {
    // Due Thursday 8 October 2026, the day after the National Day holiday (1–7 October, per cn-2026.json).
    expect(lastWorkingDaysStart(calendar, '2026-10-08', 1)).toBe(cst('2026-10-08T00:00:00'));
    // Two working days back from 8 October skip the holiday and the weekend: Wednesday 30 September.
    expect(lastWorkingDaysStart(calendar, '2026-10-08', 2)).toBe(cst('2026-09-30T00:00:00'));
    // Due Monday 14 December: two working days are Friday 11 and Monday 14.
    expect(lastWorkingDaysStart(calendar, '2026-12-14', 2)).toBe(cst('2026-12-11T00:00:00'));
    // No warning period: the warning time is the deadline.
    expect(lastWorkingDaysStart(calendar, '2026-12-14', 0)).toBe(cst('2026-12-14T23:59:59.999'));
    expect(() => lastWorkingDaysStart(calendar, '2026-12-14', -1)).toThrow(/whole number/);
  });

  it('takes the service’s threshold from the catalogue, else the default of one working day', () => {
    const deadline = deadlineAfter(calendar, cst('2026-12-01T10:00:00'), 10).at;
    expect(new Date(deadline).toISOString()).toBe('2026-12-15T15:59:59.999Z');
    expect(warningAt(calendar, deadline, {})).toBe(cst('2026-12-15T00:00:00'));
    expect(warningAt(calendar, deadline, { timeliness: { warningWorkingDays: 3 } })).toBe(cst('2026-12-11T00:00:00'));
  });

  it('is on time, then near the deadline, then overdue; a finished case keeps the state it finished in; a refused one has none', () => {
    const row = { status: 'transferred', deadline_at: cst('2026-12-15T23:59:59.999'), warning_at: cst('2026-12-15T00:00:00'), ready_at: null, completed_at: null };
    expect(timelinessOf(row, cst('2026-12-14T23:59:59'))?.state).toBe('on-time');
    expect(timelinessOf(row, cst('2026-12-15T00:00:00'))?.state).toBe('warning');
    expect(timelinessOf(row, cst('2026-12-16T00:00:00'))?.state).toBe('overdue');
    expect(timelinessOf({ ...row, status: 'ready', ready_at: cst('2026-12-15T10:00:00') }, cst('2027-01-10T00:00:00'))).toMatchObject({ state: 'on-time', finishedAt: '2026-12-15T02:00:00.000Z' });
    expect(timelinessOf({ ...row, status: 'completed', completed_at: cst('2026-12-16T09:00:00') }, cst('2027-01-10T00:00:00'))?.state).toBe('overdue');
    expect(timelinessOf({ ...row, status: 'rejected' }, cst('2026-12-16T00:00:00'))).toBeNull();
    expect(timelinessOf({ ...row, status: 'queued', deadline_at: null, warning_at: null }, cst('2026-12-16T00:00:00'))).toBeNull();
  });
});
