import type { InferenceSession } from 'onnxruntime-node';
import { Tensor } from 'onnxruntime-node';
import type { Cv } from '../../../capture/opencv';
import { resizeGrey, type GreyImage } from './grey-image';
import { PADDLE_SETTINGS } from './settings';

/** A text region's four corners in page pixels: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [[number, number], [number, number], [number, number], [number, number]];

const DET = PADDLE_SETTINGS.detection;
/** OpenCV's rotated rectangle as minAreaRect returns it (a plain object in the WebAssembly build). */
interface RotatedRect {
  center: { x: number; y: number };
  size: { width: number; height: number };
  angle: number;
}

/** The detector's input size: long side capped, both sides rounded to the network's stride. */
export function detectionSize(width: number, height: number, maxLongSide: number = DET.maxLongSide): { width: number; height: number } {
  const scale = Math.min(1, maxLongSide / Math.max(width, height));
  const round = (v: number) => Math.max(DET.stride, Math.round((v * scale) / DET.stride) * DET.stride);
  return { width: round(width), height: round(height) };
}

function toTensor(image: GreyImage): Tensor {
  const plane = image.width * image.height;
  const input = new Float32Array(plane * 3);
  for (let c = 0; c < 3; c += 1) {
    const mean = DET.mean[c] as number;
    const std = DET.std[c] as number;
    const offset = c * plane;
    for (let i = 0; i < plane; i += 1) input[offset + i] = ((image.data[i] as number) / 255 - mean) / std;
  }
  return new Tensor('float32', input, [1, 3, image.height, image.width]);
}

/**
 * DB post-processing as PaddleOCR does it: threshold the probability map, take each region's
 * minimum-area rectangle, drop regions of low mean probability, grow the rest back by the unclip
 * distance (area × ratio / perimeter — the DB paper's offset; for a rectangle the grown
 * polygon's minimum-area rectangle is the rectangle widened by that distance on every side).
 */
function regions(cv: Cv, probability: Float32Array, width: number, height: number): { rect: RotatedRect }[] {
  const prob = cv.matFromArray(height, width, cv.CV_32FC1, probability);
  const mask = new cv.Mat();
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  const found: { rect: RotatedRect }[] = [];
  try {
    cv.threshold(prob, mask, DET.threshold, 255, cv.THRESH_BINARY);
    mask.convertTo(mask, cv.CV_8U);
    cv.findContours(mask, contours, hierarchy, cv.RETR_LIST, cv.CHAIN_APPROX_SIMPLE);
    const count = Math.min(contours.size(), DET.maxCandidates);
    for (let i = 0; i < count; i += 1) {
      const contour = contours.get(i);
      try {
        const rect: RotatedRect = cv.minAreaRect(contour);
        if (Math.min(rect.size.width, rect.size.height) < DET.minSize) continue;
        if (meanInside(cv, prob, rect) < DET.boxThreshold) continue;
        const { width: w, height: h } = rect.size;
        const grow = (w * h * DET.unclipRatio) / (2 * (w + h));
        const grown = { center: rect.center, angle: rect.angle, size: { width: w + 2 * grow, height: h + 2 * grow } };
        if (Math.min(grown.size.width, grown.size.height) < DET.minSize + 2) continue;
        found.push({ rect: grown });
      } finally {
        contour.delete();
      }
    }
    return found;
  } finally {
    for (const m of [prob, mask, contours, hierarchy]) m.delete();
  }
}

const cornersOf = (cv: Cv, rect: RotatedRect) => (cv as unknown as { RotatedRect: { points(r: RotatedRect): { x: number; y: number }[] } }).RotatedRect.points(rect);

/** The region's score as PaddleOCR's default "fast" mode takes it: mean probability inside its rectangle. */
function meanInside(cv: Cv, prob: InstanceType<Cv['Mat']>, rect: RotatedRect): number {
  const corners = cornersOf(cv, rect);
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.x))));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.y))));
  const x1 = Math.min(prob.cols - 1, Math.ceil(Math.max(...corners.map((p) => p.x))));
  const y1 = Math.min(prob.rows - 1, Math.ceil(Math.max(...corners.map((p) => p.y))));
  if (x1 < x0 || y1 < y0) return 0;
  const roi = prob.roi(new cv.Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1));
  const inside = cv.Mat.zeros(y1 - y0 + 1, x1 - x0 + 1, cv.CV_8UC1);
  const polygon = cv.matFromArray(4, 1, cv.CV_32SC2, corners.flatMap((p) => [Math.round(p.x - x0), Math.round(p.y - y0)]));
  const polygons = new cv.MatVector();
  try {
    polygons.push_back(polygon);
    cv.fillPoly(inside, polygons, new cv.Scalar(1));
    return cv.mean(roi, inside)[0] ?? 0;
  } finally {
    for (const m of [roi, inside, polygon, polygons]) m.delete();
  }
}

/** Corners in reading order (clockwise from the top-left), as PaddleOCR orders them before cropping. */
function orderCorners(points: { x: number; y: number }[]): Quad {
  const byX = [...points].sort((a, b) => a.x - b.x);
  const [l1, l2, r1, r2] = byX as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }, { x: number; y: number }];
  const [tl, bl] = l1.y <= l2.y ? [l1, l2] : [l2, l1];
  const [tr, br] = r1.y <= r2.y ? [r1, r2] : [r2, r1];
  return [[tl.x, tl.y], [tr.x, tr.y], [br.x, br.y], [bl.x, bl.y]];
}

/** Text regions on the page, in the page's pixels. */
export async function detectText(cv: Cv, session: InferenceSession, page: GreyImage, maxLongSide?: number): Promise<Quad[]> {
  const size = detectionSize(page.width, page.height, maxLongSide);
  const input = await resizeGrey(page, size.width, size.height);
  const outputs = await session.run({ [session.inputNames[0] as string]: toTensor(input) });
  const output = outputs[session.outputNames[0] as string] as Tensor;
  const [, , mapHeight, mapWidth] = output.dims as number[];
  const sx = page.width / (mapWidth as number);
  const sy = page.height / (mapHeight as number);
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return regions(cv, output.data as Float32Array, mapWidth as number, mapHeight as number).map(({ rect }) =>
    orderCorners(cornersOf(cv, rect).map((p) => ({ x: clamp(p.x * sx, page.width), y: clamp(p.y * sy, page.height) }))),
  );
}
