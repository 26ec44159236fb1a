import { trustedMarkup, type Html } from './html';

/** An SVG QR code (error correction M: survives a fold or a smudge on paper). */
export async function qrSvg(payload: string, sizeMm: number): Promise<Html> {
  // qrcode loads with the first document that carries a code, not with the terminal.
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return trustedMarkup(svg.replace('<svg ', `<svg width="${sizeMm}mm" height="${sizeMm}mm" role="img" `));
}
