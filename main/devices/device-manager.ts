import { Backoff, type BackoffPolicy } from '../../common/backoff';
import type { DevicesConfig } from '../../contract/terminal/devices';
import { errorMessage } from '../../common/errors';
import { idCardReader, qrScanner, type OpenedQrScanner } from '../../drivers/factory';
import type { CardRead, IdCardReader, ReaderState } from '../../drivers/idcard';
import type { IdCardError } from '../../drivers/idcard/errors';
import type { IdCardSimulator } from '../../drivers/idcard/simulator';
import type { Scan, ScannerState } from '../../drivers/qr';
import type { Logger } from '../logging/logger';
import type { DeviceStates } from './device-states';

export interface DeviceManagerEvents {
  card(read: CardRead): void;
  cardRemoved(): void;
  cardFailed(error: IdCardError): void;
  scan(scan: Scan): void;
}

/** A reader in error is restarted after 2 s, doubling to a minute while it keeps failing. */
const RESTART_BACKOFF: BackoffPolicy = { baseMs: 2000, capMs: 60_000 };

/**
 * Opens the devices the configuration names, keeps their states for the UI and health, and
 * restarts a driver that fell into an error with backoff, without restarting the terminal.
 * In the demo site the simulators stand in for the hardware.
 */
export class DeviceManager {
  reader: IdCardReader | undefined;
  /** The built-in card reader simulator, when the configuration asks for it. */
  cardSimulator: IdCardSimulator | undefined;
  readonly #scanners: OpenedQrScanner[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #readerBackoff = new Backoff(RESTART_BACKOFF);
  #closed = false;

  constructor(
    private readonly devices: DevicesConfig,
    private readonly states: DeviceStates,
    private readonly on: DeviceManagerEvents,
    private readonly log: Logger,
  ) {}

  async open(): Promise<void> {
    await this.#openReader();
    for (const [index, qr] of this.devices.qr.entries()) await this.#openScanner(`qr${index + 1}`, qr);
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    await this.reader?.close();
    for (const scanner of this.#scanners) await scanner.close();
  }

  async #openReader(): Promise<void> {
    const config = this.devices.idcard;
    if (!config) return;
    const { reader, simulator } = idCardReader(config);
    this.reader = reader;
    this.cardSimulator = simulator;
    reader.on('state', (state) => this.#readerState(state));
    reader.on('card', (read) => this.on.card(read));
    reader.on('removed', () => this.on.cardRemoved());
    reader.on('error', (error) => {
      this.log.warn({ device: reader.device, code: error.code, context: error.context }, error.message);
      this.on.cardFailed(error);
    });
    await reader.open();
  }

  #readerState(state: ReaderState): void {
    const driver = `idcard/${this.devices.idcard?.transport ?? 'none'}`;
    if (state.state === 'error') {
      this.states.set('idcard', driver, 'error', `${state.code}: ${state.reason}`);
      this.#scheduleReaderRestart();
    } else if (state.state === 'disconnected') this.states.set('idcard', driver, 'disconnected', state.reason);
    else {
      if (state.state === 'ready') this.#readerBackoff.reset();
      this.states.set('idcard', driver, state.state);
    }
  }

  #scheduleReaderRestart(): void {
    if (this.#closed || !this.reader) return;
    const delay = this.#readerBackoff.next();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (this.#closed || this.reader?.state.state !== 'error') return;
      this.log.info({ device: this.reader.device }, 'restarting the ID-card reader');
      void this.reader.restart();
    }, delay);
    this.#timers.add(timer);
  }

  async #openScanner(role: string, config: DevicesConfig['qr'][number]): Promise<void> {
    const driver = `qr/${config.transport}`;
    let opened: OpenedQrScanner | undefined;
    try {
      opened = await qrScanner(config);
    } catch (error) {
      this.states.set(role, driver, 'error', `the QR simulator needs socat: ${errorMessage(error)}`);
      return;
    }
    // A keyboard-wedge scanner types into the page: nothing to open, nothing to watch.
    if (!opened) {
      this.states.set(role, driver, 'ready');
      return;
    }
    const { scanner } = opened;
    scanner.on('state', (state: ScannerState) => this.states.set(role, driver, state.state, state.state === 'disconnected' ? state.reason : undefined));
    scanner.on('scan', (scan: Scan) => this.on.scan(scan));
    this.#scanners.push(opened);
    await scanner.open();
  }
}
