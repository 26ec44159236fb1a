/** The pieces of PaddleOCR's pipeline that are the terminal's own code: sizes, line-end widening, CTC decoding, rows. */
import { describe, expect, it } from 'vitest';
import { groupIntoLines } from '../../../main/ocr/engines/paddle-engine';
import { detectionSize, type Quad } from '../../../main/ocr/engines/paddle/detect';
import { decodeCtc, lengthen, widenLineEnds } from '../../../main/ocr/engines/paddle/recognise';

describe('detection input size', () => {
  it('caps the long side and rounds both sides to the stride of 32', () => {
    expect(detectionSize(2481, 3509)).toEqual({ width: 1344, height: 1920 });
    expect(detectionSize(1000, 700)).toEqual({ width: 992, height: 704 });
    expect(detectionSize(10, 10)).toEqual({ width: 32, height: 32 });
  });
});

describe('line-end widening', () => {
  it('widens a level line along its length only', () => {
    const quad: Quad = [[100, 50], [500, 50], [500, 90], [100, 90]];
    expect(lengthen(quad, 12, 12)).toEqual([[88, 50], [512, 50], [512, 90], [88, 90]]);
  });

  it('stops at half the gap to the next region on the same line, and ignores the lines above and below', () => {
    const label: Quad = [[100, 50], [300, 50], [300, 90], [100, 90]];
    const value: Quad = [[310, 52], [700, 52], [700, 92], [310, 92]];
    const below: Quad = [[100, 100], [700, 100], [700, 140], [100, 140]];
    const [l, v, b] = widenLineEnds([label, value, below], 0.3);
    expect(l).toEqual([[88, 50], [305, 50], [305, 90], [88, 90]]);
    expect(v).toEqual([[305, 52], [712, 52], [712, 92], [305, 92]]);
    expect(b).toEqual([[88, 100], [712, 100], [712, 140], [88, 140]]);
  });

  it('does not widen regions that already touch or overlap towards each other (签发机关关)', () => {
    const label: Quad = [[100, 50], [300, 50], [300, 90], [100, 90]];
    const value: Quad = [[295, 52], [700, 52], [700, 92], [295, 92]];
    const [l, v] = widenLineEnds([label, value], 0.3);
    expect(l).toEqual([[88, 50], [300, 50], [300, 90], [88, 90]]);
    expect(v).toEqual([[295, 52], [712, 52], [712, 92], [295, 92]]);
  });

  it('follows a skewed line’s direction', () => {
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const quad: Quad = [[0, 0], [100 * c, 100 * s], [100 * c - 20 * s, 100 * s + 20 * c], [-20 * s, 20 * c]];
    const [tl, tr] = lengthen(quad, 10, 10);
    expect(Math.hypot(tr[0] - tl[0], tr[1] - tl[1])).toBeCloseTo(120);
    expect(tl[0]).toBeCloseTo(-10 * c);
    expect(tl[1]).toBeCloseTo(-10 * s);
  });
});

describe('CTC decoding', () => {
  const dictionary = ['通', '办', '。'];
  /** One row of class probabilities per step; class 0 is the blank, class k is dictionary[k − 1]. */
  const steps = (...best: number[]) => new Float32Array(best.flatMap((k) => [0, 1, 2, 3].map((c) => (c === k ? 0.9 : 0.1 / 3))));

  it('merges repeats, drops blanks, and keeps a character repeated across a blank', () => {
    expect(decodeCtc(steps(1, 1, 0, 2, 2, 0, 2, 3), 8, 4, 0, dictionary)).toEqual({ text: '通办办。', score: expect.closeTo(0.9, 5) });
  });

  it('reads the n-th line of a batch from its offset', () => {
    const batch = new Float32Array([...steps(0, 0), ...steps(3, 0)]);
    expect(decodeCtc(batch, 2, 4, 8, dictionary).text).toBe('。');
    expect(decodeCtc(batch, 2, 4, 0, dictionary)).toEqual({ text: '', score: 0 });
  });
});

describe('rows', () => {
  const region = (text: string, x: number, y: number, h = 40) => ({ text, score: 0.9, quad: [[x, y], [x + 200, y], [x + 200, y + h], [x, y + h]] as Quad });

  it('joins a label and its value on one row, left to right, rows top to bottom', () => {
    const rows = groupIntoLines([region('户主', 900, 102), region('姓名 张伟', 100, 100), region('性别 男', 100, 160)]);
    expect(rows.map((r) => r.map((x) => x.text))).toEqual([['姓名 张伟', '户主'], ['性别 男']]);
  });
});
