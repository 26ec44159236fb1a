import { SerialPort } from 'serialport';
import type { Transport, TransportHandlers } from './transport';
import { DEFAULT_BAUD_RATE } from '../../contract/terminal/baud-rates';

export interface SerialTransportOptions {
  path: string;
  baudRate?: number;
}

/** A reader on a serial port (RS-232 or a USB-serial chip): 8N1, no flow control [Q][R]. */
export class SerialTransport implements Transport {
  readonly description: string;
  readonly baudRate: number;
  private port: SerialPort | undefined;

  constructor(private readonly options: SerialTransportOptions) {
    this.baudRate = options.baudRate ?? DEFAULT_BAUD_RATE;
    this.description = `serial ${options.path} @${this.baudRate}`;
  }

  async open(handlers: TransportHandlers): Promise<void> {
    await this.close();
    const port = new SerialPort({ path: this.options.path, baudRate: this.baudRate, dataBits: 8, stopBits: 1, parity: 'none', autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    this.port = port;
    let lost = false;
    const onLost = (error: Error): void => {
      if (lost || this.port !== port) return;
      lost = true;
      this.port = undefined;
      if (port.isOpen) port.close(() => undefined);
      handlers.lost(error);
    };
    port.on('data', (chunk: Buffer) => handlers.data(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    port.on('error', (error: Error) => onLost(error));
    port.on('close', (error: Error | null) => onLost(error ?? new Error(`${this.description} closed`)));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port) throw new Error(`${this.description} is not open`);
    await new Promise<void>((resolve, reject) => {
      // No drain: a command is a dozen bytes, and tcdrain costs a thread-pool round trip per poll.
      port.write(Buffer.from(bytes), (error) => (error ? reject(error) : resolve()));
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
