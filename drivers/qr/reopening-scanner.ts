import { EventEmitter } from 'node:events';
import { Backoff, type BackoffPolicy } from '../../common/backoff';
import type { Scan } from './scan';

export type ScannerState = { state: 'ready' } | { state: 'disconnected'; reason: string };

export interface ScannerEvents {
  scan: [Scan];
  state: [ScannerState];
  /** Bytes dropped: a line longer than any code without a terminator. */
  dropped: [number];
  /** A report that carried no code (HID POS), and why. */
  ignored: [string];
}

/**
 * What every scanner on a port of its own does alike: open() keeps trying until close(); a
 * scanner that is absent or goes away is tried again with backoff; the state says which.
 * A transport says how to attach and detach, and calls attached() or lost(). Every attempt's
 * outcome is a `state` event, the same reason again included: it says the scanner was tried.
 */
export abstract class ReopeningScanner extends EventEmitter<ScannerEvents> {
  protected running = false;
  #retry: NodeJS.Timeout | undefined;
  #current: ScannerState = { state: 'disconnected', reason: 'not opened' };
  readonly #backoff: Backoff;

  constructor(policy: BackoffPolicy) {
    super();
    this.#backoff = new Backoff(policy);
  }

  get state(): ScannerState {
    return this.#current;
  }

  async open(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.attach();
  }

  async close(): Promise<void> {
    this.running = false;
    clearTimeout(this.#retry);
    await this.detach();
    this.setState({ state: 'disconnected', reason: 'closed' });
  }

  protected abstract attach(): Promise<void>;
  protected abstract detach(): Promise<void>;

  protected attached(): void {
    this.#backoff.reset();
    this.setState({ state: 'ready' });
  }

  /** The scanner is not there (any more): say why, and try again later while open. */
  protected lost(reason: string): void {
    this.setState({ state: 'disconnected', reason });
    if (!this.running) return;
    this.#retry = setTimeout(() => void this.attach(), this.#backoff.next());
  }

  private setState(next: ScannerState): void {
    this.#current = next;
    this.emit('state', next);
  }
}
