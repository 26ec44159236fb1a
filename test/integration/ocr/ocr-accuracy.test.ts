/**
 * Reading accuracy on pages Chromium renders with known text, in several CJK fonts and sizes,
 * clean and degraded (grain, blur, JPEG, a slight rotation), under the CLI's default languages
 * (chi_sim+eng) and under chi_sim alone (what field extraction uses). One warm pool per language set is
 * shared by every case, as the terminal shares it between citizens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../../main/ocr';
import {
  characterErrorRate,
  degrade,
  launchChromium,
  noticeDocument,
  renderDocument,
  type TestDocument,
} from '../../fixtures/ocr/documents';

interface Case {
  doc: TestDocument;
  langs: 'chi_sim+eng' | 'chi_sim';
  noisy?: { angle: number; noise: number; seed: number };
}

const CLEAN: Case[] = [
  { doc: noticeDocument('sans', 12), langs: 'chi_sim+eng' },
  { doc: noticeDocument('serif', 14), langs: 'chi_sim+eng' },
  { doc: noticeDocument('mono', 10.5), langs: 'chi_sim+eng' },
];
const NOISY: Case[] = [
  { doc: noticeDocument('sans', 14), langs: 'chi_sim+eng', noisy: { angle: 1.5, noise: 70, seed: 11 } },
  { doc: noticeDocument('serif', 12), langs: 'chi_sim+eng', noisy: { angle: -2, noise: 60, seed: 23 } },
  { doc: noticeDocument('mono', 12), langs: 'chi_sim', noisy: { angle: 1, noise: 80, seed: 5 } },
];

const images = new Map<Case, Buffer>();
const engines: Partial<Record<Case['langs'], OcrEngine>> = {};

beforeAll(async () => {
  const browser = await launchChromium();
  try {
    for (const c of [...CLEAN, ...NOISY]) {
      const png = await renderDocument(browser, c.doc, 200);
      images.set(c, c.noisy ? await degrade(png, c.noisy) : png);
    }
  } finally {
    await browser.close();
  }
  [engines['chi_sim+eng'], engines.chi_sim] = await Promise.all([OcrEngine.start({ langs: 'chi_sim+eng', workers: 1 }), OcrEngine.start({ langs: 'chi_sim', workers: 1 })]);
});

afterAll(async () => {
  await Promise.all(Object.values(engines).map((engine) => engine.close()));
});

async function read(c: Case) {
  const engine = engines[c.langs];
  const image = images.get(c);
  if (!engine || !image) throw new Error(`${c.doc.name} was not prepared`);
  return engine.recognize(image);
}

describe('OCR accuracy on rendered documents', () => {
  it.each(CLEAN.map((c) => [c.doc.name, c] as const))('clean %s: CER below 3%', async (_name, c) => {
    const result = await read(c);
    const cer = characterErrorRate(result.text, c.doc.truth);
    expect(cer, `read:\n${result.text}`).toBeLessThan(0.03);
    expect(result.confidence).toBeGreaterThan(60);
    expect(result.lines.length).toBeGreaterThanOrEqual(c.doc.truth.split('\n').length - 1);
    expect(result.lines.every((line) => line.words.length > 0 && line.confidence >= 0 && line.confidence <= 100)).toBe(true);
  });

  it.each(NOISY.map((c) => [c.doc.name, c] as const))('noisy, rotated %s: CER below 8%', async (_name, c) => {
    const result = await read(c);
    expect(result.image.format).toBe('jpeg');
    const cer = characterErrorRate(result.text, c.doc.truth);
    expect(cer, `read:\n${result.text}`).toBeLessThan(0.08);
  });

  it('a blank page reads as no text, not as an error', async () => {
    const engine = engines['chi_sim+eng'] as OcrEngine;
    const sharp = (await import('sharp')).default;
    const blank = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const result = await engine.recognize(blank);
    expect(result.text).toBe('');
    expect(result.lines).toEqual([]);
  });
});
