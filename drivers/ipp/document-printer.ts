import type { PrinterCondition, PrinterReason } from './state-reasons';

/** What an A4 printer says about itself before and after a job. */
export interface DocumentPrinterStatus {
  uri: string;
  state: 'idle' | 'processing' | 'stopped' | 'unknown';
  acceptingJobs: boolean;
  reasons: PrinterReason[];
  /** Distinct conditions, blocking first. */
  conditions: PrinterCondition[];
  /** True when no blocking condition stands in the way of a job. */
  ready: boolean;
  /** What the printer says it accepts (document-format-supported); PDF must be among them. */
  documentFormats: string[];
  message?: string;
}

export interface PrintJobRequest {
  /** What the job is called on the printer's queue: a document kind and a case id, never a name. */
  name: string;
  pdf: Buffer;
}

export interface PrintJobOutcome {
  jobId: number;
  state: 'completed' | 'aborted' | 'canceled';
  jobStateReasons: string[];
  /** Milliseconds from the call to the printer's answer accepting the job. */
  acceptedAfterMs: number;
  /** The printer's status read after the job, so a failure can be explained. */
  statusAfter?: DocumentPrinterStatus;
}

export interface PrintJobProgress {
  jobId: number;
  state: string;
}

/**
 * An A4 document printer as the print service sees it. The IPP driver implements it with the
 * `ipp` package; another protocol or library fits behind the same three calls.
 */
export interface DocumentPrinter {
  readonly uri: string;
  status(): Promise<DocumentPrinterStatus>;
  /** Submits the PDF and follows the job until the printer says it is done or failed. */
  print(job: PrintJobRequest, onProgress?: (progress: PrintJobProgress) => void): Promise<PrintJobOutcome>;
}

export type PrinterErrorCode = 'unreachable' | 'rejected' | 'timeout' | 'protocol';

/** A printer that could not be asked or refused the job: carries the printer, the operation and its answer. */
export class PrinterError extends Error {
  constructor(
    readonly code: PrinterErrorCode,
    readonly uri: string,
    readonly operation: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${uri} ${operation}: ${detail}`, options);
    this.name = 'PrinterError';
  }
}
