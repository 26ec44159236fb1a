import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { topCommand } from '../top-command';
import { EscPosSimulator, SerialReceiptPrinter, openPtyPair, type SimulatedPaperState } from '../../../drivers/escpos';
import { IppDocumentPrinter } from '../../../drivers/ipp';
import {
  ChromiumPdfRenderer,
  DOCUMENT_KINDS,
  DocumentDataError,
  MemoryPrintRecordSink,
  PRINT_MESSAGES,
  PrintService,
  demoCertificate,
  demoDocument,
  documentHtml,
  documentPageOptions,
  receiptTestPageParts,
  testPageHtml,
  type DocumentKind,
  type PrintOutcome,
  type PdfPageOptions,
  type PrintableDocument,
} from '../../printing';
import { CliError } from '../cli-error';
import { configFromOptions, withConfigOptions } from '../load-config-option';
import { errorMessage } from '../../../common/errors';

const TEMPLATE_ALIASES: Record<string, DocumentKind | 'test-page'> = {
  certificate: 'contribution-certificate',
  receipt: 'case-receipt',
  'test-page': 'test-page',
  ...Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, k])),
};

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** `ipp://…`/`ipps://…` is an A4 printer, `serial:/dev/…` a receipt printer; without one, the configured A4 printer. */
function resolvePrinter(options: { printer?: string; config?: string; set: string[] }): { kind: 'a4'; uri: string } | { kind: 'receipt'; path: string } {
  const given = options.printer ?? (() => {
    const { config } = configFromOptions(options);
    const a4 = config.devices.a4Printer;
    if (!a4) throw new CliError('no --printer given and no devices.a4Printer in the configuration');
    if (a4.transport !== 'ipp') throw new CliError('devices.a4Printer is the demo simulator (PDF files): give --printer ipp://… to test a real printer');
    return a4.url;
  })();
  if (/^ipps?:\/\//.test(given)) return { kind: 'a4', uri: given };
  if (given.startsWith('serial:')) return { kind: 'receipt', path: given.slice('serial:'.length) };
  throw new CliError(`--printer ${given}: expected ipp://host[:port]/path, ipps://… or serial:/dev/ttyUSB0`);
}

function reportOutcome(outcome: PrintOutcome, printer: string): void {
  if (outcome.ok) {
    print({ ok: true, printer, ...(outcome.jobId !== undefined ? { jobId: outcome.jobId } : {}), warnings: outcome.warnings.map((k) => PRINT_MESSAGES[k].en) });
    return;
  }
  throw new CliError(`${printer}: ${PRINT_MESSAGES[outcome.citizenMessage].en} [${outcome.conditions.join(', ')}] ${outcome.technician}`);
}

async function testPage(options: { printer?: string; config?: string; set: string[] }): Promise<void> {
  const target = resolvePrinter(options);
  const at = new Date().toISOString();
  if (target.kind === 'receipt') {
    const printer = new SerialReceiptPrinter({ path: target.path });
    try {
      const service = new PrintService({ records: new MemoryPrintRecordSink(), receiptPrinter: printer });
      reportOutcome(await service.printTicket(receiptTestPageParts(printer.name, at), 'test-page'), `serial:${target.path}`);
    } finally {
      await printer.close();
    }
    return;
  }
  const renderer = new ChromiumPdfRenderer();
  try {
    const service = new PrintService({ renderer, records: new MemoryPrintRecordSink(), a4Printer: new IppDocumentPrinter(target.uri) });
    reportOutcome(await service.printPdf(await renderer.render(testPageHtml(target.uri, at)), 'test-page'), target.uri);
  } finally {
    await renderer.close();
  }
}

async function status(options: { printer?: string; config?: string; set: string[] }): Promise<void> {
  const target = resolvePrinter(options);
  if (target.kind === 'a4') {
    print(await new IppDocumentPrinter(target.uri).status().catch((error: Error) => Promise.reject(new CliError(error.message))));
    return;
  }
  const printer = new SerialReceiptPrinter({ path: target.path });
  try {
    print(await printer.status().catch((error: Error) => Promise.reject(new CliError(error.message))));
  } finally {
    await printer.close();
  }
}

async function render(template: string, options: { out: string; data?: string; months?: string }): Promise<void> {
  const kind = TEMPLATE_ALIASES[template];
  if (!kind) throw new CliError(`unknown template ${template}: one of ${Object.keys(TEMPLATE_ALIASES).join(', ')}`);
  let html: string;
  let pageOptions: PdfPageOptions | undefined;
  if (kind === 'test-page') {
    html = testPageHtml('(rendered by tongban print render)', new Date().toISOString());
  } else {
    let document: PrintableDocument;
    if (options.data) {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(options.data, 'utf8'));
      } catch (error) {
        throw new CliError(`--data ${options.data}: ${errorMessage(error)}`);
      }
      document = { kind, data } as PrintableDocument;
    } else if (kind === 'contribution-certificate' && options.months) {
      const months = Number(options.months);
      if (!Number.isInteger(months) || months < 1 || months > 600) throw new CliError(`--months ${options.months}: a whole number from 1 to 600`);
      document = { kind, data: demoCertificate(months) };
    } else {
      document = demoDocument(kind);
    }
    try {
      html = await documentHtml(document);
      pageOptions = documentPageOptions(document);
    } catch (error) {
      if (error instanceof DocumentDataError) throw new CliError(`--data ${options.data}: ${error.message}`);
      throw error;
    }
  }
  const renderer = new ChromiumPdfRenderer();
  try {
    const pdf = await renderer.render(html, pageOptions);
    writeFileSync(options.out, pdf);
    print({ template: kind, out: path.resolve(options.out), bytes: pdf.length });
  } finally {
    await renderer.close();
  }
}

const out = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};

const SIM_COMMANDS: Record<string, Partial<SimulatedPaperState>> = {
  'paper out': { paperOut: true },
  'paper near-end': { paperOut: false, paperNearEnd: true },
  'paper ok': { paperOut: false, paperNearEnd: false },
  'cover open': { coverOpen: true },
  'cover close': { coverOpen: false },
  offline: { offline: true },
  online: { offline: false },
  status: {},
};

/**
 * The same conversation as the other simulators (`tongban sim idcard`, `sim qr`): one JSON line
 * naming the device, then one JSON line per command answered and per ticket printed.
 */
async function simEscpos(options: { link?: string }): Promise<void> {
  let pty;
  try {
    pty = await openPtyPair(options.link ? { hostLink: options.link } : {});
  } catch (error) {
    throw new CliError(errorMessage(error));
  }
  const simulator = new EscPosSimulator();
  await simulator.open(pty.devicePath);
  simulator.on('ticket', (ticket) => out({ ticket }));
  simulator.on('event', (event) => {
    if (event.type === 'unknown') out({ unknownCommand: event.bytes });
  });
  out({ device: pty.hostPath, state: simulator.state });
  const lines = createInterface({ input: process.stdin, terminal: false });
  const stop = () => lines.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for await (const line of lines) {
    const command = line.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!command) continue;
    if (command === 'quit' || command === 'exit') break;
    const change = SIM_COMMANDS[command];
    if (!change) {
      out({ ok: false, command, error: `unknown command "${command}"; commands: ${Object.keys(SIM_COMMANDS).join(', ')}, quit` });
      continue;
    }
    simulator.set(change);
    out({ ok: true, command, state: simulator.state, printed: simulator.tickets.length, discarded: simulator.discardedEvents });
  }
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await simulator.close();
  await pty.close();
}

export function register(program: Command): void {
  const printCommand = topCommand(program, 'print');
  withConfigOptions(
    printCommand
      .command('test-page')
      .description('print a test page on an A4 printer (ipp://…) or a receipt printer (serial:/dev/…); default: the configured A4 printer')
      .option('--printer <uri>', 'ipp://host:631/ipp/print, ipps://…, or serial:/dev/ttyUSB0'),
  ).action(testPage);
  withConfigOptions(
    printCommand
      .command('status')
      .description("read a printer's state (IPP printer-state and reasons, or ESC/POS real-time status) as JSON")
      .option('--printer <uri>', 'ipp://host:631/ipp/print, ipps://…, or serial:/dev/ttyUSB0'),
  ).action(status);
  printCommand
    .command('render')
    .description(`render a document template to PDF: ${Object.keys(TEMPLATE_ALIASES).join(', ')}`)
    .argument('<template>', 'which document')
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .option('--data <file.json>', "the document's data as JSON (default: the fictional demo data, watermarked SAMPLE)")
    .option('--months <n>', 'with the demo certificate: how many months of contributions')
    .action(render);

  const sim = topCommand(program, 'sim');
  sim
    .command('escpos')
    .description(
      'act as an ESC/POS receipt printer on a socat pty; prints {"device": PATH, "state": {...}} as one JSON line, then {"ticket": {lines, qrCodes}} ' +
        'for each ticket cut, and reads commands on stdin: paper out, paper near-end, paper ok, cover open, cover close, offline, online, status, quit',
    )
    .option('--link <path>', 'path of the pty link the terminal opens (default: a temporary path)')
    .action(simEscpos);
}
