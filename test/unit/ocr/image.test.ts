import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePnm, PnmError } from '../../../main/ocr/pnm';
import { ImageFormatError, prepareImage, sniffFormat } from '../../../main/ocr/prepare';
import { normaliseOcrText } from '../../../main/ocr/text';

function pgm(width: number, height: number, max = 255, header = `P5\n# scanimage\n${width} ${height}\n${max}\n`): Buffer {
  const bytesPerSample = max > 255 ? 2 : 1;
  const body = Buffer.alloc(width * height * bytesPerSample);
  for (let i = 0; i < width * height; i += 1) {
    if (bytesPerSample === 2) body.writeUInt16BE(i % 2 ? max : 0, i * 2);
    else body[i] = i % 2 ? max : 0;
  }
  return Buffer.concat([Buffer.from(header, 'ascii'), body]);
}

describe('PNM', () => {
  it('decodes 8- and 16-bit greyscale with comments in the header', () => {
    expect(decodePnm(pgm(4, 2))).toMatchObject({ width: 4, height: 2, channels: 1 });
    const deep = decodePnm(pgm(2, 2, 65535));
    expect([...deep.data]).toEqual([0, 255, 0, 255]);
  });

  it('names what is wrong with a truncated or malformed file', () => {
    expect(() => decodePnm(pgm(4, 4).subarray(0, 20))).toThrow(/truncated: \d+ of 16 pixel bytes/);
    expect(() => decodePnm(Buffer.from('P5\nabc\n'))).toThrow(PnmError);
  });
});

describe('image preparation', () => {
  it('sniffs formats by content, not by name', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).png().toBuffer();
    const tiff = await sharp(png).tiff().toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect([sniffFormat(png), sniffFormat(tiff), sniffFormat(jpeg), sniffFormat(pgm(20, 20)), sniffFormat(Buffer.from('%PDF-1.7'))]).toEqual(['png', 'tiff', 'jpeg', 'pnm', undefined]);
  });

  it('brings a 300 dpi scan to 200 dpi, in one grey channel', async () => {
    const scan = await sharp({ create: { width: 2480, height: 3508, channels: 3, background: '#eee' } }).withDensity(300).png().toBuffer();
    const prepared = await prepareImage(scan);
    expect([prepared.width, prepared.height, prepared.dpi, prepared.sourceFormat]).toEqual([1653, 2338, 200, 'png']);
    expect((await sharp(prepared.png).metadata()).channels).toBe(1);
  });

  it('ignores a density software wrote by default (72 dpi on a 2480 px page would be a 34-inch sheet)', async () => {
    const page = await sharp({ create: { width: 2480, height: 3508, channels: 3, background: '#fff' } }).withDensity(72).jpeg().toBuffer();
    const prepared = await prepareImage(page);
    expect([prepared.width, prepared.dpi]).toEqual([2480, 200]);
  });

  it('enlarges a small photo without a density, reads PNM', async () => {
    const prepared = await prepareImage(pgm(800, 600));
    expect(prepared.width).toBe(2000);
    expect(prepared.sourceFormat).toBe('pnm');
  });

  it('refuses what it cannot read with a reason', async () => {
    await expect(prepareImage(Buffer.from('%PDF-1.7 ...'))).rejects.toThrow(/unsupported image format .* expected png, jpeg, tiff, pnm/);
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } }).png().toBuffer();
    await expect(prepareImage(png.subarray(0, 40))).rejects.toThrow(ImageFormatError);
    await expect(prepareImage(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer())).rejects.toThrow(/too small/);
  });
});

describe('OCR text', () => {
  it('drops the spaces Tesseract puts between Chinese characters, keeps those between words', () => {
    expect(normaliseOcrText('社 区 综合 服务\n\n  Service  guide 2.1 \n咨询电话 : 0755')).toBe('社区综合服务\nService guide 2.1\n咨询电话 : 0755');
  });

  it('reads the radical 丶 after a Chinese character as the enumeration comma 、 (as PaddleOCR misread bench/ocr’s notice)', () => {
    expect(normaliseOcrText('医保查询丶办理结果可')).toBe('医保查询、办理结果可');
    expect(normaliseOcrText('丶 alone at the start')).toBe('丶 alone at the start');
  });
});
