import { SerialPort } from 'serialport';
import type { BackoffPolicy } from '../../common/backoff';
import { errorMessage } from '../../common/errors';
import { ReopeningScanner } from './reopening-scanner';
import { ScanLineParser } from './scan-lines';
import type { Terminator } from './scan';

export type { ScannerEvents, ScannerState } from './reopening-scanner';

export interface SerialScannerOptions {
  path: string;
  /** 9600 8N1 is common, not universal: the scanner's setup codes decide. */
  baudRate?: number;
  terminator?: Terminator;
  /** Reopening a port that went away (default 250 ms doubling to 5 s). */
  backoff?: BackoffPolicy;
}

/** A QR/barcode scanner on a serial port (CDC or RS-232); reopens with backoff when it goes away. */
export class SerialScanner extends ReopeningScanner {
  private port: SerialPort | undefined;

  constructor(private readonly options: SerialScannerOptions) {
    super(options.backoff ?? { baseMs: 250, capMs: 5000 });
  }

  get device(): string {
    return this.options.path;
  }

  protected async detach(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  protected async attach(): Promise<void> {
    if (!this.running) return;
    const port = new SerialPort({ path: this.options.path, baudRate: this.options.baudRate ?? 9600, autoOpen: false });
    try {
      await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    } catch (error) {
      this.lost(`${this.options.path}: ${errorMessage(error)}`);
      return;
    }
    if (!this.running) {
      port.close(() => undefined);
      return;
    }
    this.port = port;
    this.attached();
    const lines = port.pipe(new ScanLineParser(this.options.terminator ?? 'CR'));
    lines.on('dropped', (bytes: number) => this.emit('dropped', bytes));
    lines.on('data', (payload: string) => this.emit('scan', { payload, source: 'serial', device: this.options.path }));
    const onGone = (error: Error | null): void => {
      if (this.port !== port) return;
      this.port = undefined;
      if (port.isOpen) port.close(() => undefined);
      this.lost(`${this.options.path}: ${error?.message ?? 'port closed'}`);
    };
    port.on('error', onGone);
    port.on('close', onGone);
  }
}
