import { randomUUID } from 'node:crypto';
import { BLOCKING_CONDITIONS, PrinterError, type DocumentPrinter, type DocumentPrinterStatus } from '../../drivers/ipp';
import { ReceiptPrinterError, encodeTicket, receiptConditions, type ReceiptPrinter, type TicketPart } from '../../drivers/escpos';
import type { PrintableDocument } from './documents';
import { MemoryFailedJobStore, type FailedJob, type FailedJobStore } from './failed-jobs';
import { a4CitizenMessage, a4StaffWarnings, receiptCitizenMessage, receiptStaffWarnings, type PrintMessageKey } from './messages';
import type { PrintRecord, PrintRecordSink } from './records';
import type { PdfRenderer } from './render/pdf-renderer';
import { documentHtml, documentPageOptions } from './templates';
import { errorMessage } from '../../common/errors';

export interface PrintServiceOptions {
  /** Needed for documents; a service that only prints tickets or ready PDFs can do without. */
  renderer?: PdfRenderer;
  a4Printer?: DocumentPrinter;
  receiptPrinter?: ReceiptPrinter;
  records: PrintRecordSink;
  failedJobs?: FailedJobStore;
  now?: () => Date;
}

export type PrintOutcome =
  | { ok: true; recordId: string; jobId?: number; warnings: PrintMessageKey[] }
  | {
      ok: false;
      recordId: string;
      /** Present when the job was kept for staff to reprint. */
      failedJobId?: string;
      /** For the citizen's screen, through the UI's i18n table. */
      citizenMessage: PrintMessageKey;
      /** Always shown with it: what happens now. */
      nextStep?: PrintMessageKey;
      /** For the technician: the printer and its reasons, never shown to a citizen. */
      technician: string;
      conditions: string[];
    };

interface Attempt {
  what: string;
  caseId?: string;
  reprintOf?: string;
}

/**
 * Prints documents on the A4 printer and tickets on the receipt printer, asking each printer
 * for its state first, recording every attempt (without personal data) and keeping what did
 * not print so staff can print it again.
 */
export class PrintService {
  private readonly failed: FailedJobStore;
  private readonly now: () => Date;

  constructor(private readonly options: PrintServiceOptions) {
    this.failed = options.failedJobs ?? new MemoryFailedJobStore();
    this.now = options.now ?? (() => new Date());
  }

  async printDocument(document: PrintableDocument, context: { caseId?: string } = {}): Promise<PrintOutcome> {
    const attempt: Attempt = { what: document.kind, ...(context.caseId ? { caseId: context.caseId } : {}) };
    const started = performance.now();
    let pdf: Buffer;
    try {
      if (!this.options.renderer) throw new Error('no PDF renderer is configured');
      pdf = await this.options.renderer.render(await documentHtml(document), documentPageOptions(document));
    } catch (error) {
      const recordId = await this.record(attempt, { kind: 'a4', name: this.options.a4Printer?.uri ?? 'none' }, 'failed', ['render-failed'], started);
      return { ok: false, recordId, citizenMessage: 'print.renderFailed', technician: errorMessage(error), conditions: ['render-failed'] };
    }
    return this.sendPdf(pdf, attempt, started);
  }

  /** Prints an already rendered PDF (the technician's test page, or a document rendered elsewhere). */
  async printPdf(pdf: Buffer, what: string, context: { caseId?: string } = {}): Promise<PrintOutcome> {
    return this.sendPdf(pdf, { what, ...(context.caseId ? { caseId: context.caseId } : {}) }, performance.now());
  }

  async printTicket(parts: readonly TicketPart[], what: string, context: { caseId?: string } = {}): Promise<PrintOutcome> {
    return this.sendTicket(await encodeTicket(parts), { what, ...(context.caseId ? { caseId: context.caseId } : {}) }, performance.now());
  }

  /**
   * Whether the A4 printer could print now, in the citizen's words when it could not: asked
   * before a service that ends in paper starts, so nobody fills a form for a printer out of paper.
   */
  async a4Readiness(): Promise<{ ready: true } | { ready: false; message: PrintMessageKey }> {
    const printer = this.options.a4Printer;
    if (!printer) return { ready: false, message: 'print.a4.unavailable' };
    try {
      const status = await printer.status();
      return status.ready ? { ready: true } : { ready: false, message: a4CitizenMessage(status.conditions) };
    } catch {
      return { ready: false, message: 'print.a4.unavailable' };
    }
  }

  async failedJobs(): Promise<Omit<FailedJob, 'bytes'>[]> {
    return (await this.failed.list()).map(({ bytes: _bytes, ...job }) => job);
  }

  /** Staff print a kept job again; on success it leaves the list, on failure it stays with its count raised. */
  async reprint(failedJobId: string): Promise<PrintOutcome> {
    const job = await this.failed.get(failedJobId);
    if (!job) throw new Error(`no failed print job ${failedJobId}`);
    const attempt: Attempt = { what: job.what, reprintOf: job.recordId, ...(job.caseId ? { caseId: job.caseId } : {}) };
    const outcome = job.printer === 'a4' ? await this.sendPdf(job.bytes, attempt, performance.now(), job) : await this.sendTicket(job.bytes, attempt, performance.now(), job);
    if (outcome.ok) await this.failed.remove(job.id);
    return outcome;
  }

  async discardFailedJob(failedJobId: string): Promise<void> {
    await this.failed.remove(failedJobId);
  }

  private async sendPdf(pdf: Buffer, attempt: Attempt, started: number, retried?: FailedJob): Promise<PrintOutcome> {
    const printer = this.options.a4Printer;
    const printerRef = { kind: 'a4' as const, name: printer?.uri ?? 'none' };
    if (!printer) {
      return this.fail(attempt, printerRef, 'refused', ['not-configured'], 'print.a4.unavailable', 'no A4 printer is configured', pdf, started, retried);
    }
    let before: DocumentPrinterStatus;
    try {
      before = await printer.status();
    } catch (error) {
      return this.fail(attempt, printerRef, 'refused', [errorCode(error)], 'print.a4.unavailable', errorMessage(error), pdf, started, retried);
    }
    if (!before.ready) {
      return this.fail(attempt, printerRef, 'refused', before.conditions, a4CitizenMessage(before.conditions), technicianStatus(before), pdf, started, retried);
    }
    try {
      const outcome = await printer.print({ name: jobName(attempt), pdf });
      if (outcome.state === 'completed') {
        const recordId = await this.record(attempt, printerRef, 'printed', before.conditions, started, outcome.jobId);
        return { ok: true, recordId, jobId: outcome.jobId, warnings: a4StaffWarnings(before.conditions) };
      }
      // A job that ended badly is explained by the printer's state afterwards when it shows a cause (no paper, a jam).
      const after = outcome.statusAfter;
      const explained = after?.conditions.some((c) => BLOCKING_CONDITIONS.has(c)) ? after.conditions : undefined;
      const conditions: string[] = explained ?? [`job-${outcome.state}`];
      const citizen = explained ? a4CitizenMessage(explained) : 'print.a4.jobFailed';
      const technician = `job ${outcome.jobId} ${outcome.state} (${outcome.jobStateReasons.join(', ') || 'no reasons'})${after ? `; ${technicianStatus(after)}` : ''}`;
      return this.fail(attempt, printerRef, 'failed', conditions, citizen, technician, pdf, started, retried, outcome.jobId);
    } catch (error) {
      return this.fail(attempt, printerRef, 'failed', [errorCode(error)], 'print.a4.jobFailed', errorMessage(error), pdf, started, retried);
    }
  }

  private async sendTicket(bytes: Buffer, attempt: Attempt, started: number, retried?: FailedJob): Promise<PrintOutcome> {
    const printer = this.options.receiptPrinter;
    const printerRef = { kind: 'receipt' as const, name: printer?.name ?? 'none' };
    if (!printer) {
      return this.fail(attempt, printerRef, 'refused', ['not-configured'], 'print.receipt.unavailable', 'no receipt printer is configured', bytes, started, retried);
    }
    try {
      const { statusBefore } = await printer.print(bytes);
      const conditions = receiptConditions(statusBefore);
      const recordId = await this.record(attempt, printerRef, 'printed', conditions, started);
      return { ok: true, recordId, warnings: receiptStaffWarnings(conditions) };
    } catch (error) {
      if (error instanceof ReceiptPrinterError && error.code === 'not-ready') {
        return this.fail(attempt, printerRef, 'refused', error.conditions, receiptCitizenMessage(error.conditions), error.message, bytes, started, retried);
      }
      return this.fail(attempt, printerRef, 'failed', [errorCode(error)], 'print.receipt.unavailable', errorMessage(error), bytes, started, retried);
    }
  }

  private async fail(
    attempt: Attempt,
    printer: PrintRecord['printer'],
    result: 'refused' | 'failed',
    conditions: readonly string[],
    citizenMessage: PrintMessageKey,
    technician: string,
    bytes: Buffer,
    started: number,
    retried: FailedJob | undefined,
    jobId?: number,
  ): Promise<PrintOutcome> {
    const recordId = await this.record(attempt, printer, result, conditions, started, jobId);
    const job: FailedJob = retried
      ? { ...retried, recordId, failedAt: this.now().toISOString(), conditions: [...conditions], attempts: retried.attempts + 1 }
      : {
          id: randomUUID(),
          recordId,
          what: attempt.what,
          ...(attempt.caseId ? { caseId: attempt.caseId } : {}),
          printer: printer.kind,
          failedAt: this.now().toISOString(),
          conditions: [...conditions],
          bytes,
          attempts: 1,
        };
    await this.failed.put(job);
    return { ok: false, recordId, failedJobId: job.id, citizenMessage, nextStep: 'print.keptForReprint', technician, conditions: [...conditions] };
  }

  private async record(
    attempt: Attempt,
    printer: PrintRecord['printer'],
    result: PrintRecord['result'],
    conditions: readonly string[],
    started: number,
    jobId?: number,
  ): Promise<string> {
    const record: PrintRecord = {
      id: randomUUID(),
      at: this.now().toISOString(),
      what: attempt.what,
      ...(attempt.caseId ? { caseId: attempt.caseId } : {}),
      printer,
      result,
      conditions: [...conditions],
      ...(jobId !== undefined ? { jobId } : {}),
      ...(attempt.reprintOf ? { reprintOf: attempt.reprintOf } : {}),
      durationMs: Math.round(performance.now() - started),
    };
    await this.options.records.append(record);
    return record.id;
  }
}

/** The printer's queue shows what and for which case, never who. */
function jobName(attempt: Attempt): string {
  return attempt.caseId ? `${attempt.what} ${attempt.caseId}` : attempt.what;
}

function technicianStatus(status: DocumentPrinterStatus): string {
  const reasons = status.reasons.map((r) => r.raw).join(', ') || 'none';
  const formats = status.conditions.includes('pdf-not-supported') ? `, document-format-supported ${status.documentFormats.join(', ')} (no application/pdf)` : '';
  return `${status.uri}: printer-state ${status.state}, accepting-jobs ${status.acceptingJobs}, printer-state-reasons ${reasons}${formats}${status.message ? `, message "${status.message}"` : ''}`;
}

function errorCode(error: unknown): string {
  if (error instanceof PrinterError) return `printer-${error.code}`;
  if (error instanceof ReceiptPrinterError) return `receipt-${error.code}`;
  return 'error';
}
