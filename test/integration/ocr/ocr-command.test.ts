/** `tongban ocr FILE` as a technician (and the acceptance checks) run it: a real process, real files. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterErrorRate, householdRegisterDocument, launchChromium, noticeDocument, renderDocument, ZHANG_WEI } from '../../fixtures/ocr/documents';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-ocr-cli-'));
const notice = noticeDocument('sans', 12);

function tongban(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/tongban.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  const browser = await launchChromium();
  try {
    const png = await renderDocument(browser, notice, 150);
    writeFileSync(path.join(dir, 'notice.png'), png);
    writeFileSync(path.join(dir, 'notice.tif'), await sharp(png).tiff({ compression: 'lzw' }).toBuffer());
    const { data, info } = await sharp(png).greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    writeFileSync(path.join(dir, 'notice.pgm'), Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`), data]));
    writeFileSync(path.join(dir, 'household.jpg'), await sharp(await renderDocument(browser, householdRegisterDocument(ZHANG_WEI, 'sans'), 200)).jpeg({ quality: 90 }).toBuffer());
  } finally {
    await browser.close();
  }
  writeFileSync(path.join(dir, 'notes.txt'), 'not an image');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tongban ocr', () => {
  it.each(['notice.png', 'notice.tif', 'notice.pgm'])('prints text and confidence as JSON for %s', async (file) => {
    const r = await tongban(['ocr', path.join(dir, file)]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { text: string; confidence: number; engine: string; blank: boolean; langs: string; lines: { text: string; confidence: number; bbox: { x0: number; x1: number }; words: unknown[] }[]; image: { format: string } };
    expect(characterErrorRate(out.text, notice.truth), out.text).toBeLessThan(0.03);
    expect(out.confidence).toBeGreaterThan(50);
    expect(out.confidence).toBeLessThanOrEqual(100);
    expect(out.engine).toBe('paddle');
    expect(out.blank).toBe(false);
    expect(out.lines.every((l) => l.bbox.x1 > l.bbox.x0)).toBe(true);
    expect(out.lines.length).toBeGreaterThan(5);
    expect(out.image.format).toBe({ 'notice.png': 'png', 'notice.tif': 'tiff', 'notice.pgm': 'pnm' }[file]);
  });

  it('--fields proposes the household register fields, ID numbers masked in everything printed', async () => {
    const r = await tongban(['ocr', path.join(dir, 'household.jpg'), '--fields', 'household-register']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { text: string; engine: string; langs: string; documentType: string; fields: { field: string; value: string; confidence: number }[] };
    expect(out.engine).toBe('paddle');
    expect(out.documentType).toBe('household-register');
    const fields = Object.fromEntries(out.fields.map((f) => [f.field, f.value]));
    expect(fields).toMatchObject({ name: ZHANG_WEI.name, sex: '男', birthDate: '1985-03-12', idNumber: `${ZHANG_WEI.idNumber.slice(0, 6)}********${ZHANG_WEI.idNumber.slice(-4)}` });
    expect(r.stdout).not.toContain(ZHANG_WEI.idNumber);
    expect(out.text).toContain(`${ZHANG_WEI.idNumber.slice(0, 6)}********`);
  });

  it.each([
    [['ocr', '/nonexistent/page.png'], /^tongban: cannot read \/nonexistent\/page\.png: no such file\n$/],
    [['ocr', dir], /^tongban: cannot read .*: is a directory\n$/],
    [['ocr', path.join(dir, 'notes.txt')], /^tongban: .*notes\.txt: unsupported image format .*expected png, jpeg, tiff, pnm or pdf\n$/],
    [['ocr', path.join(dir, 'notice.png'), '--fields', 'passport'], /^tongban: --fields passport: unknown document type; expected one of household-register, marriage-certificate, residence-permit, social-security-card, bank-card, disability-certificate\n$/],
    [['ocr', path.join(dir, 'notice.png'), '--engine', 'abbyy'], /^tongban: --engine abbyy: unknown engine; expected paddle or tesseract\n$/],
    [['ocr', path.join(dir, 'notice.png'), '--engine', 'tesseract', '--lang', 'klingon'], /^tongban: no language data for klingon: .*klingon\.traineddata is missing/],
  ])('fails in one clear line: %j', async (args, message) => {
    const r = await tongban(args);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
