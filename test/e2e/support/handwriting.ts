import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const DATA_DIR = path.dirname(require.resolve('hanzi-writer-data/package.json'));

/** hanzi-writer-data's glyphs sit in a 1024 box with y pointing up, the baseline at 900 from the top. */
const BOX = 1024;
const TOP = 900;

/**
 * The stroke medians of hanzi-writer-data (from Make Me a Hanzi, drawn from Arphic fonts; a
 * source the recogniser was not trained on), in drawing order, in the glyph's own box.
 */
export function strokeMedians(char: string): [number, number][][] {
  const data = JSON.parse(readFileSync(path.join(DATA_DIR, `${char}.json`), 'utf8')) as { medians: [number, number][][] };
  return data.medians.map((median) => median.map(([x, y]) => [x, TOP - y] as [number, number]));
}

/** A small deterministic random source, so a failing jitter can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Points every few pixels along a polyline, as a finger's touch events arrive. */
export function densify(points: [number, number][], step: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[i + 1]!;
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let k = 0; k < n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  out.push(points[points.length - 1]!);
  return out;
}

/**
 * A character's strokes as a finger would draw them on a square pad of `size` pixels: scaled in
 * with a 10% margin, each stroke shifted and each point shaken by about 1% of the pad.
 */
export function padStrokes(char: string, size: number, random: () => number): [number, number][][] {
  const margin = size * 0.1;
  const scale = (size - 2 * margin) / BOX;
  const jitter = size * 0.012;
  return strokeMedians(char).map((median) => {
    const dx = (random() - 0.5) * jitter * 2;
    const dy = (random() - 0.5) * jitter * 2;
    return densify(median, 40).map(([x, y]) => [
      margin + x * scale + dx + (random() - 0.5) * jitter,
      margin + y * scale + dy + (random() - 0.5) * jitter,
    ]);
  });
}

/**
 * One character replayed on the pad as touch input through the DevTools protocol (real touch
 * events, which the page sees as pointer events), each stroke shifted and each point shaken a
 * little, the whole glyph scaled into the pad with a margin.
 */
export async function writeOnPad(page: Page, char: string, random: () => number): Promise<void> {
  const pad = await page.getByTestId('handwriting-pad').boundingBox();
  if (!pad) throw new Error('no handwriting pad on screen');
  const cdp = await page.context().newCDPSession(page);
  for (const stroke of padStrokes(char, pad.width, random)) {
    const points = stroke.map(([x, y]) => ({ x: pad.x + x, y: pad.y + y }));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]!] });
    for (const point of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
  await cdp.detach();
}
