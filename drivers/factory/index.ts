/**
 * Configuration → driver, in one place: the device manager, the technician's device tests, the
 * printers and the scanner all open their devices here, so a transport or a reader model is
 * added once. `simulator` entries start the built-in simulator the demo site runs on.
 */
import type { DevicesConfig } from '../../contract/terminal/devices';
import { EscPosSimulator, openPtyPair, SerialReceiptPrinter, type ReceiptPrinter } from '../escpos';
import { FileDocumentPrinter } from '../file-printer/file-document-printer';
import { HidTransport, hidCodecFor, IdCardReader, SerialTransport, type IdCardReaderOptions, type Transport } from '../idcard';
import { IdCardSimulator, SimulatorTransport } from '../idcard/simulator';
import { IppDocumentPrinter, type DocumentPrinter } from '../ipp';
import { HidPosScanner, SerialScanner, startQrSimulator } from '../qr';

export { openScanner, type OpenScanner, type ScannerConfig } from '../scanner';

export type IdCardConfig = NonNullable<DevicesConfig['idcard']>;
export type QrConfig = DevicesConfig['qr'][number];
export type ReceiptPrinterConfig = NonNullable<DevicesConfig['receiptPrinter']>;
export type A4PrinterConfig = NonNullable<DevicesConfig['a4Printer']>;

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

export interface OpenedIdCardReader {
  reader: IdCardReader;
  /** The demo's simulated reader, whose cards the demo panel places. */
  simulator?: IdCardSimulator;
}

/** The reader a configuration names (not yet opened: `reader.open()` starts its loop). */
export function idCardReader(config: IdCardConfig, options: Omit<IdCardReaderOptions, 'transport' | 'baudRate'> = {}): OpenedIdCardReader {
  let transport: Transport;
  let simulator: IdCardSimulator | undefined;
  if (config.transport === 'serial') transport = new SerialTransport({ path: config.path, baudRate: config.baudRate });
  else if (config.transport === 'hid') {
    transport = new HidTransport({ vendorId: config.vendorId, productId: config.productId, codec: hidCodecFor(config.model), ...(config.path ? { path: config.path } : {}) });
  } else transport = new SimulatorTransport((simulator = new IdCardSimulator()));
  const reader = new IdCardReader({ ...options, transport, ...(config.transport === 'serial' ? { baudRate: config.baudRate } : {}) });
  return { reader, ...(simulator ? { simulator } : {}) };
}

export interface OpenedQrScanner {
  scanner: SerialScanner | HidPosScanner;
  /** For messages: the port, the HID ids, or the simulator's pty. */
  device: string;
  /** Closes the scanner, and the simulator behind it if one runs. */
  close(): Promise<void>;
}

/**
 * The scanner a configuration names (not yet opened). A keyboard-wedge scanner has no port:
 * it types into the page, so there is nothing to open and the answer is undefined. The
 * simulator needs socat; without it this rejects.
 */
export async function qrScanner(config: QrConfig): Promise<OpenedQrScanner | undefined> {
  switch (config.transport) {
    case 'keyboard-wedge':
      return undefined;
    case 'serial': {
      const scanner = new SerialScanner({ path: config.path, baudRate: config.baudRate, terminator: config.terminator });
      return { scanner, device: config.path, close: () => scanner.close() };
    }
    case 'hid': {
      const scanner = new HidPosScanner({ vendorId: config.vendorId, productId: config.productId, ...(config.path ? { path: config.path } : {}) });
      return { scanner, device: `hid ${hex4(config.vendorId)}:${hex4(config.productId)}`, close: () => scanner.close() };
    }
    case 'simulator': {
      const simulator = await startQrSimulator();
      const scanner = new SerialScanner({ path: simulator.device });
      return {
        scanner,
        device: `simulator ${simulator.device}`,
        close: async () => {
          await scanner.close();
          await simulator.close();
        },
      };
    }
  }
}

export interface OpenedReceiptPrinter {
  printer: ReceiptPrinter;
  /** The demo's ESC/POS simulator on a pty pair, when the configuration asks for it. */
  simulator?: EscPosSimulator;
  /** Closes the printer's port, and the simulator and pty pair if they run. */
  close(): Promise<void>;
}

export async function receiptPrinter(config: ReceiptPrinterConfig): Promise<OpenedReceiptPrinter> {
  if (config.transport === 'serial') {
    const printer = new SerialReceiptPrinter({ path: config.path, baudRate: config.baudRate });
    return { printer, close: () => printer.close() };
  }
  const pair = await openPtyPair();
  const simulator = new EscPosSimulator();
  await simulator.open(pair.devicePath);
  const printer = new SerialReceiptPrinter({ path: pair.hostPath });
  return {
    printer,
    simulator,
    close: async () => {
      await printer.close();
      await simulator.close();
      await pair.close();
    },
  };
}

export interface OpenedA4Printer {
  printer: DocumentPrinter;
  /** For messages: the IPP URL, or the simulator's folder as a file:// URI. */
  device: string;
}

/** `simulator` is a folder the demo's A4 printer writes its PDFs into. */
export function a4Printer(config: A4PrinterConfig, options: { simulatorDir: string }): OpenedA4Printer {
  if (config.transport === 'ipp') return { printer: new IppDocumentPrinter(config.url), device: config.url };
  const printer = new FileDocumentPrinter(options.simulatorDir);
  return { printer, device: printer.uri };
}
