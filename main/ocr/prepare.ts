import type { Sharp } from 'sharp';
import { flattenBackground } from './flatten';
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
  /** Greyscale PNG at roughly the asked resolution (200 dpi unless told). */
  png: Buffer;
  width: number;
  height: number;
  sourceFormat: ImageFormat;
  /** The resolution the page was rendered at for recognition (Tesseract's user_defined_dpi). */
  dpi: number;
}

/**
 * Chinese glyphs are taller than Latin x-height: at 300 dpi a 22 pt heading is ~90 px high and
 * Tesseract's chi_sim model starts misreading it (as Latin, under chi_sim+eng); PaddleOCR's
 * detector costs grow with the pixel count. bench/ocr compares 200 with 300 dpi for every engine.
 */
export const TARGET_DPI = 200;
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
 * Scale factor to bring a page to about 200 dpi: from the file's own density when it is
 * believable (the page it implies is between a business card and A3; software writes 72 or 96
 * into files that never saw a scanner), else from its size (a page-sized image under 1600 px on
 * its long side came from a low-resolution capture and is enlarged; one far above A4 at 200 dpi
 * is reduced).
 */
function scaleFactor(width: number, height: number, density: number | undefined, targetDpi: number): { factor: number; trustedDensity?: number } {
  const longSide = Math.max(width, height);
  const impliedInches = density ? longSide / density : 0;
  if (density && impliedInches >= 2 && impliedInches <= 17) {
    return { factor: clamp(targetDpi / density), trustedDensity: density };
  }
  // A4's long side at the target resolution: what the size heuristic aims at when no density is known.
  const a4LongSide = Math.round((297 / 25.4) * targetDpi);
  if (longSide < SMALL_LONG_SIDE) return { factor: clamp(2000 / longSide) };
  if (longSide > a4LongSide * 1.5) return { factor: clamp(a4LongSide / longSide) };
  return { factor: 1 };
}

function clamp(factor: number): number {
  return Math.min(3, Math.max(0.4, factor));
}

/**
 * Greyscale, contrast-stretched, scaled to `dpi` (default 200), its background flattened to white
 * (flatten.ts): the cheap steps that most change both engines' accuracy and speed. Every engine
 * reads this same image.
 */
export async function prepareImage(bytes: Buffer, options: { dpi?: number } = {}): Promise<PreparedImage> {
  const targetDpi = options.dpi ?? TARGET_DPI;
  const format = sniffFormat(bytes);
  if (!format) {
    throw new ImageFormatError(`unsupported image format (first bytes ${bytes.subarray(0, 4).toString('hex')}); expected ${SUPPORTED_FORMATS.join(', ')}`);
  }
  // sharp loads with the first image, not with the terminal or the CLI.
  const { default: sharp } = await import('sharp');
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
  const { factor, trustedDensity } = scaleFactor(width, height, density, targetDpi);
  const targetWidth = Math.round(width * factor);
  const dpi = trustedDensity ? Math.round(trustedDensity * factor) : targetDpi;
  try {
    // Flattened before the contrast stretch: stretched first, a grey band's 0.87 of the paper
    // became 0.63, which no white point tells from a faint stroke.
    const grey = await input
      .rotate()
      .greyscale()
      .resize({ width: targetWidth, kernel: factor >= 1 ? 'cubic' : 'lanczos3' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const flat = flattenBackground(grey.data, grey.info.width, grey.info.height, dpi);
    const { data, info } = await sharp(flat, { raw: { width: grey.info.width, height: grey.info.height, channels: 1 } })
      .normalise()
      .toColourspace('b-w')
      .png({ compressionLevel: 1 })
      // Tesseract reads the resolution from the PNG; without it, it guesses and warns.
      .withDensity(dpi)
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height, sourceFormat: format, dpi };
  } catch (error) {
    throw new ImageFormatError(`unreadable ${format} image: ${(error as Error).message}`);
  }
}
