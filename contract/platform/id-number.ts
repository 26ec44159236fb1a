/**
 * GB 11643-1999 citizen identity numbers: 17 digits and an ISO 7064 MOD 11-2 check character.
 * Pure code, shared by the platform (intake validation) and anything else that needs it.
 */
import { compactCalendarDate } from '../dates/calendar-date';
import { gb11643CheckCharacter, gb11643Problem } from '../identity/id-number';

export { maskIdNumber } from '../identity/id-number';

export const idNumberCheckCharacter = gb11643CheckCharacter;

/** Why a string is not a valid ID number (region, real past birth date, check character), or undefined. */
export function idNumberProblem(value: string): string | undefined {
  return gb11643Problem(value);
}

/** The birth date an ID number encodes, as YYYY-MM-DD, or undefined when it is no real date. */
export function birthDateFromIdNumber(value: string): string | undefined {
  const date = /^\d{6}\d{8}/.test(value) ? compactCalendarDate(value.slice(6, 14)) : undefined;
  return date !== undefined && date >= '1900-01-01' ? date : undefined;
}

/** 138****5678: enough for the citizen to recognise the number, not enough to use it. */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
