import type { ReceiptCondition, ReceiptPrinterStatus } from './status';

/** A receipt printer as the print service sees it: status first, then bytes. */
export interface ReceiptPrinter {
  readonly name: string;
  status(): Promise<ReceiptPrinterStatus>;
  /** Writes a job; refuses (ReceiptPrinterError) when the status read just before shows a blocking condition. */
  print(job: Buffer): Promise<{ statusBefore: ReceiptPrinterStatus }>;
  close(): Promise<void>;
}

export type ReceiptErrorCode = 'not-ready' | 'no-answer' | 'bad-answer' | 'port';

export class ReceiptPrinterError extends Error {
  constructor(
    readonly code: ReceiptErrorCode,
    readonly printer: string,
    detail: string,
    readonly conditions: ReceiptCondition[] = [],
    options?: { cause?: unknown },
  ) {
    super(`${printer}: ${detail}`, options);
    this.name = 'ReceiptPrinterError';
  }
}
