import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { Backoff, type BackoffPolicy } from '../../common/backoff';
import { errorMessage } from '../../common/errors';
import { ScanLineParser } from './scan-lines';
import type { Scan, Terminator } from './scan';

export interface SerialScannerOptions {
  path: string;
  /** 9600 8N1 is common, not universal: the scanner's setup codes decide. */
  baudRate?: number;
  terminator?: Terminator;
  /** Reopening a port that went away (default 250 ms doubling to 5 s). */
  backoff?: BackoffPolicy;
}

export type ScannerState = { state: 'ready' } | { state: 'disconnected'; reason: string };

export interface ScannerEvents {
  scan: [Scan];
  state: [ScannerState];
  /** Bytes dropped: a line longer than any code without a terminator. */
  dropped: [number];
}

/** A QR/barcode scanner on a serial port (CDC or RS-232); reopens with backoff when it goes away. */
export class SerialScanner extends EventEmitter<ScannerEvents> {
  private port: SerialPort | undefined;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly backoff: Backoff;
  private current: ScannerState = { state: 'disconnected', reason: 'not opened' };

  constructor(private readonly options: SerialScannerOptions) {
    super();
    this.backoff = new Backoff(options.backoff ?? { baseMs: 250, capMs: 5000 });
  }

  get state(): ScannerState {
    return this.current;
  }

  get device(): string {
    return this.options.path;
  }

  async open(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.tryOpen();
  }

  async close(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    this.setState({ state: 'disconnected', reason: 'closed' });
  }

  private setState(next: ScannerState): void {
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.emit('state', next);
  }

  private async tryOpen(): Promise<void> {
    if (!this.running) return;
    const port = new SerialPort({ path: this.options.path, baudRate: this.options.baudRate ?? 9600, autoOpen: false });
    try {
      await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    } catch (error) {
      this.lost(errorMessage(error));
      return;
    }
    if (!this.running) {
      port.close(() => undefined);
      return;
    }
    this.port = port;
    this.backoff.reset();
    this.setState({ state: 'ready' });
    const lines = port.pipe(new ScanLineParser(this.options.terminator ?? 'CR'));
    lines.on('dropped', (bytes: number) => this.emit('dropped', bytes));
    lines.on('data', (payload: string) => this.emit('scan', { payload, source: 'serial', device: this.options.path }));
    const onGone = (error: Error | null): void => {
      if (this.port !== port) return;
      this.port = undefined;
      if (port.isOpen) port.close(() => undefined);
      this.lost(error?.message ?? 'port closed');
    };
    port.on('error', onGone);
    port.on('close', onGone);
  }

  private lost(reason: string): void {
    this.setState({ state: 'disconnected', reason: `${this.options.path}: ${reason}` });
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tryOpen(), this.backoff.next());
  }
}
