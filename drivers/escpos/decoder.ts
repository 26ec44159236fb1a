import iconv from 'iconv-lite';

/**
 * Reads an ESC/POS byte stream the way a printer does and reports what would come out on
 * paper: text lines (GB18030 decoded), QR symbols with their payloads, cuts, and the real-time
 * status requests the printer must answer at once. Formatting commands are recognised by their
 * length and skipped, so a stream from receiptline or from our own builders decodes cleanly;
 * a byte it does not know is reported, never guessed at.
 */
export type DecodedEvent =
  | { type: 'line'; text: string }
  | { type: 'qr'; payload: string }
  | { type: 'cut' }
  | { type: 'status-request'; n: number }
  | { type: 'init' }
  | { type: 'image'; bytes: number }
  | { type: 'unknown'; bytes: string };

type Parsed = { length: number; event?: DecodedEvent; text?: Buffer; spaces?: number } | 'incomplete';

type TextEncoding = 'gb18030' | 'cp437' | 'epson-page-1';

/**
 * Code page 1 (Katakana) is where receiptline draws its rules and table borders; these are the
 * line-drawing bytes it uses. Anything else from that page shows as '?'.
 */
const EPSON_PAGE_1: Record<number, string> = { 0x90: '┴', 0x91: '┬', 0x95: '─', 0x96: '│', 0x9c: '┌', 0x9d: '┐', 0x9e: '└', 0x9f: '┘' };

/** A two-byte command with `fixed` parameter bytes after it; a command no table knows is named by its bytes and passed over. */
function fixedLength(fixed: number | undefined, b: Buffer, at: number): Parsed {
  if (fixed === undefined) return { length: 2, event: { type: 'unknown', bytes: b.subarray(at, at + 2).toString('hex') } };
  return at + 2 + fixed <= b.length ? { length: 2 + fixed } : 'incomplete';
}

function decodeText(bytes: Buffer, encoding: TextEncoding): string {
  if (encoding !== 'epson-page-1') return iconv.decode(bytes, encoding);
  return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : (EPSON_PAGE_1[b] ?? '?'))).join('');
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

/** ESC and FS commands with a fixed number of parameter bytes. */
const ESC_FIXED: Record<number, number> = {
  0x20: 1, 0x21: 1, 0x25: 1, 0x2d: 1, 0x32: 0, 0x33: 1, 0x3c: 0, 0x3d: 1, 0x3f: 1, 0x45: 1, 0x47: 1, 0x4a: 1, 0x4b: 1, 0x4c: 0,
  0x4d: 1, 0x52: 1, 0x53: 0, 0x54: 1, 0x55: 1, 0x56: 1, 0x61: 1, 0x64: 1, 0x65: 1, 0x69: 0, 0x6d: 0, 0x70: 3, 0x72: 1, 0x74: 1,
  0x75: 1, 0x76: 0, 0x7b: 1, 0x24: 2, 0x5c: 2, 0x57: 8, 0x63: 2,
};
const FS_FIXED: Record<number, number> = { 0x26: 0, 0x2e: 0, 0x21: 1, 0x2d: 1, 0x43: 1, 0x53: 2, 0x57: 1, 0x70: 2 };
const GS_FIXED: Record<number, number> = {
  0x21: 1, 0x42: 1, 0x48: 1, 0x49: 1, 0x4c: 2, 0x57: 2, 0x61: 1, 0x62: 1, 0x66: 1, 0x68: 1, 0x77: 1, 0x72: 1, 0x24: 2, 0x50: 2,
  0x54: 1, 0x2f: 1, 0x3a: 0, 0x5e: 3, 0x45: 1,
};

export class EscPosDecoder {
  private pending: Buffer = Buffer.alloc(0);
  /** Text of the current line, in runs of one encoding: GB18030 in double-byte mode (FS &), else the code page ESC t chose. */
  private line: { bytes: Buffer; encoding: TextEncoding }[] = [];
  private doubleByte = false;
  private codePage = 0;
  private qrPayload: Buffer | undefined;

  /** Feeds bytes as they arrive; returns the events they complete. */
  push(chunk: Buffer): DecodedEvent[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const events: DecodedEvent[] = [];
    let at = 0;
    while (at < this.pending.length) {
      const parsed = this.parse(this.pending, at);
      if (parsed === 'incomplete') break;
      const encoding: TextEncoding = this.doubleByte ? 'gb18030' : this.codePage === 1 ? 'epson-page-1' : 'cp437';
      if (parsed.text) this.line.push({ bytes: parsed.text, encoding });
      if (parsed.spaces) this.line.push({ bytes: Buffer.from(' '.repeat(parsed.spaces)), encoding });
      if (parsed.event) {
        if (parsed.event.type === 'line') parsed.event.text = this.takeLine();
        else if (parsed.event.type === 'cut' && this.line.length) events.push({ type: 'line', text: this.takeLine() });
        events.push(parsed.event);
      }
      at += parsed.length;
    }
    this.pending = this.pending.subarray(at);
    return events;
  }

  private takeLine(): string {
    let text = '';
    let run: Buffer[] = [];
    let encoding: TextEncoding = 'gb18030';
    const flush = () => {
      if (run.length) text += decodeText(Buffer.concat(run), encoding);
      run = [];
    };
    for (const part of this.line) {
      if (part.encoding !== encoding) flush();
      encoding = part.encoding;
      run.push(part.bytes);
    }
    flush();
    this.line = [];
    return text.trimEnd();
  }

  private parse(b: Buffer, at: number): Parsed {
    const byte = b[at] as number;
    const need = (n: number): boolean => at + n <= b.length;
    if (byte === 0x0a) return { length: 1, event: { type: 'line', text: '' } };
    if (byte === ESC) {
      if (!need(2)) return 'incomplete';
      const cmd = b[at + 1] as number;
      if (cmd === 0x40) {
        this.line = [];
        this.doubleByte = false;
        this.codePage = 0;
        return { length: 2, event: { type: 'init' } };
      }
      if (cmd === 0x69 || cmd === 0x6d) return { length: 2, event: { type: 'cut' } };
      if (cmd === 0x5c) {
        if (!need(4)) return 'incomplete';
        // Relative move in dots; 12 dots is one Font A column.
        return { length: 4, spaces: Math.round(((b[at + 2] as number) | ((b[at + 3] as number) << 8)) / 12) };
      }
      if (cmd === 0x74 && need(3)) this.codePage = b[at + 2] as number;
      if (cmd === 0x44) {
        const end = b.indexOf(0, at + 2);
        return end < 0 ? 'incomplete' : { length: end - at + 1 };
      }
      if (cmd === 0x2a) {
        if (!need(5)) return 'incomplete';
        const columns = (b[at + 3] as number) | ((b[at + 4] as number) << 8);
        const length = 5 + columns * ((b[at + 2] as number) < 2 ? 1 : 3);
        return need(length) ? { length, event: { type: 'image', bytes: length } } : 'incomplete';
      }
      return fixedLength(ESC_FIXED[cmd], b, at);
    }
    if (byte === FS) {
      if (!need(2)) return 'incomplete';
      const cmd = b[at + 1] as number;
      if (cmd === 0x28) return this.lengthPrefixed(b, at);
      if (cmd === 0x26) this.doubleByte = true;
      if (cmd === 0x2e) this.doubleByte = false;
      return fixedLength(FS_FIXED[cmd], b, at);
    }
    if (byte === GS) {
      if (!need(2)) return 'incomplete';
      const cmd = b[at + 1] as number;
      if (cmd === 0x28) {
        if (!need(5)) return 'incomplete';
        const parsed = this.lengthPrefixed(b, at);
        if (parsed === 'incomplete' || b[at + 2] !== 0x6b) return parsed;
        return { ...parsed, ...this.qrFunction(b.subarray(at + 5, at + parsed.length)) };
      }
      if (cmd === 0x56) {
        if (!need(3)) return 'incomplete';
        const m = b[at + 2] as number;
        const length = [65, 66, 97, 98, 103, 104].includes(m) ? 4 : 3;
        return need(length) ? { length, event: { type: 'cut' } } : 'incomplete';
      }
      if (cmd === 0x38) {
        if (!need(7)) return 'incomplete';
        const size = b.readUInt32LE(at + 3);
        return need(7 + size) ? { length: 7 + size, event: { type: 'image', bytes: size } } : 'incomplete';
      }
      if (cmd === 0x76) {
        if (!need(8)) return 'incomplete';
        const size = b.readUInt16LE(at + 4) * b.readUInt16LE(at + 6);
        return need(8 + size) ? { length: 8 + size, event: { type: 'image', bytes: size } } : 'incomplete';
      }
      if (cmd === 0x6b) {
        if (!need(3)) return 'incomplete';
        const m = b[at + 2] as number;
        if (m <= 6) {
          const end = b.indexOf(0, at + 3);
          return end < 0 ? 'incomplete' : { length: end - at + 1 };
        }
        if (!need(4)) return 'incomplete';
        const length = 4 + (b[at + 3] as number);
        return need(length) ? { length } : 'incomplete';
      }
      return fixedLength(GS_FIXED[cmd], b, at);
    }
    if (byte === DLE) {
      if (!need(3)) return 'incomplete';
      const cmd = b[at + 1] as number;
      if (cmd === 0x04) return { length: 3, event: { type: 'status-request', n: b[at + 2] as number } };
      if (cmd === 0x05) return { length: 3 };
      if (cmd === 0x14) return need(5) ? { length: 5 } : 'incomplete';
      return { length: 1, event: { type: 'unknown', bytes: '10' } };
    }
    if (byte < 0x20) return { length: 1, ...(byte === 0x09 ? { spaces: 1 } : {}) };
    let end = at;
    while (end < b.length && (b[end] as number) >= 0x20 && b[end] !== 0x7f) end += 1;
    return { length: end - at, text: b.subarray(at, end) };
  }

  /** GS ( X / FS ( X: pL pH and that many bytes. */
  private lengthPrefixed(b: Buffer, at: number): Parsed {
    if (at + 5 > b.length) return 'incomplete';
    const length = 5 + ((b[at + 3] as number) | ((b[at + 4] as number) << 8));
    return at + length <= b.length ? { length } : 'incomplete';
  }

  /** GS ( k with cn = 49: QR. fn 80 stores the payload, fn 81 prints it. */
  private qrFunction(body: Buffer): { event?: DecodedEvent } {
    if (body[0] !== 0x31) return {};
    if (body[1] === 0x50) this.qrPayload = Buffer.from(body.subarray(3));
    if (body[1] === 0x51 && this.qrPayload) return { event: { type: 'qr', payload: this.qrPayload.toString('utf8') } };
    return {};
  }
}
