import type ipp from 'ipp';
import type { IppGroup, IppRequest, IppResponse } from 'ipp';
import {
  PrinterError,
  type DocumentPrinter,
  type DocumentPrinterStatus,
  type PrintJobOutcome,
  type PrintJobProgress,
  type PrintJobRequest,
} from './document-printer';
import { BLOCKING_CONDITIONS, conditionOf, parseReason, type PrinterCondition } from './state-reasons';
import { sleep } from '../../common/wait';
import { errorMessage } from '../../common/errors';

export interface IppPrinterOptions {
  /** How long one IPP request may take before the printer counts as unreachable. */
  requestTimeoutMs?: number;
  /** How long a job may take from acceptance to completion. */
  jobTimeoutMs?: number;
  pollIntervalMs?: number;
  requestingUser?: string;
}

const FINAL_JOB_STATES = new Set(['completed', 'aborted', 'canceled']);

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Printer and job state enums arrive as keywords from the `ipp` parser, or as numbers from some printers. */
const PRINTER_STATES: Record<string, DocumentPrinterStatus['state']> = { '3': 'idle', '4': 'processing', '5': 'stopped', idle: 'idle', processing: 'processing', stopped: 'stopped' };
const JOB_STATES: Record<string, string> = { '3': 'pending', '4': 'pending-held', '5': 'processing', '6': 'processing-stopped', '7': 'canceled', '8': 'aborted', '9': 'completed' };

/**
 * An IPP/IPP Everywhere printer (`ipp://host:631/ipp/print`) through the `ipp` package:
 * Get-Printer-Attributes before a job, Print-Job with the PDF, Get-Job-Attributes until the
 * job ends. A job the printer stops on (no paper, a jam) is cancelled, so that it does not
 * come out later beside the reprint a member of staff makes.
 */
export class IppDocumentPrinter implements DocumentPrinter {
  private printer: ReturnType<typeof ipp.Printer> | undefined;
  private readonly requestTimeoutMs: number;
  private readonly jobTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly requestingUser: string;

  constructor(
    readonly uri: string,
    options: IppPrinterOptions = {},
  ) {
    if (!/^ipps?:\/\/[^/]+/.test(uri)) throw new PrinterError('protocol', uri, 'configure', 'expected an ipp:// or ipps:// URL');
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.jobTimeoutMs = options.jobTimeoutMs ?? 180_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.requestingUser = options.requestingUser ?? 'tongban';
  }

  /** The `ipp` package loads with the first request, not with the terminal. */
  private async connection(): Promise<ReturnType<typeof ipp.Printer>> {
    if (!this.printer) {
      const { default: ippPackage } = await import('ipp');
      // The `ipp` package speaks HTTP for ipp:// and HTTPS for ipps://, defaulting to port 631.
      this.printer = ippPackage.Printer(this.uri, { uri: this.uri });
    }
    return this.printer;
  }

  private async execute(operation: string, message: IppRequest | null): Promise<IppResponse> {
    const printer = await this.connection();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new PrinterError('timeout', this.uri, operation, `no answer within ${this.requestTimeoutMs} ms`)),
        this.requestTimeoutMs,
      );
      try {
        printer.execute(operation, message, (error, response) => {
          clearTimeout(timer);
          if (error) {
            reject(new PrinterError('unreachable', this.uri, operation, error.message || String(error), { cause: error }));
          } else if (!/^successful-ok/.test(response.statusCode)) {
            const detail = list((response['operation-attributes-tag'] ?? {})['status-message']).join('; ');
            reject(new PrinterError('rejected', this.uri, operation, `${response.statusCode}${detail ? ` (${detail})` : ''}`));
          } else {
            resolve(response);
          }
        });
      } catch (error) {
        clearTimeout(timer);
        reject(new PrinterError('protocol', this.uri, operation, errorMessage(error), { cause: error }));
      }
    });
  }

  async status(): Promise<DocumentPrinterStatus> {
    const response = await this.execute('Get-Printer-Attributes', {
      'operation-attributes-tag': {
        'requested-attributes': ['printer-state', 'printer-state-reasons', 'printer-is-accepting-jobs', 'printer-state-message', 'document-format-supported'],
      },
    });
    return this.statusFrom(response['printer-attributes-tag'] ?? {});
  }

  private statusFrom(attributes: IppGroup): DocumentPrinterStatus {
    const state = PRINTER_STATES[String(attributes['printer-state'])] ?? 'unknown';
    const acceptingJobs = attributes['printer-is-accepting-jobs'] !== false;
    const reasons = list(attributes['printer-state-reasons']).filter((r) => r !== 'none').map(parseReason);
    const found = new Set<PrinterCondition>();
    for (const reason of reasons) {
      const condition = conditionOf(reason);
      if (condition) found.add(condition);
    }
    if (!acceptingJobs) found.add('not-accepting');
    const documentFormats = list(attributes['document-format-supported']);
    // A printer that names its formats and leaves PDF out (PWG raster, PCL or PostScript only) cannot print our jobs;
    // application/octet-stream (auto-sense) is listed by every IPP Everywhere printer and promises nothing.
    if (documentFormats.length && !documentFormats.includes('application/pdf')) found.add('pdf-not-supported');
    if (state === 'stopped' && ![...found].some((c) => BLOCKING_CONDITIONS.has(c))) found.add('stopped');
    const conditions = [...found].sort((a, b) => Number(BLOCKING_CONDITIONS.has(b)) - Number(BLOCKING_CONDITIONS.has(a)));
    const message = list(attributes['printer-state-message'])[0];
    return {
      uri: this.uri,
      state,
      acceptingJobs,
      reasons,
      conditions,
      ready: !conditions.some((c) => BLOCKING_CONDITIONS.has(c)),
      documentFormats,
      ...(message ? { message } : {}),
    };
  }

  async print(job: PrintJobRequest, onProgress?: (progress: PrintJobProgress) => void): Promise<PrintJobOutcome> {
    const started = performance.now();
    const submitted = await this.execute('Print-Job', {
      'operation-attributes-tag': {
        'requesting-user-name': this.requestingUser,
        'job-name': job.name,
        'document-format': 'application/pdf',
      },
      data: job.pdf,
    });
    const acceptedAfterMs = performance.now() - started;
    const attributes = submitted['job-attributes-tag'] ?? {};
    const jobId = Number(attributes['job-id']);
    if (!Number.isInteger(jobId)) throw new PrinterError('protocol', this.uri, 'Print-Job', 'the answer carries no job-id');
    let state = this.jobState(attributes['job-state']);
    let reasons = list(attributes['job-state-reasons']);
    onProgress?.({ jobId, state });
    const deadline = Date.now() + this.jobTimeoutMs;
    while (!FINAL_JOB_STATES.has(state)) {
      if (state === 'processing-stopped') {
        // The printer waits for someone to fix it; staff reprint instead, so the waiting copy goes.
        await this.cancel(jobId);
        state = 'canceled';
        break;
      }
      if (Date.now() > deadline) {
        await this.cancel(jobId);
        throw new PrinterError('timeout', this.uri, 'Get-Job-Attributes', `job ${jobId} still ${state} after ${this.jobTimeoutMs} ms; cancelled`);
      }
      await sleep(this.pollIntervalMs);
      const polled = await this.execute('Get-Job-Attributes', {
        'operation-attributes-tag': { 'job-id': jobId, 'requested-attributes': ['job-state', 'job-state-reasons'] },
      });
      const next = this.jobState((polled['job-attributes-tag'] ?? {})['job-state']);
      reasons = list((polled['job-attributes-tag'] ?? {})['job-state-reasons']);
      if (next !== state) onProgress?.({ jobId, state: next });
      state = next;
    }
    const outcome: PrintJobOutcome = { jobId, state: state as PrintJobOutcome['state'], jobStateReasons: reasons, acceptedAfterMs };
    if (state !== 'completed') outcome.statusAfter = await this.status().catch(() => undefined);
    return outcome;
  }

  private jobState(value: unknown): string {
    const text = String(value);
    return JOB_STATES[text] ?? text;
  }

  private async cancel(jobId: number): Promise<void> {
    await this.execute('Cancel-Job', {
      'operation-attributes-tag': { 'job-id': jobId, 'requesting-user-name': this.requestingUser },
    }).catch(() => undefined);
  }
}
