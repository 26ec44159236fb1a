import { describe, expect, it } from 'vitest';
import {
  FIND_CARD,
  READ_APPENDED_ADDRESS,
  READ_TEXT_PHOTO,
  READ_WITH_FINGERPRINT,
  RESET_SAM,
  SAM_ID,
  SAM_STATUS,
  SELECT_CARD,
  STATUS_CODES,
  decodeAnswerFrame,
  decodeAppendedAddresses,
  encodeAnswer,
  encodeSpec,
  formatSamId,
  setBaudRate,
  setMaxRfFrame,
  statusInfo,
  xorChecksum,
} from '../../../drivers/idcard';
import { hexToBytes } from './fixtures';

const h = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

describe('command frames', () => {
  it.each([
    [RESET_SAM, 'AA AA AA 96 69 00 03 10 FF EC'],
    [SAM_STATUS, 'AA AA AA 96 69 00 03 11 FF ED'],
    [SAM_ID, 'AA AA AA 96 69 00 03 12 FF EE'],
    [FIND_CARD, 'AA AA AA 96 69 00 03 20 01 22'],
    [SELECT_CARD, 'AA AA AA 96 69 00 03 20 02 21'],
    [READ_TEXT_PHOTO, 'AA AA AA 96 69 00 03 30 01 32'],
    [READ_WITH_FINGERPRINT, 'AA AA AA 96 69 00 03 30 10 23'],
    [READ_APPENDED_ADDRESS, 'AA AA AA 96 69 00 03 30 03 30'],
    [setBaudRate(115200), 'AA AA AA 96 69 00 03 60 00 63'],
    [setBaudRate(9600), 'AA AA AA 96 69 00 03 60 04 67'],
    [setMaxRfFrame(0x50), 'AA AA AA 96 69 00 04 61 FF 50 CA'],
    [setMaxRfFrame(0x58), 'AA AA AA 96 69 00 04 61 FF 58 C2'],
  ])('%s encodes to the documented bytes', (spec, expected) => {
    expect(h(encodeSpec(spec))).toBe(expected);
  });

  it('matches the checksum examples of the protocol notes', () => {
    expect(xorChecksum(Uint8Array.of(0x00, 0x03, 0x20, 0x01))).toBe(0x22);
    expect(xorChecksum(Uint8Array.of(0x00, 0x04, 0x00, 0x00, 0x90))).toBe(0x94);
    expect(xorChecksum(Uint8Array.of(0x00, 0x08, 0x00, 0x00, 0x9f, 0x00, 0x00, 0x00, 0x00))).toBe(0x97);
    expect(h(encodeAnswer(0x9f, new Uint8Array(4)))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    expect(h(encodeAnswer(0x90))).toBe('AA AA AA 96 69 00 04 00 00 90 94');
  });
});

describe('status codes', () => {
  const documented = [0x90, 0x9f, 0x91, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x37, 0x3f, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81];

  it('maps every documented SW3 to its own code, meaning and action', () => {
    expect(STATUS_CODES.map((s) => s.sw3).sort()).toEqual([...documented].sort());
    const codes = new Set(STATUS_CODES.map((s) => s.code));
    expect(codes.size).toBe(documented.length);
    for (const s of STATUS_CODES) expect(s.action.length).toBeGreaterThan(3);
  });

  it.each(documented.filter((sw3) => sw3 !== 0x90))('reports SW3 %i in a decoded answer with its meaning', (sw3) => {
    const result = decodeAnswerFrame(encodeAnswer(sw3));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(`SW3=0x${sw3.toString(16).toUpperCase().padStart(2, '0')}`);
    expect(result.error).toContain(statusInfo(sw3).meaning);
  });

  it('names an undocumented status as such instead of guessing', () => {
    expect(statusInfo(0x55).code).toBe('unknown-status');
    const result = decodeAnswerFrame(encodeAnswer(0x55));
    expect(result.ok ? '' : result.error).toMatch(/0x55 is not a documented reader status/);
  });
});

describe('answer data', () => {
  it('formats the SAM id as %02d.%02d-%08u-%010u-%010u', () => {
    const data = hexToBytes('05 00 01 00 0A 00 00 00 39 30 00 00 B1 68 DE 3A');
    expect(formatSamId(data)).toBe('05.01-00000010-0000012345-0987654321');
    expect(formatSamId(data.subarray(0, 15))).toBeUndefined();
  });

  it('reads appended addresses, 70 bytes each', () => {
    const enc = (s: string): number[] => Array.from({ length: 35 }, (_, i) => (i < s.length ? s.charCodeAt(i) : 0x20)).flatMap((c) => [c & 0xff, c >> 8]);
    expect(decodeAppendedAddresses(Uint8Array.from([...enc('测试路1号'), ...enc('测试路2号')]))).toEqual(['测试路1号', '测试路2号']);
  });
});
