import iconv from 'iconv-lite';

/**
 * ESC/POS byte sequences written by hand where receiptline has no equivalent: QR codes as the
 * printer's own symbol (GS ( k, so the code stays sharp and a decoder can read its payload),
 * the cut, and the real-time status requests.
 */
export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;

export const INITIALISE = Buffer.from([ESC, 0x40]);

/** Feeds paper to the cutter and makes a partial cut (GS V 66 n). */
export function cut(feedDots = 0): Buffer {
  return Buffer.from([GS, 0x56, 66, feedDots & 0xff]);
}

/** DLE EOT n: 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. Answered at once, even mid-job. */
export function statusRequest(n: 1 | 2 | 3 | 4): Buffer {
  return Buffer.from([DLE, EOT, n]);
}

function gsParenK(fn: number, params: Buffer): Buffer {
  const length = params.length + 2;
  return Buffer.concat([Buffer.from([GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn]), params]);
}

export interface QrOptions {
  /** Module size in dots, 1–16. */
  moduleSize?: number;
  errorCorrection?: 'L' | 'M' | 'Q' | 'H';
  align?: 'left' | 'center' | 'right';
}

/** A QR code (model 2) as the printer's own symbol: store the payload, then print it. */
export function qrCode(payload: string, options: QrOptions = {}): Buffer {
  const data = Buffer.from(payload, 'utf8');
  if (data.length === 0 || data.length > 2953) throw new RangeError(`QR payload of ${data.length} bytes: 1 to 2953 (byte mode, version 40-L) expected`);
  const align = { left: 0, center: 1, right: 2 }[options.align ?? 'center'];
  const ec = { L: 48, M: 49, Q: 50, H: 51 }[options.errorCorrection ?? 'M'];
  return Buffer.concat([
    Buffer.from([ESC, 0x61, align]),
    gsParenK(0x41, Buffer.from([50, 0])),
    gsParenK(0x43, Buffer.from([Math.min(16, Math.max(1, options.moduleSize ?? 6))])),
    gsParenK(0x45, Buffer.from([ec])),
    gsParenK(0x50, Buffer.concat([Buffer.from([0x30]), data])),
    gsParenK(0x51, Buffer.from([0x30])),
    Buffer.from([0x0a, ESC, 0x61, 0]),
  ]);
}

/** Chinese text in GB18030 with the printer in its double-byte character mode (FS &). */
export function gb18030Line(text: string): Buffer {
  return Buffer.concat([Buffer.from([FS, 0x26]), iconv.encode(text, 'gb18030'), Buffer.from([0x0a])]);
}
