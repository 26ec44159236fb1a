import { INITIALISE, cut, qrCode, type QrOptions } from './commands';

/**
 * A ticket is a list of parts: receiptline markdown (layout, emphasis, GB18030 text, which
 * receiptline does well) and QR codes, which receiptline draws as a raster image; we send
 * those as the printer's own QR symbol instead (sharper, and a decoder can read the payload).
 * The paper is cut once, at the end.
 */
export type TicketPart = { markdown: string } | { qr: string; options?: QrOptions };

export interface TicketLayout {
  /** Characters per line: 42 on 80 mm paper in font A at 12 dots, 32 on 58 mm. */
  charactersPerLine: number;
}

/**
 * Async because receiptline (with its own copy of iconv-lite's tables, about 0.8 MB of code) is
 * loaded on the first ticket: a terminal waiting for a citizen does not hold it.
 */
export async function encodeTicket(parts: readonly TicketPart[], layout: TicketLayout = { charactersPerLine: 42 }): Promise<Buffer> {
  const { default: receiptline } = await import('receiptline');
  const chunks: Buffer[] = [INITIALISE];
  for (const part of parts) {
    if ('qr' in part) {
      chunks.push(qrCode(part.qr, part.options));
    } else {
      const commands = receiptline.transform(part.markdown, {
        command: 'escpos',
        encoding: 'gb18030',
        cpl: layout.charactersPerLine,
        cutting: false,
        spacing: true,
      });
      chunks.push(Buffer.from(commands, 'binary'));
    }
  }
  chunks.push(Buffer.from([0x0a, 0x0a, 0x0a]), cut());
  return Buffer.concat(chunks);
}

/** Receiptline markup has its own special characters; text from data must print as itself. */
export function escapeReceiptline(text: string): string {
  return text.replace(/[\\|{}_"`^~-]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
