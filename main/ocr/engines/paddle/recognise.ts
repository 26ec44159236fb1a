import type { InferenceSession } from 'onnxruntime-node';
import { Tensor } from 'onnxruntime-node';
import type { Cv } from '../../../capture/opencv';
import type { Quad } from './detect';
import type { GreyImage } from './grey-image';
import { PADDLE_SETTINGS } from './settings';

const REC = PADDLE_SETTINGS.recognition;

export interface ReadRegion {
  quad: Quad;
  text: string;
  /** Mean probability of the characters kept, 0–1. */
  score: number;
}

interface Crop {
  quad: Quad;
  /** REC.height rows, `width` columns, one byte a pixel. */
  pixels: Uint8Array;
  width: number;
}

const length = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * The region widened along its line by `before` and `after` pixels. DB's regions end at the
 * last character's ink; a line-end 。、，； is a small mark in the corner of its own cell that the
 * unclip distance (grown equally in every direction) only half covers, and the recogniser read
 * it as · or ° or not at all. Widening only along the line keeps the neighbouring lines out.
 */
export function lengthen(quad: Quad, before: number, after: number): Quad {
  const [tl, tr, br, bl] = quad;
  const top = length(tl, tr);
  if (top === 0) return quad;
  const ux = (tr[0] - tl[0]) / top;
  const uy = (tr[1] - tl[1]) / top;
  const shift = (p: [number, number], d: number): [number, number] => [p[0] + d * ux, p[1] + d * uy];
  return [shift(tl, -before), shift(tr, after), shift(br, after), shift(bl, -before)];
}

interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
const extentOf = (q: Quad): Extent => ({ x0: Math.min(...q.map((p) => p[0])), x1: Math.max(...q.map((p) => p[0])), y0: Math.min(...q.map((p) => p[1])), y1: Math.max(...q.map((p) => p[1])) });

/**
 * Every region widened by `along` × its height at each end, but never past half the gap to the
 * next region on the same line: a label and its value (居住证编号 4403…) are two regions, and
 * a value widened into its label's last character read it twice (编号号). Regions that already
 * touch or overlap (DB grows each by its unclip distance) are not widened towards each other at all.
 */
export function widenLineEnds(quads: Quad[], along: number): Quad[] {
  const extents = quads.map(extentOf);
  return quads.map((quad, i) => {
    const own = extents[i] as Extent;
    const height = Math.max(length(quad[0], quad[3]), length(quad[1], quad[2]));
    let before = along * height;
    let after = along * height;
    extents.forEach((other, j) => {
      const overlap = Math.min(own.y1, other.y1) - Math.max(own.y0, other.y0);
      if (j === i || overlap < 0.5 * Math.min(own.y1 - own.y0, other.y1 - other.y0)) return;
      const leftOfOwn = other.x0 + other.x1 < own.x0 + own.x1;
      if (leftOfOwn) before = Math.min(before, Math.max(0, (own.x0 - other.x1) / 2));
      else after = Math.min(after, Math.max(0, (other.x0 - own.x1) / 2));
    });
    return lengthen(quad, before, after);
  });
}

/**
 * The region cut out of the full page and straightened (PaddleOCR's get_rotate_crop_image: a
 * perspective warp with cubic interpolation, edges replicated; a region much taller than wide is
 * a vertical line and is turned), then scaled to the recogniser's height, keeping its proportions.
 */
function crop(cv: Cv, page: InstanceType<Cv['Mat']>, quad: Quad): Crop | undefined {
  const width = Math.round(Math.max(length(quad[0], quad[1]), length(quad[3], quad[2])));
  const height = Math.round(Math.max(length(quad[0], quad[3]), length(quad[1], quad[2])));
  if (width < 2 || height < 2) return undefined;
  const from = cv.matFromArray(4, 1, cv.CV_32FC2, quad.flat());
  const to = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, width, 0, width, height, 0, height]);
  const transform = cv.getPerspectiveTransform(from, to);
  const straight = new cv.Mat();
  const scaled = new cv.Mat();
  try {
    cv.warpPerspective(page, straight, transform, new cv.Size(width, height), cv.INTER_CUBIC, cv.BORDER_REPLICATE, new cv.Scalar());
    if (height / width >= 1.5) cv.rotate(straight, straight, cv.ROTATE_90_COUNTERCLOCKWISE);
    const scaledWidth = Math.max(1, Math.ceil((REC.height * straight.cols) / straight.rows));
    cv.resize(straight, scaled, new cv.Size(scaledWidth, REC.height), 0, 0, cv.INTER_LINEAR);
    return { quad, pixels: Uint8Array.from(scaled.data), width: scaledWidth };
  } finally {
    for (const m of [from, to, transform, straight, scaled]) m.delete();
  }
}

/** A batch as PaddleOCR builds it: normalised crops side by side in width, zero (mid-grey) to the widest. */
function batchTensor(crops: Crop[]): { tensor: Tensor; width: number } {
  const width = Math.max(REC.minWidth, ...crops.map((c) => c.width));
  const plane = REC.height * width;
  const input = new Float32Array(crops.length * 3 * plane);
  crops.forEach((c, n) => {
    for (let y = 0; y < REC.height; y += 1) {
      for (let x = 0; x < c.width; x += 1) {
        const value = ((c.pixels[y * c.width + x] as number) / 255 - REC.mean) / REC.std;
        for (let ch = 0; ch < 3; ch += 1) input[(n * 3 + ch) * plane + y * width + x] = value;
      }
    }
  });
  return { tensor: new Tensor('float32', input, [crops.length, 3, REC.height, width]), width };
}

/** Greedy CTC decoding: the likeliest class per time step, repeats merged, blanks (class 0) dropped. */
export function decodeCtc(probabilities: Float32Array, steps: number, classes: number, offset: number, dictionary: readonly string[]): { text: string; score: number } {
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t += 1) {
    const base = offset + t * classes;
    let best = 0;
    let bestP = probabilities[base] as number;
    for (let k = 1; k < classes; k += 1) {
      const p = probabilities[base + k] as number;
      if (p > bestP) {
        best = k;
        bestP = p;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? '';
      sum += bestP;
      kept += 1;
    }
    previous = best;
  }
  return { text, score: kept ? sum / kept : 0 };
}

/**
 * Reads every region: crops sorted by width so a batch pads little (PaddleOCR's order), batches
 * of REC.batchSize, lines below REC.dropScore dropped.
 */
export async function recogniseRegions(cv: Cv, session: InferenceSession, page: GreyImage, quads: Quad[], dictionary: readonly string[]): Promise<ReadRegion[]> {
  const mat = cv.matFromArray(page.height, page.width, cv.CV_8UC1, page.data);
  let crops: Crop[];
  try {
    crops = widenLineEnds(quads, REC.lineEndPadding).map((q) => crop(cv, mat, q)).filter((c): c is Crop => c !== undefined);
  } finally {
    mat.delete();
  }
  crops.sort((a, b) => a.width - b.width);
  const read: ReadRegion[] = [];
  for (let i = 0; i < crops.length; i += REC.batchSize) {
    const batch = crops.slice(i, i + REC.batchSize);
    const { tensor } = batchTensor(batch);
    const outputs = await session.run({ [session.inputNames[0] as string]: tensor });
    const output = outputs[session.outputNames[0] as string] as Tensor;
    const [, steps, classes] = output.dims as number[];
    batch.forEach((c, n) => {
      const { text, score } = decodeCtc(output.data as Float32Array, steps as number, classes as number, n * (steps as number) * (classes as number), dictionary);
      if (text && score >= REC.dropScore) read.push({ quad: c.quad, text, score });
    });
  }
  return read;
}
