import { randomInt } from 'node:crypto';
import { STATUS_CODE_ALPHABET } from '../../contract/platform/cases';

const LENGTH = 16;

/** A receipt's code for the public status page: 16 random characters, 80 bits, not derived from anything. */
export function newStatusCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += STATUS_CODE_ALPHABET[randomInt(STATUS_CODE_ALPHABET.length)];
  return code;
}

/** As printed: four groups of four (ABCD-EFGH-JKLM-NPQR), easier to read out and type. */
export function groupedStatusCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The platform's public status page of a case: what the receipt's QR code and address say. */
export function statusPageUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/status/${code}`;
}
