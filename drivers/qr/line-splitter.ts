import { TERMINATOR_BYTES, type Terminator } from './scan';

/**
 * Splits a serial scanner's byte stream into scans at the terminator its setup codes chose.
 * A line longer than `maxLength` without a terminator is noise or a wrong terminator setting: it
 * is dropped (reported) rather than held without bound. Never throws.
 */
export class LineSplitter {
  private buffer: number[] = [];
  private readonly term: Uint8Array;
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  constructor(
    terminator: Terminator = 'CR',
    private readonly maxLength = 4096,
  ) {
    this.term = TERMINATOR_BYTES[terminator];
  }

  push(chunk: Uint8Array): { lines: string[]; dropped: number } {
    const lines: string[] = [];
    let dropped = 0;
    for (const byte of chunk) {
      this.buffer.push(byte);
      if (this.endsWithTerminator()) {
        const body = this.buffer.slice(0, this.buffer.length - this.term.length);
        this.buffer = [];
        const text = this.decoder.decode(Uint8Array.from(body)).replace(/^[\r\n]+|[\r\n]+$/g, '');
        if (text.length > 0) lines.push(text);
      } else if (this.buffer.length > this.maxLength) {
        dropped += this.buffer.length;
        this.buffer = [];
      }
    }
    return { lines, dropped };
  }

  private endsWithTerminator(): boolean {
    const n = this.term.length;
    if (this.buffer.length < n) return false;
    for (let i = 0; i < n; i += 1) if (this.buffer[this.buffer.length - n + i] !== this.term[i]) return false;
    return true;
  }
}
