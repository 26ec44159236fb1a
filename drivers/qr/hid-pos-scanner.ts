import HID from 'node-hid';
import type { BackoffPolicy } from '../../common/backoff';
import { errorMessage } from '../../common/errors';
import { HidPosAssembler } from './hid-pos';
import { ReopeningScanner } from './reopening-scanner';

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
export class HidPosScanner extends ReopeningScanner {
  private device: HID.HIDAsync | undefined;
  private readonly assembler = new HidPosAssembler();
  private flushTimer: NodeJS.Timeout | undefined;
  readonly deviceName: string;

  constructor(private readonly options: HidPosScannerOptions) {
    super(options.backoff ?? { baseMs: 500, capMs: 10_000 });
    const h = (n: number): string => n.toString(16).padStart(4, '0');
    this.deviceName = options.path ?? `${h(options.vendorId)}:${h(options.productId)}`;
  }

  override async close(): Promise<void> {
    clearTimeout(this.flushTimer);
    await super.close();
  }

  protected async attach(): Promise<void> {
    try {
      const device = this.options.path ? await HID.HIDAsync.open(this.options.path) : await HID.HIDAsync.open(this.options.vendorId, this.options.productId);
      if (!this.running) {
        await device.close().catch(() => undefined);
        return;
      }
      this.device = device;
      this.attached();
      device.on('data', (report: Buffer) => this.onReport(new Uint8Array(report)));
      device.on('error', (error: Error) => void this.gone(`${this.deviceName}: ${error.message}`));
    } catch (error) {
      // A close() during the open has already said 'closed'; a late failure must not say otherwise.
      if (this.running) await this.gone(`${this.deviceName}: ${errorMessage(error)}`);
    }
  }

  protected async detach(): Promise<void> {
    const device = this.device;
    this.device = undefined;
    if (device) await device.close().catch(() => undefined);
  }

  private async gone(reason: string): Promise<void> {
    await this.detach();
    this.lost(reason);
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
