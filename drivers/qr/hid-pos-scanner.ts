import { EventEmitter } from 'node:events';
import HID from 'node-hid';
import { HidPosAssembler } from './hid-pos';
import type { ScannerEvents, ScannerState } from './serial-scanner';

export interface HidPosScannerOptions {
  vendorId: number;
  productId: number;
  path?: string;
  /** A multi-report code whose last report was exactly full ends after this pause. */
  flushMs?: number;
}

/** A HID POS scanner through node-hid; usage page 0x8C devices are not keyboards, so node-hid may open them. */
export class HidPosScanner extends EventEmitter<ScannerEvents & { ignored: [string] }> {
  private device: HID.HIDAsync | undefined;
  private readonly assembler = new HidPosAssembler();
  private flushTimer: NodeJS.Timeout | undefined;
  private current: ScannerState = { state: 'disconnected', reason: 'not opened' };
  readonly deviceName: string;

  constructor(private readonly options: HidPosScannerOptions) {
    super();
    const h = (n: number): string => n.toString(16).padStart(4, '0');
    this.deviceName = options.path ?? `${h(options.vendorId)}:${h(options.productId)}`;
  }

  get state(): ScannerState {
    return this.current;
  }

  async open(): Promise<void> {
    const device = this.options.path ? await HID.HIDAsync.open(this.options.path) : await HID.HIDAsync.open(this.options.vendorId, this.options.productId);
    this.device = device;
    this.current = { state: 'ready' };
    this.emit('state', this.current);
    device.on('data', (report: Buffer) => this.onReport(new Uint8Array(report)));
    device.on('error', (error: Error) => {
      this.current = { state: 'disconnected', reason: `${this.deviceName}: ${error.message}` };
      this.emit('state', this.current);
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.flushTimer);
    const device = this.device;
    this.device = undefined;
    if (device) await device.close().catch(() => undefined);
    this.current = { state: 'disconnected', reason: 'closed' };
    this.emit('state', this.current);
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
