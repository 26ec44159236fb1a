import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfText } from './support/pdf-tools';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tongban(...args: string[]) {
  return spawnSync(process.execPath, ['bin/tongban.js', ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('tongban print render', () => {
  it('renders a certificate from a data file to a PDF with its text and embedded fonts', () => {
    const out = path.join(dir, 'certificate.pdf');
    const run = tongban('print', 'render', 'certificate', '--data', 'test/fixtures/printing/certificate-3-months.json', '--out', out);
    expect(run.stderr).not.toMatch(/tongban:/);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ template: 'contribution-certificate', out, bytes: expect.any(Number) });
    const text = pdfText(out).replace(/\s+/g, '');
    for (const expected of ['赵测试', '110105********0018', 'SB202608T0042', '7K3M-Q9XD-2RWT-8HNB', '2026-08', '2026-10']) expect(text).toContain(expected);
    expect(text).not.toContain('2026-07');
    expect(pdfFonts(out).every((f) => f.embedded)).toBe(true);
  });

  it('puts 第N页 共M页 and the holder, masked, at the foot of every page of a long certificate', () => {
    const out = path.join(dir, 'certificate-60.pdf');
    const run = tongban('print', 'render', 'certificate', '--months', '60', '--out', out);
    expect(run.status).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout)?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let n = 1; n <= pages; n += 1) {
      const page = spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      expect(page).toContain(`第${n}页共${pages}页`);
      expect(page).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    }
    expect(pdfFonts(out).every((f) => f.embedded)).toBe(true);
  });

  it('refuses data that would print an unmasked ID number, naming the field', () => {
    const run = tongban('print', 'render', 'certificate', '--data', 'test/fixtures/printing/certificate-unmasked-id.json', '--out', path.join(dir, 'bad.pdf'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tongban: .*person\.idNumberMasked.*masked ID number/m);
  });

  it('names the templates it knows when given another', () => {
    const run = tongban('print', 'render', 'passport', '--out', path.join(dir, 'x.pdf'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown template passport: one of certificate, receipt, test-page, contribution-certificate, case-receipt, supplement-notice, rejection-notice');
  });
});
