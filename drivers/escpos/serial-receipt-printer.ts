import { SerialPort } from 'serialport';
import { statusRequest } from './commands';
import { ReceiptPrinterError, type ReceiptPrinter } from './receipt-printer';
import { isStatusByte, parseStatus, receiptConditions, receiptReady, type ReceiptPrinterStatus } from './status';

export interface SerialReceiptPrinterOptions {
  path: string;
  baudRate?: number;
  /** How long to wait for each status byte. */
  statusTimeoutMs?: number;
}

/**
 * An ESC/POS printer on a serial port. Before each job it asks DLE EOT 1–4 (answered by the
 * printer at once, even while busy) and refuses to send the job if the paper is out, the cover
 * is open or the printer is offline: a ticket sent into an empty printer is a ticket lost.
 */
export class SerialReceiptPrinter implements ReceiptPrinter {
  readonly name: string;
  private port: SerialPort | undefined;
  private readonly received: number[] = [];
  private waiter: (() => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SerialReceiptPrinterOptions) {
    this.name = `receipt printer on ${options.path}`;
  }

  private async open(): Promise<SerialPort> {
    if (this.port?.isOpen) return this.port;
    const port = new SerialPort({ path: this.options.path, baudRate: this.options.baudRate ?? 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) =>
      port.open((error) => (error ? reject(new ReceiptPrinterError('port', this.name, `cannot open: ${error.message}`, [], { cause: error })) : resolve())),
    );
    port.on('data', (chunk: Buffer) => {
      this.received.push(...chunk);
      this.waiter?.();
    });
    port.on('close', () => {
      if (this.port === port) this.port = undefined;
    });
    this.port = port;
    return port;
  }

  /** One job at a time on the wire: status answers must not interleave with another caller's. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(port: SerialPort, bytes: Buffer): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      port.write(bytes, (error) => (error ? reject(new ReceiptPrinterError('port', this.name, `write failed: ${error.message}`, [], { cause: error })) : undefined));
      port.drain((error) => (error ? reject(new ReceiptPrinterError('port', this.name, `drain failed: ${error.message}`, [], { cause: error })) : resolve()));
    });
  }

  private async readStatusByte(n: number): Promise<number> {
    const timeoutMs = this.options.statusTimeoutMs ?? 1000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const byte = this.received.shift();
      if (byte !== undefined) {
        if (isStatusByte(byte)) return byte;
        throw new ReceiptPrinterError('bad-answer', this.name, `DLE EOT ${n} answered 0x${byte.toString(16).padStart(2, '0')}, not a status byte`);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new ReceiptPrinterError('no-answer', this.name, `no answer to DLE EOT ${n} within ${timeoutMs} ms: is the printer on and the cable in?`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
  }

  private async readStatus(port: SerialPort): Promise<ReceiptPrinterStatus> {
    this.received.length = 0;
    const bytes: number[] = [];
    for (const n of [1, 2, 3, 4] as const) {
      await this.write(port, statusRequest(n));
      bytes.push(await this.readStatusByte(n));
    }
    return parseStatus(bytes as [number, number, number, number]);
  }

  status(): Promise<ReceiptPrinterStatus> {
    return this.exclusive(async () => this.readStatus(await this.open()));
  }

  print(job: Buffer): Promise<{ statusBefore: ReceiptPrinterStatus }> {
    return this.exclusive(async () => {
      const port = await this.open();
      const statusBefore = await this.readStatus(port);
      if (!receiptReady(statusBefore)) {
        const conditions = receiptConditions(statusBefore);
        throw new ReceiptPrinterError('not-ready', this.name, `not printing: ${conditions.join(', ')}`, conditions);
      }
      await this.write(port, job);
      return { statusBefore };
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
