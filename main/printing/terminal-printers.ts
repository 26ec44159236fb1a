import path from 'node:path';
import type { DevicesConfig } from '../../contract/terminal/devices';
import { a4Printer, receiptPrinter } from '../../drivers/factory';
import type { Logger } from '../logging/logger';
import type { PrintLog } from '../store/print-log';
import { PrintService } from './print-service';
import type { PdfRenderer } from './render/pdf-renderer';
import { ThreadedPdfRenderer } from './render/threaded-renderer';
import { StorePrintRecordSink } from './store-record-sink';

export interface TerminalPrinting {
  service: PrintService;
  /** The renderer the service makes PDFs with, for the setup screen's test page. */
  renderer: PdfRenderer;
  stop(): Promise<void>;
}

/**
 * The printers the configuration names (opened by the device factory), behind one print
 * service: IPP for A4, ESC/POS over serial for tickets; in the demo site a folder of PDFs and
 * the ESC/POS simulator on a pty.
 */
export async function startTerminalPrinting(options: {
  devices: DevicesConfig;
  dataDir: string;
  printLog: PrintLog;
  chromiumPath: string;
  /** How long the PDF browser outlives its last document (0: for good). */
  pdfBrowserIdleSeconds: number;
  renderer?: PdfRenderer;
  log: Logger;
}): Promise<TerminalPrinting> {
  const stops: Array<() => Promise<void>> = [];
  const a4 = options.devices.a4Printer ? a4Printer(options.devices.a4Printer, { simulatorDir: path.join(options.dataDir, 'printed') }).printer : undefined;
  const receipt = options.devices.receiptPrinter ? await receiptPrinter(options.devices.receiptPrinter) : undefined;
  if (receipt) stops.push(() => receipt.close());
  receipt?.simulator?.on('ticket', (ticket) => options.log.info({ lines: ticket.lines.length }, 'demo receipt printer cut a ticket'));

  const renderer =
    options.renderer ??
    new ThreadedPdfRenderer({ executablePath: options.chromiumPath, ...(options.pdfBrowserIdleSeconds > 0 ? { idleCloseMs: options.pdfBrowserIdleSeconds * 1000 } : {}) });
  stops.push(() => renderer.close());
  const service = new PrintService({
    renderer,
    ...(a4 ? { a4Printer: a4 } : {}),
    ...(receipt ? { receiptPrinter: receipt.printer } : {}),
    records: new StorePrintRecordSink(options.printLog),
  });
  return {
    service,
    renderer,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
