/**
 * The benchmark's page set, generated (not hand-picked): the notice and a household register
 * page in the four faces of printed Chinese (Song/Ming, Kai, Hei, FangSong), each under one of
 * the conditions papers arrive in: clean, noisy (grain, blur), skewed, grey patterned background,
 * JPEG-compressed, photographed on a desk at an angle. Seeded, so every run reads the same pages;
 * another seed is a held-out set (other faces under each condition, the other document, grain
 * from another sequence, the skew and the camera's angle mirrored), for checking that what was
 * tuned on one set holds on pages it never saw.
 */

/** The set the figures were first taken on. */
export const DEFAULT_SEED = 11;
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { degrade, greyPattern, householdRegisterDocument, noticeDocument, renderDocument, ZHANG_WEI, type FontName, type TestDocument } from '../../test/fixtures/ocr/documents';
import { photographOnDesk, TILTED } from '../../test/fixtures/ocr/desk-photo';

export const FACES: FontName[] = ['ming', 'kai', 'hei', 'fangsong'];
export const CONDITIONS = ['clean', 'noisy', 'skewed', 'grey', 'jpeg', 'photo'] as const;
export type Condition = (typeof CONDITIONS)[number];

export interface BenchPage {
  name: string;
  face: FontName;
  condition: Condition;
  image: Buffer;
  truth: string;
}

/** The paper seen from the other side of the desk: corners mirrored left to right, kept in TL, TR, BR, BL order. */
const MIRRORED: [number, number][] = [TILTED[1], TILTED[0], TILTED[3], TILTED[2]].map((c) => [1 - (c as [number, number])[0], (c as [number, number])[1]]);

async function apply(condition: Condition, png: Buffer, seed: number, mirrored: boolean): Promise<Buffer> {
  switch (condition) {
    case 'clean':
      return png;
    case 'noisy':
      return degrade(png, { angle: 0, noise: 70, seed });
    case 'skewed':
      return degrade(png, { angle: mirrored ? -3 : 3, noise: 10, seed });
    case 'grey':
      return greyPattern(png);
    case 'jpeg':
      return sharp(png).jpeg({ quality: 35 }).withDensity(300).toBuffer();
    case 'photo':
      return (await photographOnDesk(png, { width: 2560, height: 1440, seed, corners: mirrored ? MIRRORED : TILTED })).jpeg;
  }
}

/** Every condition once (faces taking turns), plus each face clean: 9 pages at `dpi`. */
export async function benchPages(browser: Browser, dpi: number, seed: number = DEFAULT_SEED): Promise<BenchPage[]> {
  const turn = (((seed - DEFAULT_SEED) % FACES.length) + FACES.length) % FACES.length;
  const mirrored = (seed - DEFAULT_SEED) % 2 !== 0;
  const plan: { face: FontName; condition: Condition; doc: (f: FontName) => TestDocument }[] = [
    ...FACES.map((face) => ({ face, condition: 'clean' as const, doc: (f: FontName) => noticeDocument(f, mirrored ? 11 : 12) })),
    ...CONDITIONS.filter((c) => c !== 'clean').map((condition, i) => ({
      face: FACES[(i + turn) % FACES.length] as FontName,
      condition,
      doc: (f: FontName) => ((i + turn) % 2 ? householdRegisterDocument(ZHANG_WEI, f) : noticeDocument(f, 13)),
    })),
  ];
  const pages: BenchPage[] = [];
  for (const [i, p] of plan.entries()) {
    const doc = p.doc(p.face);
    const png = await renderDocument(browser, doc, dpi);
    pages.push({ name: `${doc.name}-${p.condition}`, face: p.face, condition: p.condition, image: await apply(p.condition, png, seed + i, mirrored), truth: doc.truth });
  }
  return pages;
}
