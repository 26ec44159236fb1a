import { gb11643CheckCharacter, mrzCheckDigit } from '../../../contract/identity';
import { PREAMBLE } from '../frame';
import type { CardFace } from '../text-block';

/**
 * Fictional cards for demos, training and tests. Every name starts 测试 (or TEST) and every
 * address and issuer names a place that does not exist; the numbers carry valid check characters
 * so the terminal treats them like real cards.
 */
export interface SimCard {
  id: string;
  label: string;
  face: CardFace;
  /** Stand-in for the chip's 1024-byte WLT photo: not an image, which is the point. */
  photo: Uint8Array;
  fingerprint?: Uint8Array;
  appendedAddresses?: string[];
}

/** The first order number of the right parity whose check character is `check` (any when omitted). */
function gbNumber(prefix: string, birth: string, male: boolean, check?: string): string {
  for (let order = male ? 1 : 2; order < 1000; order += 2) {
    const first17 = `${prefix}${birth}${String(order).padStart(3, '0')}`;
    const c = gb11643CheckCharacter(first17);
    if (!check || c === check) return first17 + c;
  }
  throw new Error(`no order number gives check character ${check}`);
}

function foreign2017Number(nationality: string, code: string, birth: string, sexDigit: string): string {
  const first14 = `${nationality}${code}${birth.slice(2)}${sexDigit}`;
  return first14 + mrzCheckDigit(first14);
}

function foreign2023Number(province: string, nationalityNumeric: string, birth: string, order: string, sexDigit: string): string {
  const first17 = `9${province}${nationalityNumeric}${birth}${order}${sexDigit}`;
  return first17 + gb11643CheckCharacter(first17);
}

/** Deterministic filler with the frame preamble inside, so that parsers meet it in real data. */
function fakeBytes(seed: string, length: number): Uint8Array {
  let x = 2166136261;
  for (const c of seed) x = Math.imul(x ^ c.charCodeAt(0), 16777619) >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  out.set(PREAMBLE, Math.min(100, Math.max(0, length - PREAMBLE.length)));
  return out;
}

function card(id: string, label: string, face: CardFace, extra: Partial<SimCard> = {}): SimCard {
  return { id, label, face, photo: fakeBytes(id, 1024), ...extra };
}

const ISSUER = '测试市公安局演示分局';

export const SIM_CARDS: readonly SimCard[] = [
  card('resident', 'resident ID card, male, valid to a date', {
    kind: 'resident',
    name: '测试张三',
    sexCode: '1',
    nationCode: '01',
    birth: '19850312',
    address: '测试省示例市虚构区演示路1号',
    idNumber: gbNumber('110101', '19850312', true),
    issuer: ISSUER,
    validFrom: '20200105',
    validTo: '20400105',
  }),
  card('resident-female', 'resident ID card, female, Hui nationality', {
    kind: 'resident',
    name: '测试李四',
    sexCode: '2',
    nationCode: '03',
    birth: '19921130',
    address: '测试省示例市虚构县样例镇一村',
    idNumber: gbNumber('640104', '19921130', false),
    issuer: ISSUER,
    validFrom: '20180601',
    validTo: '20380601',
  }),
  card('long-name', 'resident ID card with a 15-character name', {
    kind: 'resident',
    name: '测试阿卜杜热合曼买买提江艾力木',
    sexCode: '1',
    nationCode: '05',
    birth: '19780220',
    address: '测试自治区示例市虚构路88号',
    idNumber: gbNumber('650102', '19780220', true),
    issuer: ISSUER,
    validFrom: '20150720',
    validTo: '20350720',
  }),
  card('long-address', 'resident ID card with a 35-character address', {
    kind: 'resident',
    name: '测试王五',
    sexCode: '1',
    nationCode: '01',
    birth: '19900909',
    address: '测试省示例市虚构区演示街道样板社区模拟路一百二十三号院七号楼八单元一室',
    idNumber: gbNumber('310104', '19900909', true),
    issuer: ISSUER,
    validFrom: '20210315',
    validTo: '20410315',
  }),
  card('long-term', 'resident ID card valid without end (长期)', {
    kind: 'resident',
    name: '测试赵老伯',
    sexCode: '1',
    nationCode: '01',
    birth: '19480101',
    address: '测试省示例市虚构区长寿路9号',
    idNumber: gbNumber('320102', '19480101', true),
    issuer: ISSUER,
    validFrom: '20100101',
    validTo: '长期',
  }),
  card('elder', 'resident ID card of a citizen over 80 (高龄津贴)', {
    kind: 'resident',
    name: '测试钱奶奶',
    sexCode: '2',
    nationCode: '01',
    birth: '19400308',
    address: '测试省示例市虚构区敬老路12号',
    idNumber: gbNumber('320102', '19400308', false),
    issuer: ISSUER,
    validFrom: '20100101',
    validTo: '长期',
  }),
  card('x-check', 'resident ID card whose check character is X', {
    kind: 'resident',
    name: '测试孙艾克斯',
    sexCode: '2',
    nationCode: '01',
    birth: '19870704',
    address: '测试省示例市虚构区校验路10号',
    idNumber: gbNumber('440106', '19870704', false, 'X'),
    issuer: ISSUER,
    validFrom: '20190704',
    validTo: '20390704',
  }),
  card('expired', 'resident ID card that has expired', {
    kind: 'resident',
    name: '测试周过期',
    sexCode: '1',
    nationCode: '01',
    birth: '19750505',
    address: '测试省示例市虚构区旧证路1号',
    idNumber: gbNumber('420102', '19750505', true),
    issuer: ISSUER,
    validFrom: '20050101',
    validTo: '20150101',
  }),
  card(
    'hmt',
    'Hong Kong residents residence permit (J)',
    {
      kind: 'hmt-residence',
      name: '测试陈港生',
      sexCode: '1',
      birth: '19910818',
      address: '测试省示例市虚构区港湾路6号',
      idNumber: gbNumber('810000', '19910818', true),
      issuer: ISSUER,
      validFrom: '20230101',
      validTo: '20280101',
      passNumber: 'H00000001',
      issueCount: 1,
    },
    { appendedAddresses: ['测试省示例市虚构区新居路2号'] },
  ),
  card('foreign-2017', "foreigner's permanent residence card, 2017 version (I)", {
    kind: 'foreign-permanent-2017',
    name: '测试外籍',
    nameEn: 'TEST, SAMPLE PERSON',
    sexCode: '1',
    nationality: 'USA',
    birth: '19800115',
    idNumber: foreign2017Number('USA', '1100', '19800115', '1'),
    validFrom: '20170601',
    validTo: '20270601',
    cardVersion: '01',
    authorityCode: '1100',
  }),
  card(
    'foreign-2023',
    "foreigner's permanent residence card, 2023 version (Y), 42-character English name",
    {
      kind: 'foreign-permanent-2023',
      name: '测试新外籍',
      nameEn: 'TESTPERSON, ALEXANDRA MARIA-THERESA SAMPLE',
      sexCode: '2',
      nationality: 'USA',
      birth: '19920202',
      idNumber: foreign2023Number('11', '840', '19920202', '01', '2'),
      validFrom: '20230601',
      validTo: '20330601',
      renewalCount: 0,
    },
    { fingerprint: fakeBytes('foreign-2023-fp', 1024) },
  ),
];

export function findSimCard(id: string): SimCard | undefined {
  return SIM_CARDS.find((c) => c.id === id);
}
