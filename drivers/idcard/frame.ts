/**
 * The SAM frame format of second-generation ID-card readers (docs/devices/idcard-sam-protocol.md).
 *
 *   host → reader:  AA AA AA 96 69 · LEN_H LEN_L · CMD PARA [DATA] · CHK
 *   reader → host:  AA AA AA 96 69 · LEN_H LEN_L · SW1 SW2 SW3 [DATA] · CHK
 *
 * LEN (big-endian) counts every byte after itself, CHK included, so a frame is LEN + 7 bytes.
 * CHK is the XOR of every byte from LEN_H through the last data byte. Checked against the
 * literal commands in hevz/hev-idcard-reader `src/hev-dbus-object-idcard-reader.c`
 * (e.g. `00 03 11 FF` → ED, `00 04 61 FF 50` → CA) and libinqi/idr-routon `sdtapi.h`.
 */
export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
export const HEADER_LENGTH = PREAMBLE.length + 2;

/** The longest answer known: 30 10 with a 1024-byte fingerprint is 2321 bytes; anything much larger is noise. */
export const MAX_FRAME_LENGTH = 4096;

export function xorChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let x = 0;
  for (let i = start; i < end; i += 1) x ^= bytes[i] as number;
  return x;
}

/** A whole frame around `body` (the bytes between LEN and CHK). */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  const frame = new Uint8Array(len + HEADER_LENGTH);
  frame.set(PREAMBLE, 0);
  frame[5] = (len >> 8) & 0xff;
  frame[6] = len & 0xff;
  frame.set(body, HEADER_LENGTH);
  frame[frame.length - 1] = xorChecksum(frame, 5, frame.length - 1);
  return frame;
}

export function encodeCommand(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return encodeFrame(body);
}

export function encodeAnswer(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0, sw2 = 0): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

export interface CommandFrame {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export interface AnswerFrame {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

/** A frame body read as a command (at least CMD and PARA), or undefined. */
export function commandFromBody(body: Uint8Array): CommandFrame | undefined {
  if (body.length < 2) return undefined;
  return { cmd: body[0] as number, para: body[1] as number, data: body.subarray(2) };
}

/** A frame body read as an answer (at least SW1 SW2 SW3), or undefined. */
export function answerFromBody(body: Uint8Array): AnswerFrame | undefined {
  if (body.length < 3) return undefined;
  return { sw1: body[0] as number, sw2: body[1] as number, sw3: body[2] as number, data: body.subarray(3) };
}

export function hex(bytes: Uint8Array, max = 32): string {
  const shown = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
  return bytes.length > max ? `${shown} … (${bytes.length} bytes)` : shown;
}

export function hexByte(b: number): string {
  return b.toString(16).padStart(2, '0').toUpperCase();
}
