import { describe, expect, it } from 'vitest';
import { decodeTextBlock, encodeTextBlock, TEXT_BLOCK_LENGTH } from '../../../drivers/idcard';
import { hexToBytes } from './fixtures';

/**
 * A resident card's 256-byte text block written byte by byte from the public layout
 * (docs/devices/idcard-sam-protocol.md, "The text block": UCS-2 little-endian, fields padded
 * with spaces, offsets 0 name, 30 sex, 32 nation, 36 birth date, 52 address, 122 ID number,
 * 158 issuer, 188/204 validity, 220 reserved with the kind at 248), not made by our encoder:
 * the decoder is checked against the description itself, not only against its own inverse.
 * The holder is fictional (测试李四); 110101199001010023 has a valid GB 11643 check character.
 */
const RESIDENT_BLOCK = [
  // 0: name, 15 characters: 测试李四 and 11 spaces (测 = U+6D4B → 4B 6D)
  '4B 6D D5 8B 4E 67 DB 56 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00',
  '20 00 20 00 20 00',
  // 30: sex code, 1 character: 2 (female)
  '32 00',
  // 32: nation code, 2 characters: 05 (维吾尔)
  '30 00 35 00',
  // 36: birth date, 8 characters: 19900101
  '31 00 39 00 39 00 30 00 30 00 31 00 30 00 31 00',
  // 52: address, 35 characters: 测试省示例市演示路8号 and 24 spaces
  '4B 6D D5 8B 01 77 3A 79 8B 4F 02 5E 14 6F 3A 79 EF 8D 38 00 F7 53 20 00',
  '20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00',
  '20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00',
  // 122: ID number, 18 characters: 110101199001010023 (order 002: even, female)
  '31 00 31 00 30 00 31 00 30 00 31 00 31 00 39 00 39 00 30 00 30 00 31 00',
  '30 00 31 00 30 00 30 00 32 00 33 00',
  // 158: issuing authority, 15 characters: 测试市公安局 and 9 spaces
  '4B 6D D5 8B 02 5E 6C 51 89 5B 40 5C 20 00 20 00 20 00 20 00 20 00 20 00',
  '20 00 20 00 20 00',
  // 188: valid from, 8 characters: 20160101
  '32 00 30 00 31 00 36 00 30 00 31 00 30 00 31 00',
  // 204: valid to, 8 characters: 20360101
  '32 00 30 00 33 00 36 00 30 00 31 00 30 00 31 00',
  // 220: reserved, 18 characters of spaces; the one at 248 (a space) says "resident card"
  '20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00 20 00',
  '20 00 20 00 20 00 20 00 20 00 20 00',
].join(' ');

const today = new Date(2026, 10, 23);

describe('the text block, from its public description', () => {
  const block = hexToBytes(RESIDENT_BLOCK);

  it('is 256 bytes long', () => {
    expect(block.length).toBe(TEXT_BLOCK_LENGTH);
  });

  it('decodes every field of a resident card', () => {
    const result = decodeTextBlock(block, null, today);
    if (!result.ok) throw new Error(`${result.field}: ${result.problem}`);
    expect(result.identity).toMatchObject({
      kind: 'resident',
      name: '测试李四',
      sex: '女',
      sexCode: '2',
      nation: '维吾尔',
      nationCode: '05',
      birthDate: '1990-01-01',
      address: '测试省示例市演示路8号',
      idNumber: '110101199001010023',
      issuer: '测试市公安局',
      validFrom: '2016-01-01',
      validTo: '2036-01-01',
      photo: null,
    });
  });

  it('is what the encoder writes for the same card', () => {
    const result = decodeTextBlock(block, null, today);
    if (!result.ok) throw new Error(result.problem);
    const face = {
      kind: 'resident' as const,
      name: '测试李四',
      sexCode: '2' as const,
      nationCode: '05',
      birth: '19900101',
      address: '测试省示例市演示路8号',
      idNumber: '110101199001010023',
      issuer: '测试市公安局',
      validFrom: '20160101',
      validTo: '20360101',
    };
    expect([...encodeTextBlock(face)]).toEqual([...block]);
  });
});
