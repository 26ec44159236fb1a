import { Backoff, type BackoffPolicy } from '../../common/backoff';
import type { DevicesConfig } from '../../contract/terminal/devices';
import { HidTransport, IdCardReader, SerialTransport, type CardRead, type ReaderState } from '../../drivers/idcard';
import type { IdCardError } from '../../drivers/idcard/errors';
import { IdCardSimulator, SimulatorTransport } from '../../drivers/idcard/simulator';
import { HidPosScanner, SerialScanner, startQrSimulator, type RunningQrSimulator, type Scan, type ScannerState } from '../../drivers/qr';
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
  qrSimulator: RunningQrSimulator | undefined;
  readonly #scanners: Array<SerialScanner | HidPosScanner> = [];
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
    await this.qrSimulator?.close();
  }

  async #openReader(): Promise<void> {
    const config = this.devices.idcard;
    if (!config) return;
    let transport;
    if (config.transport === 'serial') transport = new SerialTransport({ path: config.path, baudRate: config.baudRate });
    else if (config.transport === 'hid') {
      transport = new HidTransport({ vendorId: config.vendorId, productId: config.productId, ...(config.path ? { path: config.path } : {}) });
    } else {
      this.cardSimulator = new IdCardSimulator();
      transport = new SimulatorTransport(this.cardSimulator);
    }
    const reader = new IdCardReader({ transport, ...(config.transport === 'serial' ? { baudRate: config.baudRate } : {}) });
    this.reader = reader;
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
    if (config.transport === 'keyboard-wedge') {
      this.states.set(role, 'qr/keyboard-wedge', 'ready');
      return;
    }
    let scanner: SerialScanner | HidPosScanner;
    if (config.transport === 'serial') scanner = new SerialScanner({ path: config.path, baudRate: config.baudRate, terminator: config.terminator });
    else if (config.transport === 'hid') {
      scanner = new HidPosScanner({ vendorId: config.vendorId, productId: config.productId, ...(config.path ? { path: config.path } : {}) });
    } else {
      try {
        this.qrSimulator = await startQrSimulator();
      } catch (error) {
        this.states.set(role, 'qr/simulator', 'error', `the QR simulator needs socat: ${(error as Error).message}`);
        return;
      }
      scanner = new SerialScanner({ path: this.qrSimulator.device });
    }
    const driver = `qr/${config.transport}`;
    scanner.on('state', (state: ScannerState) => this.states.set(role, driver, state.state, state.state === 'disconnected' ? state.reason : undefined));
    scanner.on('scan', (scan) => this.on.scan(scan));
    this.#scanners.push(scanner);
    await scanner.open();
  }
}
