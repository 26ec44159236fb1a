/**
 * GB 11643-1999 citizen identity numbers: 17 digits and an ISO 7064 MOD 11-2 check character.
 * Pure code, shared by the platform (intake validation) and anything else that needs it.
 */
import { gb11643CheckCharacter, gb11643Problem } from '../identity/id-number';

export { maskIdNumber } from '../identity/id-number';

export const idNumberCheckCharacter = gb11643CheckCharacter;

/** Why a string is not a valid ID number (region, real past birth date, check character), or undefined. */
export function idNumberProblem(value: string): string | undefined {
  return gb11643Problem(value);
}

/** The birth date an ID number encodes, as YYYY-MM-DD, or undefined when it is no real date. */
export function birthDateFromIdNumber(value: string): string | undefined {
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(value);
  if (!match) return undefined;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  if (Number(y) < 1900) return undefined;
  return `${y}-${m}-${d}`;
}

/** 138****5678: enough for the citizen to recognise the number, not enough to use it. */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
