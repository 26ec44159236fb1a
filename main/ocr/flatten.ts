/**
 * Background flattening for a greyscale page: the paper's own brightness is estimated at every
 * point — its upper envelope: a grey-level maximum filter wider than any stroke, which lifts the
 * ink away, then a mean filter to smooth it — and the page divided by it; what is lighter than
 * `WHITE_POINT` of the local paper becomes white. Uneven light (a desk lamp on a photographed
 * page) and printed grey patterns under the text (security paper's guilloche, a tinted form)
 * become white paper; the ink keeps its contrast. Without it PaddleOCR lost the small marks at a
 * line's end (、，。；) on patterned pages: 4.2–5.0% character error in bench/ocr, 0% with it.
 *
 * The filters are written here, not borrowed: sharp's erode/dilate are binary morphology, and
 * OpenCV's WebAssembly build is ten megabytes to compile on the terminal's thread for two loops.
 */
export const WHITE_POINT = 0.8;

/**
 * A photo of a paper lying on a desk is left as it is: where the "paper" is the desk (an envelope
 * below mid-grey over more than this share of the frame) the white point turned the photo's thin,
 * low-contrast strokes to white (bench/ocr's photographed page: 2% → 99% character error). The
 * document camera's straightening crops the desk away first, and that page is flattened.
 */
export const DARK_SURROUND_SHARE = 0.1;

/** The envelope's window: wider than a heading's strokes, narrower than a line of text. */
export function envelopeSize(dpi: number): number {
  return Math.max(5, Math.round(dpi / 12) | 1);
}

/**
 * One pass of a sliding-window filter along rows (step 1) or columns (step = width), edges
 * replicated: `max` keeps a monotonic queue of candidate indices (each pixel enters and leaves
 * once), `mean` a running sum.
 */
function slide(src: Uint8Array, width: number, height: number, radius: number, vertical: boolean, kind: 'max' | 'mean'): Uint8Array {
  const out = new Uint8Array(src.length);
  const lines = vertical ? width : height;
  const length = vertical ? height : width;
  const step = vertical ? width : 1;
  const queue = new Int32Array(length + 2 * radius + 1);
  for (let line = 0; line < lines; line += 1) {
    const start = vertical ? line : line * width;
    const at = (i: number) => src[start + Math.min(length - 1, Math.max(0, i)) * step] as number;
    if (kind === 'mean') {
      let sum = 0;
      for (let i = -radius; i <= radius; i += 1) sum += at(i);
      for (let i = 0; i < length; i += 1) {
        out[start + i * step] = Math.round(sum / (2 * radius + 1));
        sum += at(i + radius + 1) - at(i - radius);
      }
      continue;
    }
    let head = 0;
    let tail = 0;
    for (let j = -radius; j < length + radius; j += 1) {
      const v = at(j);
      while (tail > head && at(queue[tail - 1] as number) <= v) tail -= 1;
      queue[tail] = j;
      tail += 1;
      const centre = j - radius;
      if (centre < 0) continue;
      while ((queue[head] as number) < centre - radius) head += 1;
      out[start + centre * step] = at(queue[head] as number);
    }
  }
  return out;
}

export function flattenBackground(grey: Uint8Array, width: number, height: number, dpi: number): Uint8Array {
  const radius = Math.floor(envelopeSize(dpi) / 2);
  let paper = slide(grey, width, height, radius, false, 'max');
  paper = slide(paper, width, height, radius, true, 'max');
  paper = slide(paper, width, height, radius, false, 'mean');
  paper = slide(paper, width, height, radius, true, 'mean');
  let dark = 0;
  for (let i = 0; i < paper.length; i += 1) if ((paper[i] as number) < 128) dark += 1;
  if (dark > paper.length * DARK_SURROUND_SHARE) return grey;
  const out = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i += 1) {
    const relative = (grey[i] as number) / Math.max(1, paper[i] as number);
    out[i] = relative >= WHITE_POINT ? 255 : Math.round((relative / WHITE_POINT) * 255);
  }
  return out;
}
