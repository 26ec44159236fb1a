import { loadOpenCv, type Cv } from './opencv';

/**
 * Finding the paper in a document-camera photo and straightening it: OpenCV's own WebAssembly
 * build (`@techstark/opencv-js`) finds the edges and corrects the perspective; nothing of the
 * geometry is written here beyond putting four corners in order.
 */

type Mat = InstanceType<Cv['Mat']>;

export interface Corner {
  x: number;
  y: number;
}

export interface Straightened {
  /** The page, cropped to the paper and straightened, as JPEG; the photo itself when no paper was found. */
  image: Buffer;
  /** The paper's corners in the photo (top-left, top-right, bottom-right, bottom-left), when found. */
  corners?: [Corner, Corner, Corner, Corner];
  width: number;
  height: number;
}

/** Detection works on a small copy: edges do not need every pixel, and a 1080p frame takes ~4× as long. */
const DETECT_LONG_SIDE = 800;
/** A paper smaller than this share of the frame is not the document but something on it. */
const MIN_AREA_SHARE = 0.15;

function ordered(points: Corner[]): [Corner, Corner, Corner, Corner] {
  const bySum = [...points].sort((a, b) => a.x + a.y - (b.x + b.y));
  const byDiff = [...points].sort((a, b) => a.y - a.x - (b.y - b.x));
  return [bySum[0] as Corner, byDiff[0] as Corner, bySum[3] as Corner, byDiff[3] as Corner];
}

const distance = (a: Corner, b: Corner) => Math.hypot(a.x - b.x, a.y - b.y);

/** Text needs pixels: the flattened page gets at least this long a side. */
const MIN_LONG_SIDE = 2000;

type Vec3 = [number, number, number];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * The paper's true width over height, from its four corners in the photo: a view at an angle
 * shortens the far edge, so edge lengths alone squash the page. The camera's focal length is
 * recovered from the corners, then the ratio (Zhang & He, "Whiteboard scanning and image
 * enhancement", Digital Signal Processing 17(2), 2007, section 4.1, principal point at the centre).
 * Near-frontal views, where the focal length cannot be found, fall back to the edge lengths.
 */
export function paperAspect(corners: [Corner, Corner, Corner, Corner], frameWidth: number, frameHeight: number): number {
  const [tl, tr, br, bl] = corners;
  const [m1, m2, m3, m4] = [tl, tr, bl, br].map((c): Vec3 => [c.x, c.y, 1]) as [Vec3, Vec3, Vec3, Vec3];
  const k2 = dot(cross(m1, m4), m3) / dot(cross(m2, m4), m3);
  const k3 = dot(cross(m1, m4), m2) / dot(cross(m3, m4), m2);
  const n2 = m2.map((v, i) => k2 * v - (m1[i] as number)) as Vec3;
  const n3 = m3.map((v, i) => k3 * v - (m1[i] as number)) as Vec3;
  const [u0, v0] = [frameWidth / 2, frameHeight / 2];
  const edges = (Math.max(distance(tl, tr), distance(bl, br)) / Math.max(distance(tl, bl), distance(tr, br)));
  const denominator = n2[2] * n3[2];
  if (Math.abs(denominator) < 1e-9) return Math.sqrt((n2[0] ** 2 + n2[1] ** 2) / (n3[0] ** 2 + n3[1] ** 2)) || edges;
  const f2 =
    -((n2[0] * n3[0] - (n2[0] * n3[2] + n2[2] * n3[0]) * u0 + n2[2] * n3[2] * u0 * u0) + (n2[1] * n3[1] - (n2[1] * n3[2] + n2[2] * n3[1]) * v0 + n2[2] * n3[2] * v0 * v0)) / denominator;
  if (!(f2 > 0)) return edges;
  const f = Math.sqrt(f2);
  const unproject = (n: Vec3): Vec3 => [(n[0] - u0 * n[2]) / f, (n[1] - v0 * n[2]) / f, n[2]];
  const ratio = Math.sqrt(dot(unproject(n2), unproject(n2)) / dot(unproject(n3), unproject(n3)));
  return Number.isFinite(ratio) && ratio > 0.2 && ratio < 5 ? ratio : edges;
}

function pageSize(corners: [Corner, Corner, Corner, Corner], frameWidth: number, frameHeight: number): { width: number; height: number } {
  const [tl, tr, br, bl] = corners;
  const aspect = paperAspect(corners, frameWidth, frameHeight);
  const long = Math.max(MIN_LONG_SIDE, distance(tl, tr), distance(bl, br), distance(tl, bl), distance(tr, br));
  return aspect >= 1 ? { width: Math.round(long), height: Math.round(long / aspect) } : { width: Math.round(long * aspect), height: Math.round(long) };
}

/** The paper's four corners in a greyscale image: the largest bright quadrilateral (a paper on a desk). */
function findPaper(cv: Cv, grey: Mat): Corner[] | undefined {
  const blurred = new cv.Mat();
  const binary = new cv.Mat();
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  const kernel = cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(9, 9));
  try {
    cv.GaussianBlur(grey, blurred, new cv.Size(5, 5), 0);
    // Otsu separates the paper from the desk; closing fills the text so the paper is one blob.
    cv.threshold(blurred, binary, 0, 255, cv.THRESH_BINARY | cv.THRESH_OTSU);
    cv.morphologyEx(binary, binary, cv.MORPH_CLOSE, kernel);
    cv.findContours(binary, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    let best: Mat | undefined;
    let bestArea = MIN_AREA_SHARE * grey.rows * grey.cols;
    for (let i = 0; i < contours.size(); i += 1) {
      const contour = contours.get(i);
      const area = cv.contourArea(contour);
      if (area > bestArea) {
        best?.delete();
        best = contour;
        bestArea = area;
      } else contour.delete();
    }
    if (!best) return undefined;
    // The paper fills the whole frame: nothing to crop (a flatbed scan, or a camera set too close).
    if (bestArea > 0.97 * grey.rows * grey.cols) {
      best.delete();
      return undefined;
    }
    const approx = new cv.Mat();
    try {
      cv.approxPolyDP(best, approx, 0.02 * cv.arcLength(best, true), true);
      if (approx.rows === 4) {
        const points: Corner[] = [];
        for (let i = 0; i < 4; i += 1) points.push({ x: approx.data32S[i * 2] as number, y: approx.data32S[i * 2 + 1] as number });
        return points;
      }
      // Not a clean quadrilateral (a curled corner, a thumb): the smallest rectangle around it deskews.
      const rect = cv.minAreaRect(best);
      return (cv as unknown as { RotatedRect: { points(r: unknown): Corner[] } }).RotatedRect.points(rect);
    } finally {
      approx.delete();
      best.delete();
    }
  } finally {
    for (const m of [blurred, binary, hierarchy, kernel]) m.delete();
    contours.delete();
  }
}

/** Finds the paper in a photo and returns it flat and upright-rectangular, at the photo's resolution. */
export async function straightenDocument(photo: Buffer): Promise<Straightened> {
  const { cv } = await loadOpenCv();
  // sharp loads with the first photo, not with the terminal.
  const { default: sharp } = await import('sharp');
  const source = sharp(photo, { failOn: 'error' }).rotate().removeAlpha();
  const { data, info } = await source.clone().raw().toBuffer({ resolveWithObject: true });
  const scale = Math.min(1, DETECT_LONG_SIDE / Math.max(info.width, info.height));
  const small = await source.clone().resize({ width: Math.round(info.width * scale) }).greyscale().raw().toBuffer({ resolveWithObject: true });
  const grey = new cv.Mat(small.info.height, small.info.width, cv.CV_8UC1);
  grey.data.set(small.data);
  let found: Corner[] | undefined;
  try {
    found = findPaper(cv, grey);
  } finally {
    grey.delete();
  }
  if (!found) {
    const image = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality: 90 }).toBuffer();
    return { image, width: info.width, height: info.height };
  }
  const corners = ordered(found.map((p) => ({ x: p.x / scale, y: p.y / scale })));
  const { width, height } = pageSize(corners, info.width, info.height);
  const channels = info.channels;
  const full = new cv.Mat(info.height, info.width, channels === 3 ? cv.CV_8UC3 : cv.CV_8UC1);
  full.data.set(data);
  const from = cv.matFromArray(4, 1, cv.CV_32FC2, corners.flatMap((c) => [c.x, c.y]));
  const to = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, width, 0, width, height, 0, height]);
  const transform = cv.getPerspectiveTransform(from, to);
  const flat = new cv.Mat();
  try {
    cv.warpPerspective(full, flat, transform, new cv.Size(width, height), cv.INTER_CUBIC, cv.BORDER_REPLICATE);
    const image = await sharp(Buffer.from(flat.data), { raw: { width, height, channels } }).jpeg({ quality: 90 }).toBuffer();
    return { image, corners, width, height };
  } finally {
    for (const m of [full, from, to, transform, flat]) m.delete();
  }
}
