/**
 * GB 11643-1999 citizen identity numbers: 17 digits and an ISO 7064 MOD 11-2 check character.
 * Pure code, shared by the platform (intake validation) and anything else that needs it.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

/** Why a string is not a valid ID number, or undefined when it is one. */
export function idNumberProblem(value: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(value)) return 'must be 17 digits and a digit or X';
  const birth = birthDateFromIdNumber(value);
  if (!birth) return 'has an impossible birth date';
  if (idNumberCheckCharacter(value.slice(0, 17)) !== value[17]) return 'has a wrong check character';
  return undefined;
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

/** First 6 and last 4 characters, the rest hidden: how an ID number may be shown or sent. */
export function maskIdNumber(value: string): string {
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** 138****5678: enough for the citizen to recognise the number, not enough to use it. */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}
