import { EventEmitter } from 'node:events';
import HID from 'node-hid';
import { Backoff, type BackoffPolicy } from '../../common/backoff';
import { errorMessage } from '../../common/errors';
import { HidPosAssembler } from './hid-pos';
import type { ScannerEvents, ScannerState } from './serial-scanner';

export interface HidPosScannerOptions {
  vendorId: number;
  productId: number;
  path?: string;
  /** A multi-report code whose last report was exactly full ends after this pause. */
  flushMs?: number;
  /** Reopening a scanner that went away (default 500 ms doubling to 10 s). */
  backoff?: BackoffPolicy;
}

/** A HID POS scanner through node-hid; usage page 0x8C devices are not keyboards, so node-hid may open them. */
export class HidPosScanner extends EventEmitter<ScannerEvents & { ignored: [string] }> {
  private device: HID.HIDAsync | undefined;
  private readonly assembler = new HidPosAssembler();
  private flushTimer: NodeJS.Timeout | undefined;
  private current: ScannerState = { state: 'disconnected', reason: 'not opened' };
  private running = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly backoff: Backoff;
  readonly deviceName: string;

  constructor(private readonly options: HidPosScannerOptions) {
    super();
    const h = (n: number): string => n.toString(16).padStart(4, '0');
    this.deviceName = options.path ?? `${h(options.vendorId)}:${h(options.productId)}`;
    this.backoff = new Backoff(options.backoff ?? { baseMs: 500, capMs: 10_000 });
  }

  get state(): ScannerState {
    return this.current;
  }

  /** Starts using the scanner; a scanner that is absent or unplugged is tried again with backoff. */
  async open(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.attach();
  }

  async close(): Promise<void> {
    this.running = false;
    clearTimeout(this.flushTimer);
    clearTimeout(this.retryTimer);
    await this.detach();
    this.setState({ state: 'disconnected', reason: 'closed' });
  }

  private async attach(): Promise<void> {
    try {
      const device = this.options.path ? await HID.HIDAsync.open(this.options.path) : await HID.HIDAsync.open(this.options.vendorId, this.options.productId);
      if (!this.running) {
        await device.close().catch(() => undefined);
        return;
      }
      this.device = device;
      this.backoff.reset();
      this.setState({ state: 'ready' });
      device.on('data', (report: Buffer) => this.onReport(new Uint8Array(report)));
      device.on('error', (error: Error) => void this.gone(`${this.deviceName}: ${error.message}`));
    } catch (error) {
      // A close() during the open has already said 'closed'; a late failure must not say otherwise.
      if (this.running) await this.gone(`${this.deviceName}: ${errorMessage(error)}`);
    }
  }

  private async detach(): Promise<void> {
    const device = this.device;
    this.device = undefined;
    if (device) await device.close().catch(() => undefined);
  }

  private async gone(reason: string): Promise<void> {
    await this.detach();
    this.setState({ state: 'disconnected', reason });
    if (!this.running) return;
    this.retryTimer = setTimeout(() => void this.attach(), this.backoff.next());
  }

  private setState(next: ScannerState): void {
    this.current = next;
    this.emit('state', next);
  }

  private onReport(report: Uint8Array): void {
    clearTimeout(this.flushTimer);
    const { payload, problem } = this.assembler.push(report);
    if (problem) this.emit('ignored', problem);
    if (payload !== undefined) this.emit('scan', { payload, source: 'hid-pos', device: this.deviceName });
    else
      this.flushTimer = setTimeout(() => {
        const rest = this.assembler.flush();
        if (rest !== undefined) this.emit('scan', { payload: rest, source: 'hid-pos', device: this.deviceName });
      }, this.options.flushMs ?? 100);
  }
}
