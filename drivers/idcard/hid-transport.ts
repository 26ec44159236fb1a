import HID from 'node-hid';
import { DEFAULT_HID_FRAMING, decodeHidReport, encodeHidReports, type HidFraming } from './hid-framing';
import type { Transport, TransportHandlers } from './transport';

export interface HidTransportOptions {
  vendorId: number;
  productId: number;
  /** A specific device when several of the same model are attached. */
  path?: string;
  framing?: HidFraming;
  /** Called with each report that carried no frame bytes, for the technician's log. */
  onBadReport?: (problem: string, report: Uint8Array) => void;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** A reader on USB HID (node-hid), SAM frames carried as described in hid-framing.ts. */
export class HidTransport implements Transport {
  readonly description: string;
  private device: HID.HIDAsync | undefined;
  private readonly framing: HidFraming;

  constructor(private readonly options: HidTransportOptions) {
    this.framing = options.framing ?? DEFAULT_HID_FRAMING;
    this.description = `hid ${hex4(options.vendorId)}:${hex4(options.productId)}${options.path ? ` ${options.path}` : ''}`;
  }

  async open(handlers: TransportHandlers): Promise<void> {
    await this.close();
    const device = this.options.path
      ? await HID.HIDAsync.open(this.options.path)
      : await HID.HIDAsync.open(this.options.vendorId, this.options.productId);
    this.device = device;
    device.on('data', (report: Buffer) => {
      const decoded = decodeHidReport(new Uint8Array(report.buffer, report.byteOffset, report.byteLength), this.framing);
      if (decoded.ok) {
        if (decoded.bytes.length > 0) handlers.data(decoded.bytes);
      } else {
        this.options.onBadReport?.(decoded.problem, new Uint8Array(report));
      }
    });
    device.on('error', (error: Error) => {
      if (this.device !== device) return;
      this.device = undefined;
      device.close().catch(() => undefined);
      handlers.lost(error);
    });
  }

  async write(bytes: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw new Error(`${this.description} is not open`);
    for (const report of encodeHidReports(bytes, this.framing)) await device.write(Buffer.from(report));
  }

  async close(): Promise<void> {
    const device = this.device;
    this.device = undefined;
    if (device) await device.close().catch(() => undefined);
  }
}
