/** Background flattening (main/ocr/flatten.ts): grey bands and uneven light become white paper, the ink stays dark. */
import { describe, expect, it } from 'vitest';
import { flattenBackground, WHITE_POINT } from '../../../main/ocr/flatten';

const WIDTH = 400;
const HEIGHT = 200;

/**
 * A patterned, unevenly lit page: diagonal bands of 189 and 216 (the bench's guilloche greys)
 * darkening by a quarter towards the right, with a 4 px "stroke" of ink (value 20) every 40 px.
 */
function page(): { grey: Uint8Array; ink: (x: number, y: number) => boolean } {
  const ink = (x: number, y: number) => y >= 60 && y < 140 && x % 40 < 4;
  const grey = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y += 1) {
    for (let x = 0; x < WIDTH; x += 1) {
      const band = Math.floor((x + y * 0.58) / 24) % 2 ? 189 : 216;
      const light = 1 - 0.25 * (x / WIDTH);
      grey[y * WIDTH + x] = Math.round((ink(x, y) ? 20 : band) * light);
    }
  }
  return { grey, ink };
}

describe('background flattening', () => {
  it('turns the bands and the shadow white and keeps the ink', () => {
    const { grey, ink } = page();
    const flat = flattenBackground(grey, WIDTH, HEIGHT, 300);
    let paperNotWhite = 0;
    let paper = 0;
    for (let y = 0; y < HEIGHT; y += 1) {
      for (let x = 0; x < WIDTH; x += 1) {
        const v = flat[y * WIDTH + x] as number;
        if (ink(x, y)) expect(v, `ink at ${x},${y}`).toBeLessThan(60);
        // Away from the strokes' anti-aliased edges.
        else if (!ink(x - 2, y) && !ink(x + 2, y)) {
          paper += 1;
          if (v < 250) paperNotWhite += 1;
        }
      }
    }
    expect(paperNotWhite / paper).toBeLessThan(0.01);
  });

  it('leaves a photo of a paper on a dark desk as it was', () => {
    const grey = new Uint8Array(WIDTH * HEIGHT).fill(80);
    for (let y = 40; y < 160; y += 1) for (let x = 120; x < 280; x += 1) grey[y * WIDTH + x] = x % 20 < 3 ? 60 : 200;
    expect(flattenBackground(grey, WIDTH, HEIGHT, 300)).toBe(grey);
  });

  it('leaves a page that was white already as it was, ink included', () => {
    const grey = new Uint8Array(WIDTH * HEIGHT).fill(255);
    for (let x = 100; x < 104; x += 1) for (let y = 50; y < 150; y += 1) grey[y * WIDTH + x] = 30;
    const flat = flattenBackground(grey, WIDTH, HEIGHT, 200);
    expect(flat[0]).toBe(255);
    expect(flat[100 * WIDTH + 101]).toBe(Math.round((30 / 255 / WHITE_POINT) * 255));
  });
});
