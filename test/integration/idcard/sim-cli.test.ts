import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliProcesses, exited, nextJson } from '../../support/cli-processes';
import { IdCardReader, SerialTransport, type CardRead } from '../../../drivers/idcard';
import { SerialScanner, type Scan } from '../../../drivers/qr';

/** `tongban sim idcard` and `tongban sim qr` exactly as a technician runs them. */
const { dirs, startSim } = cliProcesses(afterEach);

describe('tongban sim', () => {
  it('idcard: prints the device on one JSON line, serves a card, obeys place/remove/fault and quits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-test-'));
    dirs.push(dir);
    const link = path.join(dir, 'reader');
    const { child, lines } = startSim(['idcard', '--link', link, '--card', 'foreign-2017']);
    const hello = await nextJson(lines);
    expect(hello.device).toBe(link);
    expect(hello.cards).toContain('hmt');
    const reader = new IdCardReader({ transport: new SerialTransport({ path: link }) });
    const first = new Promise<CardRead>((resolve) => reader.once('card', resolve));
    await reader.open();
    try {
      expect((await first).identity.kind).toBe('foreign-permanent-2017');
      const removed = new Promise<void>((resolve) => reader.once('removed', () => resolve()));
      child.stdin.write('remove\n');
      expect(await nextJson(lines)).toMatchObject({ ok: true, command: 'remove' });
      await removed;
      child.stdin.write('fault wobble\n');
      expect(await nextJson(lines)).toMatchObject({ ok: false, command: 'fault', error: expect.stringMatching(/unknown fault "wobble"/) });
      const second = new Promise<CardRead>((resolve) => reader.once('card', resolve));
      child.stdin.write('place hmt\n');
      expect(await nextJson(lines)).toMatchObject({ ok: true, card: 'hmt' });
      expect((await second).identity.kind).toBe('hmt-residence');
    } finally {
      await reader.close();
    }
    child.stdin.write('quit\n');
    expect(await exited(child)).toBe(0);
  });

  it('qr: sends each scanned payload, CR-terminated', async () => {
    const { child, lines } = startSim(['qr']);
    const hello = await nextJson(lines);
    const scanner = new SerialScanner({ path: hello.device as string });
    await scanner.open();
    try {
      const scan = new Promise<Scan>((resolve) => scanner.once('scan', resolve));
      child.stdin.write('scan TB-2026-000123\n');
      expect(await nextJson(lines)).toMatchObject({ ok: true, bytes: 14 });
      expect(await scan).toEqual({ payload: 'TB-2026-000123', source: 'serial', device: hello.device });
    } finally {
      await scanner.close();
    }
    child.stdin.end();
    expect(await exited(child)).toBe(0);
  });
});
