/**
 * Netpbm (PGM P5 / PPM P6, 8 or 16 bit) decoding: `scanimage` writes PNM by default and sharp's
 * prebuilt libvips has no PNM loader, so the header is read here and the pixels handed to sharp raw.
 */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
}

export class PnmError extends Error {
  constructor(message: string) {
    super(`PNM: ${message}`);
    this.name = 'PnmError';
  }
}

export function isPnm(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && (bytes[1] === 0x35 || bytes[1] === 0x36) && isSpace(bytes[2] ?? 0);
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

export function decodePnm(bytes: Buffer): RawImage {
  if (!isPnm(bytes)) throw new PnmError(`not a binary PGM/PPM (starts with ${bytes.subarray(0, 2).toString('hex')})`);
  const channels = bytes[1] === 0x36 ? 3 : 1;
  const fields: number[] = [];
  let pos = 2;
  while (fields.length < 3) {
    while (pos < bytes.length && isSpace(bytes[pos] as number)) pos += 1;
    if (bytes[pos] === 0x23) {
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos += 1;
      continue;
    }
    const start = pos;
    while (pos < bytes.length && (bytes[pos] as number) >= 0x30 && (bytes[pos] as number) <= 0x39) pos += 1;
    if (start === pos) throw new PnmError(`malformed header at byte ${pos}`);
    fields.push(Number(bytes.subarray(start, pos).toString('ascii')));
  }
  pos += 1;
  const [width, height, maxValue] = fields as [number, number, number];
  if (width < 1 || height < 1 || maxValue < 1 || maxValue > 65535) {
    throw new PnmError(`impossible header ${width}x${height} max ${maxValue}`);
  }
  const bytesPerSample = maxValue > 255 ? 2 : 1;
  const expected = width * height * channels * bytesPerSample;
  const body = bytes.subarray(pos, pos + expected);
  if (body.length < expected) throw new PnmError(`truncated: ${body.length} of ${expected} pixel bytes`);
  if (bytesPerSample === 1 && maxValue === 255) return { data: Buffer.from(body), width, height, channels };
  const data = Buffer.alloc(width * height * channels);
  for (let i = 0; i < data.length; i += 1) {
    const sample = bytesPerSample === 2 ? body.readUInt16BE(i * 2) : (body[i] as number);
    data[i] = Math.round((sample * 255) / maxValue);
  }
  return { data, width, height, channels };
}
