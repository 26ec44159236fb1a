import { gb11643Problem, realPastDate } from '../../../contract/identity';
import type { ValueKind } from './types';

/** Characters Tesseract commonly reads in place of digits on Chinese documents. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', '|': '1', ']': '1', '[': '1', '!': '1', Z: '2', z: '2', S: '5', s: '5', B: '8', b: '6', g: '9' };

function fixDigits(text: string): string {
  return text.replace(/[OoDQlI|\][!ZzSsBbg]/g, (c) => DIGIT_LOOKALIKES[c] ?? c);
}

const CJK_NAME = /^[\u4e00-\u9fff]{1,6}(?:[·•][\u4e00-\u9fff]{1,10})?$/u;

/** Kinds whose value is read with the spaces OCR left in it: a lone glyph split off before a number is not part of it. */
export const SPACING_MATTERS: ReadonlySet<ValueKind> = new Set<ValueKind>(['permitNumber']);

/**
 * A raw value as it stood after its label, turned into the form's value, or undefined when it
 * is not a plausible one (better no proposal than a wrong one the citizen might wave through).
 */
export function normaliseValue(kind: ValueKind, raw: string, today = new Date()): string | undefined {
  // PaddleOCR reads the wide gap between a label and its value as a middle dot (‧) now and then.
  const value = raw.replace(/^[\s:："“”'‘’_|.,，。、‧·•]+/u, '').replace(/[\s"“”'‘’_|.,，。、]+$/u, '');
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
    case 'expiryDate':
      // A validity end lies ahead as often as not; only the calendar can rule one out.
      return parseChineseDate(value, new Date(Date.UTC(2100, 0, 1)));
    case 'idNumber':
      return findIdNumber(value, today);
    case 'certificateNumber': {
      const compact = value.replace(/\s+/g, '');
      // The separators are as often lost as read: the parts have fixed lengths, so they are optional.
      const match = /^([JLＪ])([\dOolI|\]]{6})[-—一]?([\dOolI|\]]{4})[-—一]?([\dOolI|\]]{6})/u.exec(compact);
      if (!match) return undefined;
      const [, letter, region, year, serial] = match as unknown as [string, string, string, string, string];
      return `${letter === 'Ｊ' ? 'J' : letter}${fixDigits(region)}-${fixDigits(year)}-${fixDigits(serial)}`;
    }
    case 'bankCardNumber':
      return findBankCardNumber(value);
    case 'bankName':
      return /[\u4e00-\u9fff]{2,10}银行/u.exec(value.replace(/\s+/g, ''))?.[0];
    case 'socialSecurityCardNumber': {
      const match = /^([A-Z])([\dOolI|\]]{8})(?![\dA-Za-z])/u.exec(value.replace(/\s+/g, ''));
      return match ? `${match[1]}${fixDigits(match[2] as string)}` : undefined;
    }
    case 'permitNumber': {
      // A residence permit's number: 10 to 20 digits (provinces differ), read with its lookalikes repaired.
      const number = (text: string) => /^[\dOolI|\]]{10,20}(?![\dA-Za-z])/u.exec(text.replace(/\s+/g, ''))?.[0];
      // A glyph or two split off before the number (the label's last stroke read as "4 440305…") is not part of it;
      // nor is the label's last character read twice where its crop overlaps the number's ("编号号440305…").
      const [head = '', ...rest] = value.trim().split(/\s+/);
      const found = (head.length <= 2 && rest.length > 0 ? number(rest.join(' ')) : undefined) ?? number(value.replace(/^[\u4e00-\u9fff]{1,2}/u, ''));
      return found ? fixDigits(found) : undefined;
    }
    case 'disabilityNumber':
      return findDisabilityNumber(value, today);
    case 'disabilityCategory': {
      const match = /(视力|听力|言语|肢体|智力|精神|多重)/u.exec(value);
      return match ? `${match[1]}残疾` : undefined;
    }
    case 'disabilityGrade': {
      const match = /^([一二三四1-4])级/u.exec(value.replace(/\s+/g, ''));
      return match ? `${'一二三四'['1234'.indexOf(match[1] as string)] ?? match[1]}级` : undefined;
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
  // A stray stroke read as a digit beside the number shifts it: every 18-character window of the
  // run is tried, and only one that passes the check is taken.
  for (const run of compact.match(/[\dX]{18,}/g) ?? []) {
    for (let start = 0; start + 18 <= run.length; start += 1) {
      const candidate = run.slice(start, start + 18);
      if (/^\d{17}[\dX]$/.test(candidate) && gb11643Problem(candidate, today) === undefined) return candidate;
    }
  }
  return undefined;
}

/** The Luhn check (ISO/IEC 7812-1, annex B) every bank card number carries in its last digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A card number printed in groups (6222 0212 3456 7890 128): 16 to 19 digits that pass Luhn.
 * Only digit-like runs are repaired, so the bank's Latin name beside it is never turned into digits.
 */
function findBankCardNumber(value: string): string | undefined {
  for (const run of value.match(/[\dOolI|]{4}(?:[\s-]*[\dOolI|]{3,}){2,5}/gu) ?? []) {
    const digits = fixDigits(run.replace(/[\s-]+/g, ''));
    if (digits.length >= 16 && digits.length <= 19 && luhnValid(digits)) return digits;
  }
  return undefined;
}

/**
 * 残疾人证号 (GB/T 26341-2010 gives the second generation's layout): the holder's 18-character ID
 * number, then the category (1 视力 … 7 多重) and the grade (1–4). The ID part must pass GB 11643.
 */
function findDisabilityNumber(value: string, today: Date): string | undefined {
  const compact = fixDigits(value.replace(/\s+/g, '')).replace(/x/g, 'X');
  const match = /(\d{17}[\dX])([1-7])([1-4])(?!\d)/.exec(compact);
  if (!match) return undefined;
  return gb11643Problem(match[1] as string, today) === undefined ? match[0] : undefined;
}
