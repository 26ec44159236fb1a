/**
 * The line rates a serial device may be configured to, in the order of the SAM reader's "set
 * baud rate" command (60 n: n = 0..4 selects these; docs/devices/idcard-sam-protocol.md), which
 * the other serial devices (QR scanners, receipt printers) also offer. Plain values without
 * imports, so the renderer's setup screen may use them at run time.
 */
export const BAUD_RATES = [115200, 57600, 38400, 19200, 9600] as const;
export type BaudRate = (typeof BAUD_RATES)[number];

/** What an ID-card reader answers at from power-on. */
export const DEFAULT_BAUD_RATE: BaudRate = 115200;
