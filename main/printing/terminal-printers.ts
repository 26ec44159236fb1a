import path from 'node:path';
import type { DevicesConfig } from '../../contract/terminal/devices';
import { EscPosSimulator, SerialReceiptPrinter, openPtyPair, type ReceiptPrinter } from '../../drivers/escpos';
import { FileDocumentPrinter } from '../../drivers/file-printer/file-document-printer';
import { IppDocumentPrinter, type DocumentPrinter } from '../../drivers/ipp';
import type { Logger } from '../logging/logger';
import type { PrintLog } from '../store/print-log';
import { PrintService } from './print-service';
import { ChromiumPdfRenderer } from './render/chromium-renderer';
import type { PdfRenderer } from './render/pdf-renderer';
import { StorePrintRecordSink } from './store-record-sink';

export interface TerminalPrinting {
  service: PrintService;
  /** The demo's A4 printer, when it is the simulated one (the demo panel can empty its tray). */
  demoA4?: FileDocumentPrinter;
  /** The demo's receipt printer simulator, when one runs. */
  demoReceipt?: EscPosSimulator;
  /** The renderer the service makes PDFs with, for the setup screen's test page. */
  renderer: PdfRenderer;
  stop(): Promise<void>;
}

/**
 * The printers the configuration names, behind one print service: IPP for A4, ESC/POS over
 * serial for tickets; in the demo site a folder of PDFs and the ESC/POS simulator on a pty.
 */
export async function startTerminalPrinting(options: {
  devices: DevicesConfig;
  dataDir: string;
  printLog: PrintLog;
  chromiumPath: string;
  renderer?: PdfRenderer;
  log: Logger;
}): Promise<TerminalPrinting> {
  const stops: Array<() => Promise<void>> = [];
  let a4Printer: DocumentPrinter | undefined;
  let demoA4: FileDocumentPrinter | undefined;
  const a4 = options.devices.a4Printer;
  if (a4?.transport === 'ipp') a4Printer = new IppDocumentPrinter(a4.url);
  else if (a4?.transport === 'simulator') a4Printer = demoA4 = new FileDocumentPrinter(path.join(options.dataDir, 'printed'));

  let receiptPrinter: ReceiptPrinter | undefined;
  let demoReceipt: EscPosSimulator | undefined;
  const receipt = options.devices.receiptPrinter;
  if (receipt?.transport === 'serial') receiptPrinter = new SerialReceiptPrinter({ path: receipt.path, baudRate: receipt.baudRate });
  else if (receipt?.transport === 'simulator') {
    const pair = await openPtyPair();
    demoReceipt = new EscPosSimulator();
    await demoReceipt.open(pair.devicePath);
    receiptPrinter = new SerialReceiptPrinter({ path: pair.hostPath });
    const simulator = demoReceipt;
    stops.push(() => pair.close(), () => simulator.close());
    demoReceipt.on('ticket', (ticket) => options.log.info({ lines: ticket.lines.length }, 'demo receipt printer cut a ticket'));
  }

  const renderer = options.renderer ?? new ChromiumPdfRenderer({ executablePath: options.chromiumPath });
  stops.push(() => renderer.close());
  const service = new PrintService({
    renderer,
    ...(a4Printer ? { a4Printer } : {}),
    ...(receiptPrinter ? { receiptPrinter } : {}),
    records: new StorePrintRecordSink(options.printLog),
  });
  return {
    service,
    renderer,
    ...(demoA4 ? { demoA4 } : {}),
    ...(demoReceipt ? { demoReceipt } : {}),
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
