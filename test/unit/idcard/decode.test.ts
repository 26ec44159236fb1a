import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeAnswerFrame, decodeTextBlock, encodeTextBlock, type CardFace } from '../../../drivers/idcard';
import { findSimCard } from '../../../drivers/idcard/simulator/cards';
import { fixturePath, readFixture } from './fixtures';
import expectedIdentities from '../../fixtures/idcard/expected-identities.json' with { type: 'json' };

const today = new Date(2026, 10, 23);

function decode(name: string) {
  const result = decodeAnswerFrame(readFixture(name), today);
  if (!result.ok) throw new Error(result.error);
  return result.identity;
}

describe('decoding the text block of every card kind', () => {
  // What each card says, written down from the cards' faces (expected-identities.json), not from the decoder's output.
  it.each(Object.entries(expectedIdentities))('decodes the %s card as the card it was made from', (name, expected) => {
    expect(decode(name)).toMatchObject(expected);
  });

  it("reads a resident ID card's number and its photo", () => {
    const id = decode('resident');
    expect(id.idNumber).toMatch(/^11010119850312\d{3}[\dX]$/);
    expect(id.photo?.format).toBe('wlt');
    expect(id.photo?.bytes).toHaveLength(1024);
  });

  it('reads a 15-character name and a 35-character address whole', () => {
    expect(decode('long-name').name).toBe('测试阿卜杜热合曼买买提江艾力木');
    expect(decode('long-name').name).toHaveLength(15);
    expect(decode('long-address').address).toHaveLength(35);
    expect(decode('long-address').address).toBe(findSimCard('long-address')?.face.address);
  });

  it('reads 长期 as no end date, never expired', () => {
    const id = decode('long-term');
    expect(id.validTo).toBeNull();
    expect(id.expired).toBe(false);
  });

  it('keeps an upper-case X check character', () => {
    expect(decode('x-check').idNumber).toMatch(/X$/);
  });

  it('reports an expired card as expired', () => {
    const id = decode('expired');
    expect(id.validTo).toBe('2015-01-01');
    expect(id.expired).toBe(true);
  });

  it('reads a HK/Macao/Taiwan residence permit (J)', () => {
    const id = decode('hmt');
    expect(id.idNumber.startsWith('810000')).toBe(true);
  });

  it("reads a foreigner's permanent residence card, 2017 (I)", () => {
    const id = decode('foreign-2017');
    expect(id.idNumber).toHaveLength(15);
  });

  it("reads a foreigner's permanent residence card, 2023 (Y), joining the English name across its two fields", () => {
    const id = decode('foreign-2023');
    expect(id.idNumber).toMatch(/^9118401992020201\d[\dX]$/);
  });

  it('reads the 30 10 answer that carries a fingerprint', () => {
    const result = decodeAnswerFrame(readFixture('foreign-2023-fingerprint'), today);
    expect(result.ok && result.fingerprintBytes).toBe(1024);
  });
});

describe('refusing insane card data', () => {
  const face = findSimCard('resident')?.face as CardFace;
  const problem = (changed: Partial<CardFace>): string => {
    const result = decodeTextBlock(encodeTextBlock({ ...face, ...changed }), null, today);
    return result.ok ? 'accepted' : `${result.field}: ${result.problem}`;
  };

  it.each([
    [{ idNumber: `${face.idNumber.slice(0, 17)}${face.idNumber.endsWith('0') ? '1' : '0'}` }, /^idNumber: check character/],
    [{ birth: '19850313' }, /^birthDate: differs/],
    [{ sexCode: '2' as const }, /^sexCode: sex code 2 contradicts/],
    [{ sexCode: '7' as never }, /^sexCode: .* not a GB\/T 2261.1/],
    [{ nationCode: '57' }, /^nationCode: "57"/],
    [{ validTo: '20401331' }, /^validTo: "20401331" is not a real/],
    [{ validTo: '20100101' }, /^validTo: ends/],
    [{ name: '' }, /^name: is empty/],
    [{ address: '测试\u0001路' }, /^address: holds control characters/],
  ])('%j', (changed, expected) => {
    expect(problem(changed)).toMatch(expected);
  });

  it('refuses a lower-case x check character', () => {
    const xFace = findSimCard('x-check')?.face as CardFace;
    const result = decodeTextBlock(encodeTextBlock({ ...xFace, idNumber: xFace.idNumber.replace(/X$/, 'x') }), null, today);
    expect(result.ok ? '' : result.problem).toMatch(/upper-case X/);
  });

  it('refuses an unknown card kind letter', () => {
    const block = encodeTextBlock(face);
    block[248] = 'Q'.charCodeAt(0);
    const result = decodeTextBlock(block, null, today);
    expect(result.ok ? '' : result.problem).toMatch(/kind letter "Q"/);
  });
});

const run = promisify(execFile);
const tongban = (args: string[], input?: string) => {
  const child = run(process.execPath, ['bin/tongban.js', ...args], { cwd: process.cwd() });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  return child;
};

describe.concurrent('tongban idcard decode', () => {
  it('prints the card as JSON with the documented field names', async () => {
    const { stdout } = await tongban(['idcard', 'decode', fixturePath('hmt.hex')]);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      'kind', 'name', 'nameEn', 'sex', 'sexCode', 'nation', 'nationCode', 'nationality', 'birthDate', 'address', 'idNumber',
      'issuer', 'validFrom', 'validTo', 'expired', 'passNumber', 'issueCount', 'photo',
    ]);
    expect(json.photo).toMatchObject({ format: 'wlt', bytes: 1024 });
  });

  it('reads hex from stdin with colons and line breaks', async () => {
    const hex = readFixture('long-term').reduce((s, b, i) => s + b.toString(16).padStart(2, '0') + (i % 16 === 15 ? '\n' : ':'), '');
    const { stdout } = await tongban(['idcard', 'decode', '-'], hex);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'resident', validTo: null });
  });

  it.each([
    ['bad-preamble.hex', /bad preamble at offset 3: expected 96, got 95/],
    ['bad-length.hex', /length mismatch: LEN=0x0508 means a 1295-byte frame, the data holds 1285 bytes/],
    ['bad-checksum.hex', /checksum mismatch: expected [0-9A-F]{2}, got [0-9A-F]{2}/],
    ['status-41.hex', /SW3=0x41 \(read failed\)/],
    ['bad-id-checksum.hex', /idNumber check character is \d, expected/],
  ])('fails on %s with one clear line and exit 1', async (file, message) => {
    const error = (await tongban(['idcard', 'decode', fixturePath(file)]).catch((e: unknown) => e)) as { code: number; stderr: string; stdout: string };
    expect(error.code).toBe(1);
    expect(error.stdout).toBe('');
    expect(error.stderr.trim().split('\n')).toHaveLength(1);
    expect(error.stderr).toMatch(message);
  });
});
