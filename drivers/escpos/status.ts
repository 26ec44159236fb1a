/**
 * The answers to DLE EOT 1–4 (Epson ESC/POS "transmit real-time status"). Each is one byte
 * whose bits 1 and 4 are always 1 and bits 0 and 7 always 0; that is how a status byte is
 * told apart from noise on the line.
 */
export interface ReceiptPrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  /** The four bytes as read, for the technician. */
  raw: [number, number, number, number];
}

export type ReceiptCondition = 'paper-out' | 'cover-open' | 'offline' | 'cutter-error' | 'printer-error' | 'paper-near-end';

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export function parseStatus(bytes: [number, number, number, number]): ReceiptPrinterStatus {
  const [printer, offline, error, paper] = bytes;
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (offline & 0x04) !== 0,
    paperOut: (offline & 0x20) !== 0 || (paper & 0x60) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    cutterError: (error & 0x08) !== 0,
    unrecoverableError: (error & 0x20) !== 0,
    raw: bytes,
  };
}

/** The conditions a status shows, the ones that stop printing first. */
export function receiptConditions(status: ReceiptPrinterStatus): ReceiptCondition[] {
  const found: ReceiptCondition[] = [];
  if (status.paperOut) found.push('paper-out');
  if (status.coverOpen) found.push('cover-open');
  if (status.cutterError) found.push('cutter-error');
  if (status.unrecoverableError) found.push('printer-error');
  if (!status.online && found.length === 0) found.push('offline');
  if (status.paperNearEnd && !status.paperOut) found.push('paper-near-end');
  return found;
}

export function receiptReady(status: ReceiptPrinterStatus): boolean {
  return receiptConditions(status).every((c) => c === 'paper-near-end');
}

/** The status bytes a printer in the given state answers with (the simulator's side). */
export function encodeStatus(state: { paperOut: boolean; paperNearEnd: boolean; coverOpen: boolean; offline: boolean }): [number, number, number, number] {
  const offline = state.offline || state.paperOut || state.coverOpen;
  return [
    0x12 | (offline ? 0x08 : 0),
    0x12 | (state.coverOpen ? 0x04 : 0) | (state.paperOut ? 0x20 : 0) | (state.paperOut || state.coverOpen ? 0x40 : 0),
    0x12,
    0x12 | (state.paperNearEnd || state.paperOut ? 0x0c : 0) | (state.paperOut ? 0x60 : 0),
  ];
}
