/** One scanned code, whichever way the scanner is attached. */
export interface Scan {
  payload: string;
  source: 'serial' | 'hid-pos' | 'keyboard-wedge';
  /** Port path, HID path or VID:PID: which scanner read it. */
  device: string;
}

export type Terminator = 'CR' | 'LF' | 'CRLF';

export const TERMINATOR_BYTES: Record<Terminator, Uint8Array> = {
  CR: Uint8Array.of(0x0d),
  LF: Uint8Array.of(0x0a),
  CRLF: Uint8Array.of(0x0d, 0x0a),
};
