import {
  NO_END_DATE,
  idNumberProblemFor,
  isExpired,
  isSexCode,
  nationName,
  realPastDate,
  SEXES,
  type CardKind,
  type CardPhoto,
  type Identity,
  type SexCode,
} from '../../contract/identity';
import { errorMessage } from '../../common/errors';
import layouts from './text-block-layouts.json' with { type: 'json' };

/**
 * The 256-byte text block of the read answers (docs/devices/idcard-sam-protocol.md): UCS-2
 * little-endian, fields padded with spaces.
 * The card kind is the character at offset 248 (Johann356/readinfo `PCSCGetData.h`, the
 * `typeFlag` after `passID`/`issuesNum`): space or 0 resident, `J` HK/Macao/Taiwan residence
 * permit, `I` foreigner's permanent residence card (2017), `Y` the 2023 version. The resident
 * layout is shared by hevz/hev-idcard-reader, qiwenming/IDCardDemo and yechangpeng/Paperless; the
 * `I` layout by readinfo and Paperless; the `Y` layout rests on readinfo alone.
 */
export const TEXT_BLOCK_LENGTH = 256;

type Field = readonly [offset: number, bytes: number];

const KIND_AT: Field = [248, 2];

/**
 * Where each field of a kind's block lies: data (text-block-layouts.json, [offset, bytes] a
 * field, from the sources above), checked here once at load: every field an even span inside the
 * block before the kind letter, no two overlapping, so a mistyped offset stops the reader at
 * start naming the kind and the field rather than misreading a citizen's card.
 */
export function checkedLayout<K extends string>(kind: CardKind, table: Record<K, number[]>): Record<K, Field> {
  const owner: (string | undefined)[] = [];
  for (const [name, span] of Object.entries(table) as [K, number[]][]) {
    const [offset = -1, bytes = 0] = span;
    const sane = span.length === 2 && Number.isInteger(offset) && Number.isInteger(bytes) && offset >= 0 && offset % 2 === 0 && bytes > 0 && bytes % 2 === 0;
    if (!sane || offset + bytes > KIND_AT[0]) throw new Error(`text-block-layouts.json: ${kind}.${name} [${span.join(', ')}] is not an even span of the first ${KIND_AT[0]} bytes`);
    for (let at = offset; at < offset + bytes; at += 1) {
      if (owner[at]) throw new Error(`text-block-layouts.json: ${kind}.${name} overlaps ${owner[at]} at byte ${at}`);
      owner[at] = name;
    }
  }
  return table as unknown as Record<K, Field>;
}

const RESIDENT = checkedLayout('resident', layouts.resident);
const HMT = checkedLayout('hmt-residence', layouts['hmt-residence']);
const FOREIGN_2017 = checkedLayout('foreign-permanent-2017', layouts['foreign-permanent-2017']);
const FOREIGN_2023 = checkedLayout('foreign-permanent-2023', layouts['foreign-permanent-2023']);

const KIND_LETTER: Record<CardKind, string> = {
  resident: ' ',
  'hmt-residence': 'J',
  'foreign-permanent-2017': 'I',
  'foreign-permanent-2023': 'Y',
};

/** What a card face says, as the simulator and fixtures write it (dates YYYYMMDD, validTo may be 长期). */
export interface CardFace {
  kind: CardKind;
  name: string;
  nameEn?: string;
  sexCode: SexCode;
  nationCode?: string;
  nationality?: string;
  birth: string;
  address?: string;
  idNumber: string;
  issuer?: string;
  validFrom: string;
  validTo: string;
  passNumber?: string;
  issueCount?: number;
  cardVersion?: string;
  authorityCode?: string;
  renewalCount?: number;
}

export type TextDecodeResult = { ok: true; identity: Identity } | { ok: false; field: string; problem: string };

const decoder = new TextDecoder('utf-16le', { fatal: false });

function raw(block: Uint8Array, [offset, bytes]: Field): string {
  return decoder.decode(block.subarray(offset, offset + bytes));
}

/** Fields are padded with spaces; some readers pad with NUL. */
export function trimPadding(value: string): string {
  let end = value.length;
  while (end > 0 && (value[end - 1] === ' ' || value[end - 1] === '\u0000')) end -= 1;
  return value.slice(0, end);
}

function hasControlOrUndecodable(value: string): boolean {
  for (const c of value) {
    const code = c.codePointAt(0) as number;
    if (code < 0x20 || code === 0x7f || code === 0xfffd) return true;
  }
  return false;
}

function text(block: Uint8Array, field: Field): string {
  return trimPadding(raw(block, field));
}

class FieldProblem extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(problem);
  }
}

function clean(field: string, value: string, { required = true } = {}): string {
  if (required && value.length === 0) throw new FieldProblem(field, 'is empty');
  if (hasControlOrUndecodable(value)) throw new FieldProblem(field, 'holds control characters or undecodable bytes');
  return value;
}

function date(field: string, value: string, { past = false, allowNoEnd = false } = {}): string | null {
  if (allowNoEnd && value === NO_END_DATE) return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const iso = m ? realPastDate(Number(m[1]), Number(m[2]), Number(m[3]), past ? new Date() : new Date(Date.UTC(9999, 11, 31))) : undefined;
  if (!iso) throw new FieldProblem(field, `"${value}" is not a ${past ? 'real past' : 'real'} YYYYMMDD date${allowNoEnd ? ' or 长期' : ''}`);
  return iso;
}

function digits(field: string, value: string): number {
  if (!/^\d{1,2}$/.test(value)) throw new FieldProblem(field, `"${value}" is not a number`);
  return Number(value);
}

function sexCode(value: string): SexCode {
  if (!isSexCode(value)) throw new FieldProblem('sexCode', `"${value}" is not a GB/T 2261.1 sex code (0, 1, 2, 9)`);
  return value;
}

function checkIdNumber(kind: CardKind, idNumber: string, today: Date): void {
  const problem = idNumberProblemFor(kind, idNumber, today);
  if (problem) throw new FieldProblem('idNumber', problem);
}

/** An odd order number is a man, an even one a woman (GB 11643 position 17). */
function checkSexAgainstNumber(sex: SexCode, idNumber: string): void {
  if (sex !== '1' && sex !== '2') return;
  const digit = Number(idNumber[16]);
  if ((digit % 2 === 1) !== (sex === '1')) throw new FieldProblem('sexCode', `sex code ${sex} contradicts the ID number's order digit`);
}

function checkValidity(validFrom: string, validTo: string | null): void {
  if (validTo !== null && validTo < validFrom) throw new FieldProblem('validTo', `ends (${validTo}) before it starts (${validFrom})`);
}

/** The card kind letter at offset 248, or undefined when it names no known kind. */
export function cardKindOf(block: Uint8Array): CardKind | undefined {
  const letter = raw(block, KIND_AT);
  if (letter === ' ' || letter === '\u0000') return 'resident';
  return (Object.keys(KIND_LETTER) as CardKind[]).find((k) => KIND_LETTER[k] === letter);
}

/**
 * The identity in a text block, or the field that is wrong with it. An identity comes out only
 * when every field is sane and the ID number passes its checksum.
 */
export function decodeTextBlock(block: Uint8Array, photo: CardPhoto | null, today: Date = new Date()): TextDecodeResult {
  try {
    if (block.length !== TEXT_BLOCK_LENGTH) throw new FieldProblem('text', `is ${block.length} bytes, expected ${TEXT_BLOCK_LENGTH}`);
    const kind = cardKindOf(block);
    if (!kind) throw new FieldProblem('kind', `kind letter "${raw(block, KIND_AT)}" at offset 248 is unknown`);
    return { ok: true, identity: decodeKind(kind, block, photo, today) };
  } catch (error) {
    if (error instanceof FieldProblem) return { ok: false, field: error.field, problem: error.message };
    return { ok: false, field: 'text', problem: errorMessage(error) };
  }
}

const LAYOUT: Record<CardKind, Readonly<Record<string, Field>>> = {
  resident: RESIDENT,
  'hmt-residence': HMT,
  'foreign-permanent-2017': FOREIGN_2017,
  'foreign-permanent-2023': FOREIGN_2023,
};

type CommonLayout = Record<'sex' | 'idNumber' | 'birth' | 'validFrom' | 'validTo', Field>;

/** Where each kind's number carries the birth date, as the birth field writes it (YYYYMMDD, or YYMMDD in a 2017 permit). */
const BIRTH_IN_NUMBER: Record<CardKind, { at: readonly [number, number]; digits: (yyyymmdd: string) => string; number: string }> = {
  resident: { at: [6, 14], digits: (d) => d, number: 'ID number' },
  'hmt-residence': { at: [6, 14], digits: (d) => d, number: 'ID number' },
  'foreign-permanent-2017': { at: [7, 13], digits: (d) => d.slice(2), number: 'permit number' },
  'foreign-permanent-2023': { at: [6, 14], digits: (d) => d, number: 'permit number' },
};

/** What every layout holds: the sex, the number (checked for its kind), the birth date it agrees with, the validity. */
function decodeCommon(kind: CardKind, block: Uint8Array, f: CommonLayout, today: Date) {
  const sex = sexCode(text(block, f.sex));
  const birthDate = date('birthDate', text(block, f.birth), { past: true }) as string;
  const idNumber = clean('idNumber', text(block, f.idNumber));
  checkIdNumber(kind, idNumber, today);
  const birth = BIRTH_IN_NUMBER[kind];
  if (idNumber.slice(...birth.at) !== birth.digits(birthDate.replaceAll('-', ''))) throw new FieldProblem('birthDate', `differs from the ${birth.number}'s birth date`);
  const validFrom = date('validFrom', text(block, f.validFrom)) as string;
  const validTo = date('validTo', text(block, f.validTo), { allowNoEnd: true });
  checkValidity(validFrom, validTo);
  return { sex: SEXES[sex], sexCode: sex, birthDate, idNumber, validFrom, validTo, expired: isExpired(validTo, today) };
}

function nationalityOf(block: Uint8Array, field: Field, pattern: RegExp, what: string): string {
  const nationality = clean('nationality', text(block, field));
  if (!pattern.test(nationality)) throw new FieldProblem('nationality', `"${nationality}" is not ${what}`);
  return nationality;
}

/** A foreigner's permanent residence card names no nation, no address and no issuing office. */
const NOT_ON_A_FOREIGN_CARD = { nation: null, nationCode: null, address: null, issuer: null } as const;

function decodeKind(kind: CardKind, block: Uint8Array, photo: CardPhoto | null, today: Date): Identity {
  const common = { kind, ...decodeCommon(kind, block, LAYOUT[kind] as CommonLayout, today), photo };
  switch (kind) {
    case 'resident':
    case 'hmt-residence': {
      const f = kind === 'resident' ? RESIDENT : HMT;
      checkSexAgainstNumber(common.sexCode, common.idNumber);
      const chinese = {
        ...common,
        name: clean('name', text(block, f.name)),
        nameEn: null,
        nationality: null,
        address: clean('address', text(block, f.address)),
        issuer: clean('issuer', text(block, f.issuer)),
      };
      if (kind === 'resident') {
        const nationCode = text(block, f.nation);
        const nation = nationName(nationCode);
        if (!nation) throw new FieldProblem('nationCode', `"${nationCode}" is not a GB 3304 nation code`);
        return { ...chinese, kind, nation, nationCode };
      }
      const nationField = text(block, f.nation);
      if (nationField !== '') throw new FieldProblem('nationCode', `a residence permit has no nation, found "${nationField}"`);
      return {
        ...chinese,
        kind,
        nation: null,
        nationCode: null,
        passNumber: clean('passNumber', text(block, HMT.passNumber)),
        issueCount: digits('issueCount', text(block, HMT.issueCount)),
      };
    }
    case 'foreign-permanent-2017': {
      const f = FOREIGN_2017;
      const nationality = nationalityOf(block, f.nationality, /^[A-Z]{3}$/, 'an ISO 3166 alpha-3 code');
      if (common.idNumber.slice(0, 3) !== nationality) throw new FieldProblem('nationality', "differs from the permit number's nationality");
      const nameEn = clean('nameEn', text(block, f.nameEn));
      const chinese = clean('name', text(block, f.name), { required: false });
      return {
        ...common,
        ...NOT_ON_A_FOREIGN_CARD,
        kind,
        name: chinese || nameEn,
        nameEn,
        nationality,
        cardVersion: clean('cardVersion', text(block, f.cardVersion)),
        authorityCode: clean('authorityCode', text(block, f.authorityCode)),
      };
    }
    case 'foreign-permanent-2023': {
      const f = FOREIGN_2023;
      // The English name continues from the first field into the second; a space at the seam is part of it.
      const nameEn = clean('nameEn', trimPadding(raw(block, f.nameEn1) + raw(block, f.nameEn2)));
      return {
        ...common,
        ...NOT_ON_A_FOREIGN_CARD,
        kind,
        name: clean('name', text(block, f.name)),
        nameEn,
        nationality: nationalityOf(block, f.nationality, /^[A-Z0-9]{3}$/, 'a 3-character nationality code'),
        renewalCount: digits('renewalCount', text(block, f.renewalCount)),
      };
    }
  }
}

function put(block: Uint8Array, [offset, bytes]: Field, value: string, field: string): void {
  if (value.length * 2 > bytes) throw new Error(`${field} "${value}" is longer than ${bytes / 2} characters`);
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    block[offset + 2 * i] = c & 0xff;
    block[offset + 2 * i + 1] = c >> 8;
  }
}

const twoDigits = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

/** What each layout field holds of a card face; a field a kind lacks is written as spaces. */
const FACE_TEXT: Record<string, (face: CardFace) => string> = {
  name: (face) => face.name,
  nameEn: (face) => face.nameEn ?? '',
  // The 2023 permit's English name runs on from its first field (35 characters) into the second.
  nameEn1: (face) => (face.nameEn ?? '').slice(0, 35),
  nameEn2: (face) => (face.nameEn ?? '').slice(35),
  sex: (face) => face.sexCode,
  nation: (face) => face.nationCode ?? '',
  nationality: (face) => face.nationality ?? '',
  birth: (face) => face.birth,
  address: (face) => face.address ?? '',
  idNumber: (face) => face.idNumber,
  issuer: (face) => face.issuer ?? '',
  validFrom: (face) => face.validFrom,
  validTo: (face) => face.validTo,
  passNumber: (face) => face.passNumber ?? '',
  issueCount: (face) => twoDigits(face.issueCount),
  cardVersion: (face) => face.cardVersion ?? '',
  authorityCode: (face) => face.authorityCode ?? '',
  renewalCount: (face) => twoDigits(face.renewalCount),
};

/** The text block of a card face: what a reader sends. Throws when a field does not fit (a simulator card is wrong). */
export function encodeTextBlock(face: CardFace): Uint8Array {
  const block = new Uint8Array(TEXT_BLOCK_LENGTH);
  for (let i = 0; i < TEXT_BLOCK_LENGTH; i += 2) block[i] = 0x20;
  put(block, KIND_AT, KIND_LETTER[face.kind], 'kind');
  for (const [name, field] of Object.entries(LAYOUT[face.kind])) put(block, field, FACE_TEXT[name]!(face), name.replace(/\d$/, ''));
  return block;
}
