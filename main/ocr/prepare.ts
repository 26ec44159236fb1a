import sharp, { type Sharp } from 'sharp';
import { decodePnm, isPnm, PnmError } from './pnm';

/** What `tongban ocr` and the capture flow accept: the formats scanners and phones produce. */
export const SUPPORTED_FORMATS = ['png', 'jpeg', 'tiff', 'pnm'] as const;
export type ImageFormat = (typeof SUPPORTED_FORMATS)[number];

export class ImageFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageFormatError';
  }
}

export interface PreparedImage {
  /** Greyscale PNG at roughly 300 dpi, what Tesseract's LSTM models were trained on. */
  png: Buffer;
  width: number;
  height: number;
  sourceFormat: ImageFormat;
  /** The resolution the page was rendered at for recognition (Tesseract's user_defined_dpi). */
  dpi: number;
}

const TARGET_DPI = 300;
/** A4 at 300 dpi is 2480 × 3508: the page size the scale heuristics aim at when no density is known. */
const A4_LONG_SIDE_300 = 3508;
const SMALL_LONG_SIDE = 1600;

export function sniffFormat(bytes: Buffer): ImageFormat | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x89 && bytes.subarray(1, 4).toString('ascii') === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const tiffMagic = bytes.subarray(0, 4).toString('hex');
  if (tiffMagic === '49492a00' || tiffMagic === '4d4d002a') return 'tiff';
  if (isPnm(bytes)) return 'pnm';
  return undefined;
}

/**
 * Scale factor to bring a page to about 300 dpi: from the file's own density when it carries
 * one (scanners write it), else from its size (a page-sized image under 1600 px on its long side
 * came from a low-resolution capture and is enlarged; one far above A4 at 300 dpi is reduced).
 */
function scaleFactor(width: number, height: number, density: number | undefined): number {
  const longSide = Math.max(width, height);
  let factor: number;
  if (density && density >= 50 && density <= 2400) factor = TARGET_DPI / density;
  else if (longSide < SMALL_LONG_SIDE) factor = 2000 / longSide;
  else if (longSide > A4_LONG_SIDE_300 * 1.25) factor = A4_LONG_SIDE_300 / longSide;
  else factor = 1;
  return Math.min(3, Math.max(0.4, factor));
}

/** Greyscale, contrast-stretched, scaled: the cheap steps that most change Tesseract's accuracy. */
export async function prepareImage(bytes: Buffer): Promise<PreparedImage> {
  const format = sniffFormat(bytes);
  if (!format) {
    throw new ImageFormatError(`unsupported image format (first bytes ${bytes.subarray(0, 4).toString('hex')}); expected ${SUPPORTED_FORMATS.join(', ')}`);
  }
  let input: Sharp;
  let width: number;
  let height: number;
  let density: number | undefined;
  try {
    if (format === 'pnm') {
      const raw = decodePnm(bytes);
      input = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
      width = raw.width;
      height = raw.height;
    } else {
      input = sharp(bytes, { failOn: 'error' });
      const meta = await input.metadata();
      width = meta.width ?? 0;
      height = meta.height ?? 0;
      density = meta.density;
    }
  } catch (error) {
    if (error instanceof PnmError) throw new ImageFormatError(error.message);
    throw new ImageFormatError(`unreadable ${format} image: ${(error as Error).message}`);
  }
  if (width < 16 || height < 16) throw new ImageFormatError(`image too small to read (${width}×${height} px)`);
  const factor = scaleFactor(width, height, density);
  const targetWidth = Math.round(width * factor);
  try {
    const { data, info } = await input
      .rotate()
      .greyscale()
      .normalise()
      .resize({ width: targetWidth, kernel: factor >= 1 ? 'cubic' : 'lanczos3' })
      .png({ compressionLevel: 1 })
      .toBuffer({ resolveWithObject: true });
    const dpi = density ? Math.round(density * factor) : TARGET_DPI;
    return { png: data, width: info.width, height: info.height, sourceFormat: format, dpi };
  } catch (error) {
    throw new ImageFormatError(`unreadable ${format} image: ${(error as Error).message}`);
  }
}
