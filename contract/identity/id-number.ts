/**
 * Identity numbers on the cards a centre sees. Pure code (it imports only the calendar-date
 * rule), so the renderer may use it as well as the drivers, the terminal and the platform.
 *
 * - Resident ID numbers and HK/Macao/Taiwan residence-permit numbers: GB 11643-1999, 17 digits
 *   and an ISO 7064 MOD 11-2 check character (an upper-case X stands for 10).
 * - Foreigner's permanent residence ID card, 2023 form: 18 characters, `9` + 2-digit province +
 *   3-digit numeric nationality + YYYYMMDD + 2-digit order + sex digit + the GB 11643 check.
 * - Foreigner's permanent residence ID card, 2017 form: 15 characters, 3-letter nationality +
 *   4-digit code + YYMMDD + sex digit + a check digit by the passport MRZ rule (weights 7 3 1).
 *   This layout rests on one public summary (docs/devices/idcard-sam-protocol.md, "ID numbers").
 */

import { calendarDate } from '../dates/calendar-date';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB/T 2260 province-level codes (the first two digits of a region code); 81–83 are HK, Macao, Taiwan residents. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

export type IdNumberKind = 'resident' | 'hmt-residence' | 'foreign-permanent-2017' | 'foreign-permanent-2023';

export function gb11643CheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

/** MRZ check digit (ICAO 9303): digits as themselves, A–Z as 10–35, `<` as 0, weights 7 3 1. */
export function mrzCheckDigit(value: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i] as string;
    const v = c >= '0' && c <= '9' ? Number(c) : c >= 'A' && c <= 'Z' ? c.charCodeAt(0) - 55 : 0;
    sum += v * (weights[i % 3] as number);
  }
  return String(sum % 10);
}

/** YYYY-MM-DD when year/month/day make a real calendar date from 1900 up to `today`, else undefined. */
export function realPastDate(y: number, m: number, d: number, today: Date = new Date()): string | undefined {
  const iso = y >= 1900 ? calendarDate(y, m, d) : undefined;
  return iso !== undefined && iso <= localIsoDate(today) ? iso : undefined;
}

/** The calendar date of `now` in the terminal's local time zone, as YYYY-MM-DD. */
export function localIsoDate(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function digitsDate(yyyymmdd: string, today: Date): string | undefined {
  return realPastDate(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)), today);
}

/** Why `value` is not a valid 18-character GB 11643 number (resident or HK/Macao/Taiwan), or undefined. */
export function gb11643Problem(value: string, today: Date = new Date()): string | undefined {
  if (!/^\d{17}[\dX]$/.test(value)) return 'must be 17 digits and a digit or upper-case X';
  if (!PROVINCES.has(value.slice(0, 2))) return `region code ${value.slice(0, 6)} names no province`;
  if (!digitsDate(value.slice(6, 14), today)) return `birth date ${value.slice(6, 14)} is not a real past date`;
  const expected = gb11643CheckCharacter(value.slice(0, 17));
  if (expected !== value[17]) return `check character is ${value[17]}, expected ${expected}`;
  return undefined;
}

/** Why `value` is not a valid 2023-form foreigner's permanent residence number, or undefined. */
export function foreignPermanent2023Problem(value: string, today: Date = new Date()): string | undefined {
  if (!/^9\d{16}[\dX]$/.test(value)) return 'must be 9, 16 digits and a digit or upper-case X';
  if (!PROVINCES.has(value.slice(1, 3))) return `province code ${value.slice(1, 3)} is unknown`;
  if (!digitsDate(value.slice(6, 14), today)) return `birth date ${value.slice(6, 14)} is not a real past date`;
  const expected = gb11643CheckCharacter(value.slice(0, 17));
  if (expected !== value[17]) return `check character is ${value[17]}, expected ${expected}`;
  return undefined;
}

/** Why `value` is not a valid 2017-form (15-character) foreigner's permanent residence number, or undefined. */
export function foreignPermanent2017Problem(value: string, today: Date = new Date()): string | undefined {
  if (!/^[A-Z]{3}\d{12}$/.test(value)) return 'must be 3 upper-case letters and 12 digits';
  const yy = Number(value.slice(7, 9));
  const m = Number(value.slice(9, 11));
  const d = Number(value.slice(11, 13));
  if (!realPastDate(2000 + yy, m, d, today) && !realPastDate(1900 + yy, m, d, today)) {
    return `birth date ${value.slice(7, 13)} is not a real past date`;
  }
  const expected = mrzCheckDigit(value.slice(0, 14));
  if (expected !== value[14]) return `check digit is ${value[14]}, expected ${expected}`;
  return undefined;
}

/** Why `value` is no valid number for a card of `kind`, or undefined when it is one. */
export function idNumberProblemFor(kind: IdNumberKind, value: string, today: Date = new Date()): string | undefined {
  switch (kind) {
    case 'resident': {
      const problem = gb11643Problem(value, today);
      if (problem) return problem;
      return /^8[123]/.test(value) ? 'an 81/82/83 number belongs to a HK/Macao/Taiwan residence permit' : undefined;
    }
    case 'hmt-residence': {
      const problem = gb11643Problem(value, today);
      if (problem) return problem;
      return /^8[123]0000/.test(value) ? undefined : 'a HK/Macao/Taiwan residence permit number starts 810000, 820000 or 830000';
    }
    case 'foreign-permanent-2023':
      return foreignPermanent2023Problem(value, today);
    case 'foreign-permanent-2017':
      return foreignPermanent2017Problem(value, today);
  }
}

/** First 6 and last 4 characters, the rest hidden: 310104********123X. Anything of 10 characters or fewer is hidden whole. */
export function maskIdNumber(value: string): string {
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
