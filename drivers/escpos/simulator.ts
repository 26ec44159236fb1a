import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { EscPosDecoder, type DecodedEvent } from './decoder';
import { encodeStatus } from './status';

export interface SimulatedPaperState {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  offline: boolean;
}

/** What came out of the simulated printer between two cuts. */
export interface PrintedTicket {
  lines: string[];
  qrCodes: string[];
}

export interface EscPosSimulatorEvents {
  ticket: [PrintedTicket];
  event: [DecodedEvent];
  discarded: [number];
}

/**
 * A receipt printer on the far end of a serial line (a socat pty in demo and training, a
 * USB-serial cable to a technician's laptop): it answers DLE EOT status as a real printer in
 * its state would, decodes what it is sent into text lines, QR payloads and cuts, and can be
 * told to run out of paper, open its cover or go offline. Like a real printer that cannot
 * print, it drops what it is sent while out of paper or open, and counts the dropped lines, codes and cuts.
 */
export class EscPosSimulator extends EventEmitter<EscPosSimulatorEvents> {
  readonly state: SimulatedPaperState = { paperOut: false, paperNearEnd: false, coverOpen: false, offline: false };
  readonly tickets: PrintedTicket[] = [];
  private current: PrintedTicket = { lines: [], qrCodes: [] };
  private readonly decoder = new EscPosDecoder();
  private port: SerialPort | undefined;
  discardedEvents = 0;

  async open(path: string, baudRate = 115200): Promise<void> {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(new Error(`ESC/POS simulator cannot open ${path}: ${error.message}`)) : resolve())));
    port.on('data', (chunk: Buffer) => this.receive(chunk));
    this.port = port;
  }

  set(change: Partial<SimulatedPaperState>): void {
    Object.assign(this.state, change);
  }

  private blocked(): boolean {
    return this.state.paperOut || this.state.coverOpen || this.state.offline;
  }

  /** Bytes from the host. Status requests are answered even when nothing can be printed. */
  receive(chunk: Buffer): void {
    for (const event of this.decoder.push(chunk)) {
      if (event.type === 'status-request') {
        const bytes = encodeStatus(this.state);
        const answer = bytes[event.n - 1];
        if (answer !== undefined) this.port?.write(Buffer.from([answer]));
        continue;
      }
      if (this.blocked()) {
        if (event.type !== 'init') {
          this.discardedEvents += 1;
          this.emit('discarded', this.discardedEvents);
        }
        continue;
      }
      this.emit('event', event);
      if (event.type === 'line') this.current.lines.push(event.text);
      if (event.type === 'qr') this.current.qrCodes.push(event.payload);
      if (event.type === 'cut') {
        const ticket = this.current;
        this.current = { lines: [], qrCodes: [] };
        this.tickets.push(ticket);
        this.emit('ticket', ticket);
      }
    }
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
