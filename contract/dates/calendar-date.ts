/**
 * Calendar dates as the forms, the ID numbers and the cards write them. Plain code without
 * imports, so the renderer may use it at run time.
 */

/** YYYY-MM-DD when year, month and day make a real calendar date (no 31 April, no 29 February 2025), else undefined. */
export function calendarDate(y: number, m: number, d: number): string | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date a `YYYYMMDD` string (as ID numbers and cards hold it) names, as YYYY-MM-DD, or undefined. */
export function compactCalendarDate(yyyymmdd: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  return m ? calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** Whether `value` is a real date written YYYY-MM-DD. */
export function isIsoCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) !== undefined;
}
