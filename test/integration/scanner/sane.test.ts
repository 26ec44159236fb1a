/**
 * The SANE driver against SANE's own `test` backend through the real scanimage: what it scans,
 * and how each device status the backend can fake reaches the caller.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SaneScanner, ScannerError } from '../../../drivers/scanner';

const SMALL = { x: 0, y: 0, width: 40, height: 50 };

function scanimageProcesses(marker: string): string[] {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('scanimage') && line.includes(marker));
}

async function scanError(scanner: SaneScanner, options: Parameters<SaneScanner['scan']>[0], signal?: AbortSignal): Promise<ScannerError> {
  const error = await scanner.scan(options, signal).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScannerError);
  return error as ScannerError;
}

describe('SANE scanner (test backend)', () => {
  it('reads the capabilities from scanimage -A', async () => {
    const caps = await new SaneScanner({ device: 'test' }).capabilities();
    expect(caps.sources).toEqual(['flatbed', 'adf']);
    expect(caps.modes).toEqual(expect.arrayContaining(['grey', 'colour']));
    expect(caps.resolutions).toContain(300);
    expect(caps.maxWidth).toBe(200);
  });

  it('scans one flatbed page at the asked resolution, mode and area', async () => {
    const scanner = new SaneScanner({ device: 'test', deviceOptions: { 'test-picture': 'Grid' } });
    const pages = await scanner.scan({ resolution: 150, mode: 'grey', area: SMALL, format: 'png' });
    expect(pages).toHaveLength(1);
    const [page] = pages as [(typeof pages)[0]];
    expect(page.format).toBe('png');
    expect(page.resolution).toBe(150);
    const meta = await sharp(page.data).metadata();
    expect(meta.format).toBe('png');
    expect(meta.channels).toBe(1);
    // 40 × 50 mm at 150 dpi
    expect(Math.abs((meta.width ?? 0) - 236)).toBeLessThanOrEqual(2);
    expect(Math.abs((meta.height ?? 0) - 295)).toBeLessThanOrEqual(2);
  });

  it('scans colour JPEG', async () => {
    const [page] = await new SaneScanner({ device: 'test', deviceOptions: { 'test-picture': 'Color pattern' } }).scan({ resolution: 75, mode: 'colour', area: SMALL, format: 'jpeg' });
    const meta = await sharp(page?.data).metadata();
    expect([meta.format, meta.channels]).toEqual(['jpeg', 3]);
  });

  it('feeds every page from the feeder in multi-page mode (the test feeder holds ten)', async () => {
    const pages = await new SaneScanner({ device: 'test' }).scan({ resolution: 75, source: 'adf', multiPage: true, area: SMALL });
    expect(pages).toHaveLength(10);
    expect(new Set(pages.map((p) => p.format))).toEqual(new Set(['png']));
  });

  it.each([
    ['SANE_STATUS_COVER_OPEN', 'cover-open'],
    ['SANE_STATUS_DEVICE_BUSY', 'busy'],
    ['SANE_STATUS_NO_DOCS', 'no-paper'],
    ['SANE_STATUS_JAMMED', 'jammed'],
  ] as const)('a device reporting %s fails with %s and leaves no page behind', async (status, code) => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('tongban-scan-')).length;
    const scanner = new SaneScanner({ device: 'test', deviceOptions: { 'read-return-value': status } });
    const error = await scanError(scanner, { resolution: 75, area: SMALL });
    expect(error.code).toBe(code);
    expect(error.message).toContain('sane:test');
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('tongban-scan-')).length).toBe(before);
  });

  it('asking for a mode the device lacks is an invalid request, before anything runs', async () => {
    const scanner = new SaneScanner({ device: 'test' });
    const error = await scanError(scanner, { mode: 'lineart' });
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/no lineart mode/);
  });

  it('a scan that takes too long is stopped, and scanimage is gone', async () => {
    const marker = '199000';
    const scanner = new SaneScanner({ device: 'test', deviceOptions: { 'read-delay': 'yes', 'read-delay-duration': marker, 'read-limit': 'yes', 'read-limit-size': '64' } });
    const error = await scanError(scanner, { resolution: 300, area: 'a4', timeoutMs: 800 });
    expect(error.code).toBe('timeout');
    expect(scanimageProcesses(marker)).toEqual([]);
  });

  it('a cancelled scan stops scanimage too', async () => {
    const marker = '198000';
    const scanner = new SaneScanner({ device: 'test', deviceOptions: { 'read-delay': 'yes', 'read-delay-duration': marker, 'read-limit': 'yes', 'read-limit-size': '64' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const error = await scanError(scanner, { resolution: 300, area: 'a4' }, controller.signal);
    expect(error.code).toBe('cancelled');
    expect(scanimageProcesses(marker)).toEqual([]);
  });

  it('a second scan while one runs is refused as busy', async () => {
    const scanner = new SaneScanner({ device: 'test', deviceOptions: { 'read-delay': 'yes', 'read-delay-duration': '50000', 'read-limit': 'yes', 'read-limit-size': '4096' } });
    const first = scanner.scan({ resolution: 75, area: SMALL });
    const second = await scanError(scanner, { resolution: 75, area: SMALL });
    expect(second.code).toBe('busy');
    expect(await scanner.status()).toEqual({ state: 'processing' });
    expect(await first).toHaveLength(1);
  });

  it('an unknown device is unreachable, with scanimage’s words', async () => {
    const scanner = new SaneScanner({ device: 'nosuchbackend:0' });
    const error = await scanner.capabilities().catch((e: unknown) => e as ScannerError);
    expect(error).toBeInstanceOf(ScannerError);
    expect((error as ScannerError).code).toBe('unreachable');
    expect((await scanner.status()).state).toBe('down');
  });
});
