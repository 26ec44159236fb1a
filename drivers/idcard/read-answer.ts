import type { CardPhoto, Identity } from '../../contract/identity';
import { HEADER_LENGTH, PREAMBLE, answerFromBody, hexByte, xorChecksum } from './frame';
import { FrameParser, findPreamble } from './frame-parser';
import { describeStatus, statusInfo } from './status';
import { TEXT_BLOCK_LENGTH, decodeTextBlock, trimPadding } from './text-block';

/**
 * The data of the read answers (offsets in the whole frame from qiwenming/IDCardDemo and
 * hevz/hev-idcard-reader, which reads the text at frame offset 14):
 *   30 01: text length (BE) · photo length (BE) · text · photo                (1295-byte frame)
 *   30 10: text length · photo length · fingerprint length · text · photo · fingerprint
 */
export interface ReadBlocks {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint: Uint8Array | null;
}

export type BlocksResult = { ok: true; blocks: ReadBlocks } | { ok: false; problem: string };

function u16(data: Uint8Array, at: number): number {
  return ((data[at] as number) << 8) | (data[at + 1] as number);
}

export function splitReadData(data: Uint8Array, withFingerprint: boolean): BlocksResult {
  const head = withFingerprint ? 6 : 4;
  if (data.length < head) return { ok: false, problem: `read answer data is ${data.length} bytes, too short for its ${head}-byte length header` };
  const textLen = u16(data, 0);
  const photoLen = u16(data, 2);
  const fpLen = withFingerprint ? u16(data, 4) : 0;
  const expected = head + textLen + photoLen + fpLen;
  if (expected !== data.length) {
    return { ok: false, problem: `read answer announces ${textLen}+${photoLen}${withFingerprint ? `+${fpLen}` : ''} bytes of card data but carries ${data.length - head}` };
  }
  if (textLen !== TEXT_BLOCK_LENGTH) return { ok: false, problem: `text block is ${textLen} bytes, expected ${TEXT_BLOCK_LENGTH}` };
  const text = data.subarray(head, head + textLen);
  const photo = data.subarray(head + textLen, head + textLen + photoLen);
  const fingerprint = withFingerprint ? data.subarray(head + textLen + photoLen, expected) : null;
  return { ok: true, blocks: { text, photo, fingerprint } };
}

export function encodeReadData(text: Uint8Array, photo: Uint8Array, fingerprint?: Uint8Array): Uint8Array {
  const head = fingerprint ? 6 : 4;
  const out = new Uint8Array(head + text.length + photo.length + (fingerprint?.length ?? 0));
  out[0] = text.length >> 8;
  out[1] = text.length & 0xff;
  out[2] = photo.length >> 8;
  out[3] = photo.length & 0xff;
  if (fingerprint) {
    out[4] = fingerprint.length >> 8;
    out[5] = fingerprint.length & 0xff;
  }
  out.set(text, head);
  out.set(photo, head + text.length);
  if (fingerprint) out.set(fingerprint, head + text.length + photo.length);
  return out;
}

export function photoOf(bytes: Uint8Array): CardPhoto | null {
  return bytes.length > 0 ? { format: 'wlt', bytes: bytes.slice() } : null;
}

/** Appended addresses (30 03): up to four 70-byte UCS-2 fields. */
export function decodeAppendedAddresses(data: Uint8Array): string[] {
  const decoder = new TextDecoder('utf-16le');
  const out: string[] = [];
  for (let at = 0; at + 70 <= data.length; at += 70) {
    const value = trimPadding(decoder.decode(data.subarray(at, at + 70)));
    if (value) out.push(value);
  }
  return out;
}

/** SAM id (12 FF): two LE uint16 and three LE uint32, printed `%02d.%02d-%08u-%010u-%010u` (libinqi/idr-routon). */
export function formatSamId(data: Uint8Array): string | undefined {
  if (data.length !== 16) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const p = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${p(view.getUint16(0, true), 2)}.${p(view.getUint16(2, true), 2)}-${p(view.getUint32(4, true), 8)}-${p(view.getUint32(8, true), 10)}-${p(view.getUint32(12, true), 10)}`;
}

export type FrameDecodeResult = { ok: true; identity: Identity; fingerprintBytes: number } | { ok: false; error: string };

/**
 * One reader answer, as a technician saved it, decoded strictly: the first problem found is named
 * with its offset or its values. Never throws.
 */
export function decodeAnswerFrame(bytes: Uint8Array, today: Date = new Date()): FrameDecodeResult {
  for (let i = 0; i < PREAMBLE.length; i += 1) {
    if (bytes[i] !== PREAMBLE[i]) {
      const got = i < bytes.length ? hexByte(bytes[i] as number) : 'end of data';
      return { ok: false, error: `bad preamble at offset ${i}: expected ${hexByte(PREAMBLE[i] as number)}, got ${got} (a frame starts AA AA AA 96 69)` };
    }
  }
  if (bytes.length < HEADER_LENGTH) return { ok: false, error: `frame ends at ${bytes.length} bytes, before its length field (offsets 5-6)` };
  const len = u16(bytes, 5);
  const total = len + HEADER_LENGTH;
  if (total !== bytes.length) {
    return { ok: false, error: `length mismatch: LEN=0x${len.toString(16).padStart(4, '0').toUpperCase()} means a ${total}-byte frame, the data holds ${bytes.length} bytes` };
  }
  const expected = xorChecksum(bytes, 5, total - 1);
  const got = bytes[total - 1] as number;
  if (expected !== got) return { ok: false, error: `checksum mismatch: expected ${hexByte(expected)}, got ${hexByte(got)} (XOR of offsets 5..${total - 2})` };
  const answer = answerFromBody(bytes.subarray(HEADER_LENGTH, total - 1));
  if (!answer) return { ok: false, error: `frame body is ${len - 1} bytes, too short for SW1 SW2 SW3` };
  if (answer.sw3 !== 0x90) {
    const s = statusInfo(answer.sw3);
    return { ok: false, error: `reader status ${describeStatus(answer.sw3)}, not a card read; technician: ${s.action}` };
  }
  const plain = splitReadData(answer.data, false);
  const split = plain.ok ? plain : splitReadData(answer.data, true);
  if (!split.ok) return { ok: false, error: `not a card read answer: ${plain.ok ? '' : plain.problem}` };
  const decoded = decodeTextBlock(split.blocks.text, photoOf(split.blocks.photo), today);
  if (!decoded.ok) return { ok: false, error: `card text field ${decoded.field} ${decoded.problem}` };
  return { ok: true, identity: decoded.identity, fingerprintBytes: split.blocks.fingerprint?.length ?? 0 };
}


export type CaptureDecodeResult =
  | { ok: true; identity: Identity; fingerprintBytes: number; offset: number }
  | { ok: false; error: string };

/**
 * Reader output as captured from a serial line, which often starts in the middle of a frame or
 * holds several answers: found the way the reader's parser finds frames (noise skipped up to a
 * preamble, impossible lengths and wrong checksums passed over), and the first frame that is a
 * good card read decoded, with its offset. When none is, the error is the first answer's own
 * (a reader status, a bad text field) or, where no whole frame was found, the strict reading's
 * of the first candidate frame, so the technician sees exactly what is wrong with the bytes.
 */
export function decodeCapture(bytes: Uint8Array, today: Date = new Date()): CaptureDecodeResult {
  const parser = new FrameParser();
  let offset = 0;
  let firstProblem: string | undefined;
  for (const event of parser.push(bytes)) {
    if (event.type === 'discarded') {
      offset += event.bytes.length;
      continue;
    }
    const decoded = decodeAnswerFrame(event.frame, today);
    if (decoded.ok) return { ...decoded, offset };
    firstProblem ??= offset > 0 ? `frame at offset ${offset}: ${decoded.error}` : decoded.error;
    offset += event.frame.length;
  }
  if (firstProblem) return { ok: false, error: firstProblem };
  // Data that begins like a frame (AA …) is judged as one: its damaged preamble is the news,
  // not a chance AA AA AA 96 69 further on inside its photo.
  const start = bytes[0] === PREAMBLE[0] ? 0 : Math.max(0, findPreamble(bytes, 0));
  const strict = decodeAnswerFrame(bytes.subarray(start), today);
  if (strict.ok) return { ...strict, offset: start };
  return { ok: false, error: start > 0 ? `frame at offset ${start}: ${strict.error}` : strict.error };
}

