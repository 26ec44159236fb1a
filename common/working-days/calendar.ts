/**
 * Working days (工作日) for promised times (承诺时限). A working day is Monday to Friday, except
 * the days off a calendar lists, plus the weekend days it lists as worked instead (调休). Days
 * are calendar dates in China Standard Time (UTC+8, no daylight saving), written YYYY-MM-DD.
 */

/** One year's schedule as the State Council publishes it (shape of calendars/cn-YEAR.json). */
export interface CalendarYear {
  year: number;
  source: string;
  daysOff: { name: string; days: string[] }[];
  weekendWorkingDays: string[];
}

/** A centre's own days on top of the national schedule (e.g. a local holiday). */
export interface LocalDay {
  day: string;
  kind: 'off' | 'work';
  name: string;
}

export interface WorkingDayCalendar {
  /** The years whose public holidays are known; other years count Monday to Friday only. */
  readonly years: ReadonlySet<number>;
  readonly daysOff: ReadonlyMap<string, string>;
  readonly workingWeekends: ReadonlySet<string>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

function checkDay(day: string, where: string): void {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw new CalendarError(`${where}: "${day}" is not a date (YYYY-MM-DD)`);
  }
}

const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekend = (day: string): boolean => weekday(day) === 0 || weekday(day) === 6;

/** Builds a calendar from national years and a centre's local days; a wrong day is named in the error. */
export function buildCalendar(years: CalendarYear[], local: LocalDay[] = []): WorkingDayCalendar {
  const daysOff = new Map<string, string>();
  const workingWeekends = new Set<string>();
  for (const year of years) {
    for (const holiday of year.daysOff) {
      for (const day of holiday.days) {
        checkDay(day, `calendar ${year.year} ${holiday.name}`);
        daysOff.set(day, holiday.name);
      }
    }
    for (const day of year.weekendWorkingDays) {
      checkDay(day, `calendar ${year.year} weekendWorkingDays`);
      if (!isWeekend(day)) throw new CalendarError(`calendar ${year.year} weekendWorkingDays: ${day} is not a Saturday or Sunday`);
      workingWeekends.add(day);
    }
  }
  for (const entry of local) {
    checkDay(entry.day, `local day ${entry.name}`);
    if (entry.kind === 'off') {
      daysOff.set(entry.day, entry.name);
      workingWeekends.delete(entry.day);
    } else {
      daysOff.delete(entry.day);
      if (isWeekend(entry.day)) workingWeekends.add(entry.day);
    }
  }
  return { years: new Set(years.map((y) => y.year)), daysOff, workingWeekends };
}

export function isWorkingDay(calendar: WorkingDayCalendar, day: string): boolean {
  if (calendar.daysOff.has(day)) return false;
  return !isWeekend(day) || calendar.workingWeekends.has(day);
}

/** The China Standard Time date of an instant. */
export function cstDay(at: number): string {
  return new Date(at + CST_OFFSET_MS).toISOString().slice(0, 10);
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

export interface Deadline {
  /** The last working day of the promised time. */
  day: string;
  /** The end of that day (23:59:59.999 CST) as epoch milliseconds. */
  at: number;
  /** True when the count ran through a year the calendar does not know (weekends only counted there). */
  provisional: boolean;
}

/**
 * The deadline of a promise of `days` working days made at `from`: counting starts the day
 * after (the day of acceptance is not counted), so 0 days means by the end of the same day.
 */
export function deadlineAfter(calendar: WorkingDayCalendar, from: number, days: number): Deadline {
  if (!Number.isInteger(days) || days < 0) throw new CalendarError(`promised time must be a whole number of working days ≥ 0, not ${days}`);
  let day = cstDay(from);
  let provisional = !calendar.years.has(Number(day.slice(0, 4)));
  for (let left = days; left > 0; ) {
    day = nextDay(day);
    if (!calendar.years.has(Number(day.slice(0, 4)))) provisional = true;
    if (isWorkingDay(calendar, day)) left -= 1;
  }
  return { day, at: Date.parse(`${day}T00:00:00Z`) - CST_OFFSET_MS + DAY_MS - 1, provisional };
}

/** Working days from `from` to `to` (negative when `to` is earlier): the days left or overdue. */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: number, to: number): number {
  const [start, end, sign] = from <= to ? [cstDay(from), cstDay(to), 1] : [cstDay(to), cstDay(from), -1];
  let count = 0;
  for (let day = start; day < end; ) {
    day = nextDay(day);
    if (isWorkingDay(calendar, day)) count += 1;
  }
  return count * sign;
}

const previousDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/**
 * The start (00:00 CST) of the last `days` working days up to and including `deadlineDay`: when a
 * promise's warning period begins. 0 days: the end of the deadline day, so no warning at all.
 */
export function lastWorkingDaysStart(calendar: WorkingDayCalendar, deadlineDay: string, days: number): number {
  if (!Number.isInteger(days) || days < 0) throw new CalendarError(`warning period must be a whole number of working days ≥ 0, not ${days}`);
  const startOf = (day: string) => Date.parse(`${day}T00:00:00Z`) - CST_OFFSET_MS;
  if (days === 0) return startOf(deadlineDay) + DAY_MS - 1;
  let day = deadlineDay;
  let counted = isWorkingDay(calendar, day) ? 1 : 0;
  // A year of weekends is far more than any promise: the bound only stops a calendar of no working days.
  for (let guard = 0; counted < days && guard < 366; guard += 1) {
    day = previousDay(day);
    if (isWorkingDay(calendar, day)) counted += 1;
  }
  return startOf(day);
}
