import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentPrinter, DocumentPrinterStatus, PrintJobOutcome, PrintJobRequest } from '../ipp/document-printer';

/**
 * The demo site's A4 printer: keeps each job as a PDF file in a folder, so demos and training
 * show what would come out of a real printer. It can be told it is out of paper, to rehearse
 * what a citizen then sees.
 */
export class FileDocumentPrinter implements DocumentPrinter {
  readonly uri: string;
  #paperOut = false;
  #nextJob = 1;

  constructor(readonly directory: string) {
    this.uri = `file://${path.resolve(directory)}`;
  }

  setPaperOut(paperOut: boolean): void {
    this.#paperOut = paperOut;
  }

  async status(): Promise<DocumentPrinterStatus> {
    const reasons = this.#paperOut ? [{ raw: 'media-empty-error', keyword: 'media-empty', severity: 'error' as const }] : [];
    return {
      uri: this.uri,
      state: this.#paperOut ? 'stopped' : 'idle',
      acceptingJobs: true,
      reasons,
      conditions: this.#paperOut ? ['media-empty'] : [],
      ready: !this.#paperOut,
      documentFormats: ['application/pdf'],
    };
  }

  async print(job: PrintJobRequest): Promise<PrintJobOutcome> {
    const started = performance.now();
    await mkdir(this.directory, { recursive: true });
    const jobId = this.#nextJob++;
    const existing = (await readdir(this.directory)).length;
    const safeName = job.name.replace(/[^A-Za-z0-9._-]/g, '_');
    await writeFile(path.join(this.directory, `${String(existing + 1).padStart(4, '0')}-${safeName}.pdf`), job.pdf);
    return { jobId, state: 'completed', jobStateReasons: ['job-completed-successfully'], acceptedAfterMs: performance.now() - started };
  }
}
