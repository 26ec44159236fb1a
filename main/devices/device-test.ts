import { performance } from 'node:perf_hooks';
import type { DevicesConfig } from '../../contract/terminal/devices';
import { maskIdNumber } from '../../contract/identity/id-number';
import { a4Printer, idCardReader, openScanner, qrScanner, receiptPrinter } from '../../drivers/factory';
import type { CardRead, IdCardReader, ReaderState } from '../../drivers/idcard';
import type { Scan } from '../../drivers/qr';
import type { Scanner } from '../../drivers/scanner';
import type { PdfRenderer } from '../printing/render/pdf-renderer';
import { ChromiumPdfRenderer, MemoryPrintRecordSink, PRINT_MESSAGES, PrintService, receiptTestPageParts, testPageHtml, type PrintOutcome } from '../printing';
import { errorMessage } from '../../common/errors';

export interface DeviceTestStep {
  name: string;
  ok: boolean;
  ms: number;
  detail?: string;
}

/** One device's test in the technician's terms: each step with its time, then one line. */
export interface DeviceTestResult {
  role: string;
  device: string;
  ok: boolean;
  steps: DeviceTestStep[];
  summary: string;
}

export interface DeviceTestOptions {
  /** How long to wait for a card or a scan. */
  waitMs?: number;
  /** The demo's simulated reader: place this card (a simulator card id) instead of waiting for one. */
  demoCard?: string;
  /** Where the demo's simulated A4 printer keeps its PDFs. */
  demoPrintDir?: string;
  chromiumPath?: string;
}

const DEFAULT_WAIT_MS = 30_000;

/** Collects timed steps; the first failing step ends the test with its detail as the summary. */
class Steps {
  readonly steps: DeviceTestStep[] = [];
  constructor(
    readonly role: string,
    public device: string,
  ) {}

  async run<T>(name: string, action: () => Promise<T>, detail?: (value: T) => string): Promise<T> {
    const started = performance.now();
    try {
      const value = await action();
      this.steps.push({ name, ok: true, ms: Math.round(performance.now() - started), ...(detail ? { detail: detail(value) } : {}) });
      return value;
    } catch (error) {
      this.steps.push({ name, ok: false, ms: Math.round(performance.now() - started), detail: errorMessage(error) });
      throw new StepFailed(errorMessage(error));
    }
  }

  result(ok: boolean, summary: string): DeviceTestResult {
    return { role: this.role, device: this.device, ok, steps: this.steps, summary };
  }

  failed(error: unknown): DeviceTestResult {
    const detail = errorMessage(error);
    return this.result(false, detail.startsWith(this.device) ? detail : `${this.device}: ${detail}`);
  }
}

class StepFailed extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Resolves when the reader is ready (port open, SAM status answered); rejects with the reason it is not. */
function readerReady(reader: IdCardReader, ms: number): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve, reject) => {
      const check = (state: ReaderState): void => {
        if (state.state === 'ready') resolve();
        else if (state.state === 'error') reject(new Error(state.reason));
        // The reader reopens a vanished port with backoff; for a test the first failure is the answer.
        else if (state.state === 'disconnected' && state.reason !== 'not opened') reject(new Error(state.reason));
      };
      reader.on('state', check);
    }),
    ms,
    `${reader.device}: no answer to SAM status`,
  );
}

/** The reader's next card; a running terminal's reader outlives the test, so nothing of it stays attached. */
async function waitForCard(reader: IdCardReader, ms: number): Promise<CardRead> {
  let onCard: ((read: CardRead) => void) | undefined;
  let onError: ((error: Error) => void) | undefined;
  try {
    return await withTimeout(
      new Promise<CardRead>((resolve, reject) => {
        onCard = resolve;
        onError = reject;
        reader.on('card', resolve);
        reader.on('error', reject);
      }),
      ms,
      `${reader.device}: no card placed`,
    );
  } finally {
    if (onCard) reader.off('card', onCard);
    if (onError) reader.off('error', onError);
  }
}

/** Name and masked ID number only: the full number is never shown or logged. */
export function maskedIdentity(read: CardRead): string {
  return `${read.identity.name} ${maskIdNumber(read.identity.idNumber)}`;
}

export async function testIdCardReader(config: DevicesConfig['idcard'], options: DeviceTestOptions = {}): Promise<DeviceTestResult> {
  if (!config) return new Steps('idcard', '(none)').result(false, 'no devices.idcard in the configuration');
  const { reader, simulator } = idCardReader(config);
  const steps = new Steps('idcard', reader.device);
  // Listened to so that a failed read reaches the test instead of being dropped.
  reader.on('error', () => undefined);
  try {
    const ready = readerReady(reader, 3000);
    await steps.run('open + SAM status', async () => {
      await reader.open();
      await ready;
    });
    await steps.run('SAM id', () => reader.samId(), (id) => id);
    const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
    const card = waitForCard(reader, waitMs);
    if (simulator && options.demoCard) simulator.place(options.demoCard);
    const read = await steps.run(`wait for a card (up to ${Math.round(waitMs / 1000)} s)`, () => card, (r) => r.identity.kind);
    return readSteps(steps, reader.device, read);
  } catch (error) {
    return steps.failed(error);
  } finally {
    await reader.close();
  }
}

export async function testQrScanners(list: DevicesConfig['qr'], which: number | undefined, options: DeviceTestOptions = {}): Promise<DeviceTestResult[]> {
  if (list.length === 0) return [new Steps('qr', '(none)').result(false, 'no devices.qr in the configuration')];
  const indices = which === undefined ? list.map((_, i) => i) : [which];
  const results: DeviceTestResult[] = [];
  for (const index of indices) {
    const config = list[index];
    const role = `qr${index + 1}`;
    if (!config) {
      results.push(new Steps(role, '(none)').result(false, `no ${role}: the configuration has ${list.length} QR scanner(s)`));
      continue;
    }
    results.push(await testQrScanner(role, config, options));
  }
  return results;
}

async function testQrScanner(role: string, config: DevicesConfig['qr'][number], options: DeviceTestOptions): Promise<DeviceTestResult> {
  const opened = await qrScanner(config);
  if (!opened) {
    return new Steps(role, 'keyboard-wedge').result(false, 'a keyboard-wedge scanner types into the focused window and has no port to test: scan a code into any text field');
  }
  const { scanner, device } = opened;
  const steps = new Steps(role, device);
  try {
    await steps.run('open', () => scanner.open());
    const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
    const scan = await steps.run(
      `wait for a scan (up to ${Math.round(waitMs / 1000)} s)`,
      () => withTimeout(new Promise<Scan>((resolve) => scanner.once('scan', resolve)), waitMs, `${device}: no scan`),
      (s) => s.payload,
    );
    return steps.result(true, `${device}: scanned ${JSON.stringify(scan.payload)}`);
  } catch (error) {
    return steps.failed(error);
  } finally {
    await opened.close();
  }
}

function outcomeDetail(outcome: PrintOutcome): string {
  if (outcome.ok) return [outcome.jobId !== undefined ? `job ${outcome.jobId}` : 'printed', ...outcome.warnings.map((k) => PRINT_MESSAGES[k].en)].join('; ');
  return `${PRINT_MESSAGES[outcome.citizenMessage].en} [${outcome.conditions.join(', ')}] ${outcome.technician}`;
}

export async function testReceiptPrinter(config: DevicesConfig['receiptPrinter']): Promise<DeviceTestResult> {
  if (!config) return new Steps('receiptPrinter', '(none)').result(false, 'no devices.receiptPrinter in the configuration');
  const opened = await receiptPrinter(config);
  const { printer } = opened;
  const steps = new Steps('receiptPrinter', printer.name);
  try {
    await steps.run('DLE EOT status', () => printer.status(), (s) =>
      `${s.raw.map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ')}: ${s.online ? 'online' : 'offline'}${s.paperOut ? ', paper out' : s.paperNearEnd ? ', paper near end' : ''}${s.coverOpen ? ', cover open' : ''}`,
    );
    const service = new PrintService({ records: new MemoryPrintRecordSink(), receiptPrinter: printer });
    const outcome = await steps.run('test ticket', async () => {
      const result = await service.printTicket(receiptTestPageParts(printer.name, new Date().toISOString()), 'test-page');
      if (!result.ok) throw new Error(outcomeDetail(result));
      return result;
    }, outcomeDetail);
    return steps.result(true, `${printer.name}: test ticket printed (${outcomeDetail(outcome)})`);
  } catch (error) {
    return steps.failed(error);
  } finally {
    await opened.close();
  }
}

/** The A4 test page, rendered and sent through a print service (which reads the printer's state first). */
async function renderAndPrintTestPage(steps: Steps, service: PrintService, renderer: PdfRenderer, device: string, printStep: string): Promise<DeviceTestResult> {
  const pdf = await steps.run('render test page', () => renderer.render(testPageHtml(device, new Date().toISOString())), (b) => `${b.length} bytes PDF`);
  const outcome = await steps.run(printStep, async () => {
    const result = await service.printPdf(pdf, 'test-page');
    if (!result.ok) throw new Error(outcomeDetail(result));
    return result;
  }, outcomeDetail);
  return steps.result(true, `${device}: test page printed (${outcomeDetail(outcome)})`);
}

export async function testA4Printer(config: DevicesConfig['a4Printer'], options: DeviceTestOptions = {}): Promise<DeviceTestResult> {
  if (!config) return new Steps('a4Printer', '(none)').result(false, 'no devices.a4Printer in the configuration');
  const { printer, device } = a4Printer(config, { simulatorDir: options.demoPrintDir ?? 'var/printed' });
  const steps = new Steps('a4Printer', device);
  const renderer = new ChromiumPdfRenderer(options.chromiumPath ? { executablePath: options.chromiumPath } : {});
  try {
    await steps.run('printer status', () => printer.status(), (s) => `${s.state}${s.conditions.length ? ` [${s.conditions.join(', ')}]` : ''}`);
    const service = new PrintService({ renderer, records: new MemoryPrintRecordSink(), a4Printer: printer });
    return await renderAndPrintTestPage(steps, service, renderer, device, 'print test page');
  } catch (error) {
    return steps.failed(error);
  } finally {
    await renderer.close();
  }
}

const TEST_SCAN_DPI = 75;

export async function testDocumentScanner(config: DevicesConfig['scanner'], options: DeviceTestOptions = {}): Promise<DeviceTestResult> {
  if (!config) return new Steps('scanner', '(none)').result(false, 'no devices.scanner in the configuration');
  let opened;
  try {
    opened = await openScanner(config);
  } catch (error) {
    return new Steps('scanner', config.transport).failed(error);
  }
  try {
    return await testOpenScanner(opened.scanner, options);
  } finally {
    await opened.close();
  }
}

/** Capabilities, then one page at a low resolution: the scanner answers and produces an image. */
export async function testOpenScanner(scanner: Scanner, options: DeviceTestOptions = {}): Promise<DeviceTestResult> {
  const steps = new Steps('scanner', scanner.description);
  try {
    await steps.run('capabilities', () => scanner.capabilities(), (c) => `${c.makeAndModel}; ${c.sources.join('/')}; ${c.resolutions.join(', ')} dpi`);
    const pages = await steps.run(
      `scan one page at ${TEST_SCAN_DPI} dpi`,
      () => scanner.scan({ resolution: TEST_SCAN_DPI, mode: 'grey', timeoutMs: options.waitMs ?? DEFAULT_WAIT_MS }),
      (p) => p.map((page) => `${page.format}, ${page.data.length} bytes, ${page.resolution} dpi`).join('; '),
    );
    const first = pages[0];
    if (!first) return steps.result(false, `${scanner.description}: the scan returned no page`);
    return steps.result(true, `${scanner.description}: scanned a ${first.format} page of ${first.data.length} bytes at ${first.resolution} dpi`);
  } catch (error) {
    return steps.failed(error);
  }
}

/**
 * The ID reader the terminal already polls: its SAM id, then the next card it reads. The port
 * stays the reader loop's; the test only listens and asks between polls.
 */
export async function testOpenIdCardReader(reader: IdCardReader, options: DeviceTestOptions = {}): Promise<DeviceTestResult> {
  const steps = new Steps('idcard', reader.device);
  try {
    await steps.run('reader state', async () => {
      if (reader.state.state !== 'ready') throw new Error(`${reader.device}: ${reader.state.state}${'reason' in reader.state ? `: ${reader.state.reason}` : ''}`);
    }, () => 'ready (port open, SAM status answered)');
    await steps.run('SAM id', () => reader.samId(), (id) => id);
    const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
    const read = await steps.run(`wait for a card (up to ${Math.round(waitMs / 1000)} s)`, () => waitForCard(reader, waitMs), (r) => r.identity.kind);
    return readSteps(steps, reader.device, read);
  } catch (error) {
    return steps.failed(error);
  }
}

function readSteps(steps: Steps, device: string, read: CardRead): DeviceTestResult {
  steps.steps.push({ name: 'select card', ok: true, ms: Math.round(read.timings.selectMs) });
  steps.steps.push({ name: 'read text + photo', ok: true, ms: Math.round(read.timings.readMs) });
  steps.steps.push({ name: 'decode', ok: true, ms: Math.round(read.timings.totalMs), detail: maskedIdentity(read) });
  return steps.result(true, `${device}: read ${maskedIdentity(read)} in ${Math.round(read.timings.totalMs)} ms`);
}

/** A receipt printer behind the terminal's print service: the test ticket, with the status the service reads first. */
export async function testReceiptThroughService(service: PrintService, device: string): Promise<DeviceTestResult> {
  const steps = new Steps('receiptPrinter', device);
  try {
    const outcome = await steps.run('DLE EOT status + test ticket', async () => {
      const result = await service.printTicket(receiptTestPageParts(device, new Date().toISOString()), 'test-page');
      if (!result.ok) throw new Error(outcomeDetail(result));
      return result;
    }, outcomeDetail);
    return steps.result(true, `${device}: test ticket printed (${outcomeDetail(outcome)})`);
  } catch (error) {
    return steps.failed(error);
  }
}

/** An A4 printer behind the terminal's print service: render the test page, then print it (the service reads the status). */
export async function testA4ThroughService(service: PrintService, renderer: PdfRenderer, device: string): Promise<DeviceTestResult> {
  const steps = new Steps('a4Printer', device);
  try {
    return await renderAndPrintTestPage(steps, service, renderer, device, 'printer status + print test page');
  } catch (error) {
    return steps.failed(error);
  }
}

/** A role the live test cannot reach without taking the device from the terminal: says why. */
export function notTestableLive(role: string, device: string, why: string): DeviceTestResult {
  return new Steps(role, device).result(false, why);
}

/** The report a technician reads: one line per step with its time, then the summary. */
export function formatDeviceTest(result: DeviceTestResult): string {
  const lines = [`${result.role} — ${result.device}`];
  for (const step of result.steps) lines.push(`  ${step.ok ? 'ok  ' : 'FAIL'} ${step.name.padEnd(34)} ${String(step.ms).padStart(6)} ms${step.detail ? `  ${step.detail}` : ''}`);
  lines.push(`${result.ok ? 'OK' : 'FAILED'}: ${result.summary}`);
  return `${lines.join('\n')}\n`;
}
