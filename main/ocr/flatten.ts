/**
 * Background flattening for a greyscale page: the paper's own brightness is estimated at every
 * point (its upper envelope: a maximum filter — sharp's erode, which shrinks the dark — wider than any stroke, which lifts the text away,
 * then smoothed) and the page divided by it; what is lighter than `WHITE_POINT` of the local
 * paper becomes white. Uneven light (a desk lamp on a photographed page) and printed grey
 * patterns under the text (security paper's guilloche, a tinted form) become white paper; the
 * text keeps its contrast. Without it PaddleOCR's detector merged a pattern's dark bands into
 * the line boxes and lost the small marks at a line's end (、，。；), measured in bench/ocr.
 */
export const WHITE_POINT = 0.8;

/** The envelope's window: wider than a heading's strokes, narrower than a line of text. */
export function envelopeSize(dpi: number): number {
  return Math.max(5, Math.round(dpi / 12) | 1);
}

export async function flattenBackground(grey: Uint8Array, width: number, height: number, dpi: number): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  const size = envelopeSize(dpi);
  const raw = { raw: { width, height, channels: 1 as const } };
  const paper = await sharp(grey, raw).erode(Math.floor(size / 2)).blur(size / 2).greyscale().raw().toBuffer();
  const out = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i += 1) {
    const relative = (grey[i] as number) / Math.max(1, paper[i] as number);
    out[i] = relative >= WHITE_POINT ? 255 : Math.round((relative / WHITE_POINT) * 255);
  }
  return out;
}
