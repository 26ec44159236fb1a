import sharp from 'sharp';

/** One byte a pixel, row by row: the page as both PP-OCR stages read it. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export async function decodeGrey(png: Buffer): Promise<GreyImage> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export async function resizeGrey(image: GreyImage, width: number, height: number): Promise<GreyImage> {
  if (width === image.width && height === image.height) return image;
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize({ width, height, fit: 'fill', kernel: width < image.width ? 'lanczos3' : 'cubic' })
    // A one-band raw input still comes out as sRGB unless told.
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
