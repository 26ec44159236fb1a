import HID from 'node-hid';
import { hidCodecFor, type HidReportCodec } from './hid-codecs';
import type { Transport, TransportHandlers } from './transport';

export interface HidTransportOptions {
  vendorId: number;
  productId: number;
  /** A specific device when several of the same model are attached. */
  path?: string;
  /** The reader model's report framing (default: the `tongban-v1` model's). */
  codec?: HidReportCodec;
  /** Called with each report that carried no frame bytes, for the technician's log. */
  onBadReport?: (problem: string, report: Uint8Array) => void;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** A reader on USB HID (node-hid), SAM frames carried in reports as its model's codec says (hid-codecs.ts). */
export class HidTransport implements Transport {
  readonly description: string;
  private device: HID.HIDAsync | undefined;
  private readonly codec: HidReportCodec;

  constructor(private readonly options: HidTransportOptions) {
    this.codec = options.codec ?? hidCodecFor('tongban-v1');
    this.description = `hid ${hex4(options.vendorId)}:${hex4(options.productId)}${options.path ? ` ${options.path}` : ''} (${this.codec.model})`;
  }

  async open(handlers: TransportHandlers): Promise<void> {
    await this.close();
    const device = this.options.path
      ? await HID.HIDAsync.open(this.options.path)
      : await HID.HIDAsync.open(this.options.vendorId, this.options.productId);
    this.device = device;
    device.on('data', (report: Buffer) => {
      const decoded = this.codec.decode(new Uint8Array(report.buffer, report.byteOffset, report.byteLength));
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
    for (const report of this.codec.encode(bytes)) await device.write(Buffer.from(report));
  }

  async close(): Promise<void> {
    const device = this.device;
    this.device = undefined;
    if (device) await device.close().catch(() => undefined);
  }
}
