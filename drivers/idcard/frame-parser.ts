import { HEADER_LENGTH, MAX_FRAME_LENGTH, PREAMBLE, xorChecksum } from './frame';

export type ParseEvent =
  | { type: 'frame'; body: Uint8Array; frame: Uint8Array }
  | { type: 'discarded'; reason: DiscardReason; bytes: Uint8Array };

/**
 * Why bytes were thrown away: `noise` before a preamble; `bad-length` a header whose LEN no
 * frame can have; `bad-checksum` a complete frame whose XOR does not match; `superseded` a
 * partial frame abandoned because a complete, valid frame starts inside it (the reader began
 * again).
 */
export type DiscardReason = 'noise' | 'bad-length' | 'bad-checksum' | 'superseded';

export interface FrameParserOptions {
  /** Smallest body a frame may carry: 2 for commands (CMD PARA), 3 for answers (SW1 SW2 SW3). */
  minBody?: number;
  maxFrameLength?: number;
}

/**
 * A streaming frame parser that finds frames in whatever the line delivers: it skips noise up to
 * the next preamble, rejects impossible lengths and wrong checksums and looks for the next
 * preamble after them, abandons a partial frame when a complete good one starts inside it, and
 * keeps at most one maximal frame of bytes. It never throws.
 */
export class FrameParser {
  private buffer = new Uint8Array(0);
  private readonly minBody: number;
  private readonly maxFrame: number;

  constructor(options: FrameParserOptions = {}) {
    this.minBody = options.minBody ?? 3;
    this.maxFrame = options.maxFrameLength ?? MAX_FRAME_LENGTH;
  }

  /** Bytes held, waiting for the rest of a frame. */
  get pending(): number {
    return this.buffer.length;
  }

  reset(): void {
    this.buffer = new Uint8Array(0);
  }

  push(chunk: Uint8Array): ParseEvent[] {
    const events: ParseEvent[] = [];
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer, 0);
    joined.set(chunk, this.buffer.length);
    const buf = joined;
    let pos = 0;
    const discard = (reason: DiscardReason, to: number): void => {
      if (to > pos) events.push({ type: 'discarded', reason, bytes: buf.slice(pos, to) });
      pos = to;
    };

    for (;;) {
      const start = findPreamble(buf, pos);
      if (start < 0) {
        // Keep a tail that may be the beginning of a preamble split across reads.
        const keep = partialPreambleTail(buf, pos);
        discard('noise', buf.length - keep);
        break;
      }
      discard('noise', start);
      if (buf.length - pos < HEADER_LENGTH) break;
      const len = ((buf[pos + 5] as number) << 8) | (buf[pos + 6] as number);
      const total = len + HEADER_LENGTH;
      if (len < this.minBody + 1 || total > this.maxFrame) {
        discard('bad-length', pos + 1);
        continue;
      }
      if (buf.length - pos < total) {
        const next = this.completeFrameInside(buf, pos + 1);
        if (next >= 0) {
          discard('superseded', next);
          continue;
        }
        break;
      }
      if (xorChecksum(buf, pos + 5, pos + total) !== 0) {
        discard('bad-checksum', pos + 1);
        continue;
      }
      const frame = buf.slice(pos, pos + total);
      events.push({ type: 'frame', frame, body: frame.subarray(HEADER_LENGTH, total - 1) });
      pos += total;
    }

    // What stays is a preamble fragment or one partial frame of at most maxFrameLength bytes.
    this.buffer = buf.slice(pos);
    return events;
  }

  /** Offset of a later preamble whose frame is complete and valid, or -1. */
  private completeFrameInside(buf: Uint8Array, from: number): number {
    for (let at = findPreamble(buf, from); at >= 0; at = findPreamble(buf, at + 1)) {
      if (buf.length - at < HEADER_LENGTH) return -1;
      const len = ((buf[at + 5] as number) << 8) | (buf[at + 6] as number);
      const total = len + HEADER_LENGTH;
      if (len < this.minBody + 1 || total > this.maxFrame || buf.length - at < total) continue;
      if (xorChecksum(buf, at + 5, at + total) === 0) return at;
    }
    return -1;
  }
}

/** Offset of the first AA AA AA 96 69 at or after `from`, or -1. */
export function findPreamble(buf: Uint8Array, from: number): number {
  const last = buf.length - PREAMBLE.length;
  outer: for (let i = from; i <= last; i += 1) {
    for (let j = 0; j < PREAMBLE.length; j += 1) if (buf[i + j] !== PREAMBLE[j]) continue outer;
    return i;
  }
  return -1;
}

function partialPreambleTail(buf: Uint8Array, from: number): number {
  for (let keep = Math.min(PREAMBLE.length - 1, buf.length - from); keep > 0; keep -= 1) {
    let match = true;
    for (let j = 0; j < keep; j += 1) if (buf[buf.length - keep + j] !== PREAMBLE[j]) match = false;
    if (match) return keep;
  }
  return 0;
}
