import type { TransformCallback } from 'node:stream';
import { DelimiterParser } from 'serialport';
import { TERMINATOR_BYTES, type Terminator } from './scan';

/**
 * A serial scanner's byte stream as scans: serialport's DelimiterParser splits at the terminator
 * the scanner's setup codes chose; on top of it, a line longer than `maxLength` is dropped (and
 * reported) rather than held without bound, blank lines and stray CR/LF around a code go, and
 * the bytes are read as UTF-8. Reads strings (object mode), reports `dropped` with a byte count;
 * never throws on bad input.
 */
export class ScanLineParser extends DelimiterParser {
  readonly #decoder = new TextDecoder('utf-8', { fatal: false });

  constructor(
    terminator: Terminator = 'CR',
    private readonly maxLength = 4096,
  ) {
    super({ delimiter: Buffer.from(TERMINATOR_BYTES[terminator]), readableObjectMode: true });
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, cb: TransformCallback): void {
    super._transform(chunk, encoding, (error) => {
      if (this.buffer.length > this.maxLength) this.#drop(this.buffer.length);
      cb(error);
    });
  }

  /** A line cut off by the port closing is not a scan. */
  override _flush(cb: TransformCallback): void {
    this.buffer = Buffer.alloc(0);
    cb();
  }

  override push(line: unknown, encoding?: BufferEncoding): boolean {
    if (!Buffer.isBuffer(line)) return super.push(line, encoding);
    if (line.length > this.maxLength) {
      this.emit('dropped', line.length);
      return true;
    }
    const text = this.#decoder.decode(line).replace(/^[\r\n]+|[\r\n]+$/g, '');
    return text.length > 0 ? super.push(text) : true;
  }

  #drop(bytes: number): void {
    this.buffer = Buffer.alloc(0);
    this.emit('dropped', bytes);
  }
}
