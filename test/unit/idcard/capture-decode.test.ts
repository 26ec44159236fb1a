import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../drivers/idcard';
import { readFixture } from './fixtures';

/**
 * Reader output captured from a serial line starts wherever the capture began: `tongban idcard
 * decode` finds frames the way the reader's parser does and decodes the first good card read.
 */
const today = new Date(2026, 10, 23);
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

const resident = readFixture('resident');
const hmt = readFixture('hmt');

describe('decoding a capture', () => {
  it('skips the tail of a frame the capture began inside and decodes the next whole one', () => {
    const midFrame = resident.subarray(700);
    const result = decodeCapture(join(midFrame, hmt), today);
    expect(result).toMatchObject({ ok: true, offset: midFrame.length, identity: { kind: 'hmt-residence' } });
  });

  it('passes over a reader status answer and a frame with a wrong checksum to the first good read', () => {
    const broken = resident.slice();
    broken[400] = (broken[400] as number) ^ 0x01;
    const status41 = readFixture('status-41');
    const result = decodeCapture(join(Uint8Array.of(0x00, 0x13, 0xaa, 0xaa), broken, status41, hmt, resident.subarray(0, 300)), today);
    expect(result.ok && result.identity.kind).toBe('hmt-residence');
  });

  it('names the only answer when it is no card read', () => {
    const result = decodeCapture(join(Uint8Array.of(0x55, 0x55), readFixture('status-41')), today);
    expect(result.ok ? '' : result.error).toMatch(/^frame at offset 2: reader status SW3=0x41/);
  });

  it('reports a frame cut short by the end of the capture with its offset', () => {
    const result = decodeCapture(join(Uint8Array.of(0x01, 0x02, 0x03), resident.subarray(0, 900)), today);
    expect(result.ok ? '' : result.error).toMatch(/^frame at offset 3: length mismatch/);
  });
});

describe('tongban idcard decode on a capture', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-capture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the first good card and says how many bytes it skipped', async () => {
    const file = path.join(dir, 'capture.hex');
    writeFileSync(file, hex(join(resident.subarray(1000), hmt)));
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/tongban.js', 'idcard', 'decode', file]);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'hmt-residence' });
    expect(stderr).toContain(`skipped ${resident.length - 1000} bytes before the first good frame`);
  });
});
