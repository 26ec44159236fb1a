import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HidPosAssembler, parseHidPosReport, ScanLineParser } from '../../../drivers/qr';
import { KeyboardWedgeDetector } from '../../../renderer/src/devices/keyboard-wedge';
import { readReportLines } from '../idcard/fixtures';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('serial scanner lines', () => {
  /** Feeds the chunks in order and collects the scans and the dropped byte counts. */
  async function lines(parser: ScanLineParser, chunks: Uint8Array[]): Promise<{ lines: string[]; dropped: number[] }> {
    const out = { lines: [] as string[], dropped: [] as number[] };
    parser.on('data', (line: string) => out.lines.push(line));
    parser.on('dropped', (n: number) => out.dropped.push(n));
    for (const chunk of chunks) parser.write(chunk);
    await new Promise((resolve) => setImmediate(resolve));
    return out;
  }

  it('splits at CR across chunk boundaries and drops empty lines', async () => {
    expect(await lines(new ScanLineParser('CR'), [bytes('TB-001\rTB-0'), bytes('02\r\r')])).toEqual({ lines: ['TB-001', 'TB-002'], dropped: [] });
  });

  it('honours CRLF and LF, and UTF-8 payloads', async () => {
    expect((await lines(new ScanLineParser('CRLF'), [bytes('测试码\r')])).lines).toEqual([]);
    expect((await lines(new ScanLineParser('CRLF'), [bytes('测试码\r'), bytes('\n')])).lines).toEqual(['测试码']);
    expect((await lines(new ScanLineParser('LF'), [bytes('a\rb\n')])).lines).toEqual(['a\rb']);
  });

  it('drops a line that never ends instead of growing without bound', async () => {
    expect(await lines(new ScanLineParser('CR', 100), [new Uint8Array(150).fill(0x41), bytes('OK\r')])).toEqual({ lines: ['OK'], dropped: [150] });
    expect(await lines(new ScanLineParser('CR', 100), [bytes(`${'B'.repeat(120)}\rOK\r`)])).toEqual({ lines: ['OK'], dropped: [120] });
  });

  it('keeps nothing of a line cut off when the port closes', async () => {
    const parser = new ScanLineParser('CR');
    const got = await lines(parser, [bytes('TB-9')]);
    parser.end();
    await new Promise((resolve) => setImmediate(resolve));
    expect(got.lines).toEqual([]);
  });
});

describe('HID POS scanned-data reports (recorded layout, fixture)', () => {
  const groups = readReportLines('../idcard/hid-pos-reports.hex');
  const payloads = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/idcard/hid-pos-payloads.json'), 'utf8')) as string[];

  it('joins single- and multi-report scans', () => {
    expect(groups.map((g) => g.length)).toEqual([1, 2]);
    const assembler = new HidPosAssembler();
    const out = groups.map((g) => g.map((r) => assembler.push(r).payload).filter((p) => p !== undefined));
    expect(out).toEqual([[payloads[0]], [payloads[1]]]);
  });

  it('ignores reports that are not scanned data, or whose count overruns', () => {
    expect(parseHidPosReport(Uint8Array.of(0x04, 3, 1, 2, 3))).toMatchObject({ kind: 'ignored' });
    expect(parseHidPosReport(Uint8Array.of(0x02, 57, ...new Uint8Array(62)))).toMatchObject({ kind: 'ignored' });
    expect(parseHidPosReport(Uint8Array.of(0x02, 5, 0x41))).toMatchObject({ kind: 'ignored' });
  });

  it('ends a code of exactly 56 bytes on flush', () => {
    const assembler = new HidPosAssembler();
    const report = new Uint8Array(64);
    report[0] = 2;
    report[1] = 56;
    report.fill(0x42, 2, 58);
    expect(assembler.push(report).payload).toBeUndefined();
    expect(assembler.flush()).toBe('B'.repeat(56));
    expect(assembler.flush()).toBeUndefined();
  });
});

describe('keyboard-wedge detector', () => {
  const type = (d: KeyboardWedgeDetector, keys: string[], gaps: number[], start = 1000) => {
    let t = start;
    return keys.map((k, i) => {
      t += gaps[i] ?? gaps[gaps.length - 1] ?? 0;
      return d.key(k, t);
    });
  };

  it('takes a fast burst ending in Enter as a scan, Shift keys and all', () => {
    const d = new KeyboardWedgeDetector();
    const out = type(d, ['T', 'Shift', 'B', '-', '1', '2', 'Enter'], [0, 8, 8, 9, 7, 8, 10]);
    expect(out.at(-1)).toEqual({ kind: 'scan', payload: 'TB-12' });
  });

  it('leaves a person typing alone, however they finish', () => {
    const d = new KeyboardWedgeDetector();
    expect(type(d, ['1', '2', '3', '4', '5', 'Enter'], [0, 120, 95, 150, 110, 130]).at(-1)).toEqual({ kind: 'typing' });
  });

  it('ignores a burst that is too short, and a slow Enter after a fast burst', () => {
    const d = new KeyboardWedgeDetector({ minLength: 4 });
    expect(type(d, ['a', 'b', 'Enter'], [0, 5, 5]).at(-1)).toEqual({ kind: 'typing' });
    expect(type(d, ['a', 'b', 'c', 'd', 'e', 'Enter'], [0, 5, 5, 5, 5, 400]).at(-1)).toEqual({ kind: 'typing' });
  });

  it('finds a scan that starts right after slow typing', () => {
    const d = new KeyboardWedgeDetector();
    const out = type(d, ['x', 'y', 'C', 'O', 'D', 'E', '9', 'Enter'], [0, 200, 300, 6, 6, 6, 6, 6]);
    expect(out.at(-1)).toEqual({ kind: 'scan', payload: 'CODE9' });
  });
});
