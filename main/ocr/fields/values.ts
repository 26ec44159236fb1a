import { gb11643Problem, realPastDate } from '../../../contract/identity';
import type { ValueKind } from './types';

/** Characters Tesseract commonly reads in place of digits on Chinese documents. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', '|': '1', ']': '1', '[': '1', '!': '1', Z: '2', z: '2', S: '5', s: '5', B: '8', b: '6', g: '9' };

function fixDigits(text: string): string {
  return text.replace(/[OoDQlI|\][!ZzSsBbg]/g, (c) => DIGIT_LOOKALIKES[c] ?? c);
}

const CJK_NAME = /^[\u4e00-\u9fff]{1,6}(?:[·•][\u4e00-\u9fff]{1,10})?$/u;

/**
 * A raw value as it stood after its label, turned into the form's value, or undefined when it
 * is not a plausible one (better no proposal than a wrong one the citizen might wave through).
 */
export function normaliseValue(kind: ValueKind, raw: string, today = new Date()): string | undefined {
  const value = raw.replace(/^[\s:："“”'‘’_|.,，。、]+/u, '').replace(/[\s"“”'‘’_|.,，。、]+$/u, '');
  if (!value) return undefined;
  switch (kind) {
    case 'name': {
      const name = value.replace(/\s+/g, '');
      return CJK_NAME.test(name) ? name : undefined;
    }
    case 'sex': {
      const match = /^[男女]/u.exec(value);
      return match ? match[0] : undefined;
    }
    case 'date':
      return parseChineseDate(value, today);
    case 'idNumber':
      return findIdNumber(value, today);
    case 'certificateNumber': {
      const compact = value.replace(/\s+/g, '');
      const match = /^([JLＪ])([\dOolI|\]]{6})[-—一]([\dOolI|\]]{4})[-—一]([\dOolI|\]]{6})/u.exec(compact);
      if (!match) return undefined;
      const [, letter, region, year, serial] = match as unknown as [string, string, string, string, string];
      return `${letter === 'Ｊ' ? 'J' : letter}${fixDigits(region)}-${fixDigits(year)}-${fixDigits(serial)}`;
    }
    case 'text': {
      const text = value.replace(/\s+/g, '');
      return /[\u4e00-\u9fff]/u.test(text) ? text : undefined;
    }
  }
}

/**
 * Dates fix only letters that are unmistakably digits (O, l, I): a bracket beside a digit is as
 * often a stray stroke as a 1, and a date, unlike an ID number, has no check to catch the guess.
 */
function parseChineseDate(value: string, today: Date): string | undefined {
  const match = /([\dOolI]{4})\s*[年.\-/]\s*([\dOolI]{1,2})\s*[月.\-/]\s*([\dOolI]{1,2})\s*日?/u.exec(value);
  if (!match) return undefined;
  const [y, m, d] = [match[1], match[2], match[3]].map((part) => Number(fixDigits(part as string))) as [number, number, number];
  return realPastDate(y, m, d, today);
}

/**
 * The ID number in a value, only when it passes GB 11643 (region, birth date and check
 * character): a misread digit almost always breaks the check, so a number that passes is
 * almost certainly the one printed.
 */
function findIdNumber(value: string, today: Date): string | undefined {
  const compact = fixDigits(value.replace(/\s+/g, '')).replace(/x/g, 'X');
  const match = /\d{17}[\dX]/.exec(compact);
  if (!match) return undefined;
  return gb11643Problem(match[0], today) === undefined ? match[0] : undefined;
}
