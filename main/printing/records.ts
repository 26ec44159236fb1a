import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * One line per print attempt: what was printed, for which case, on which printer, and how it
 * ended. It names the case by id only; no name, ID number or document content is kept here.
 */
export interface PrintRecord {
  id: string;
  at: string;
  /** A document kind, 'queue-ticket', 'case-slip' or 'test-page'. */
  what: string;
  caseId?: string;
  printer: { kind: 'a4' | 'receipt'; name: string };
  result: 'printed' | 'refused' | 'failed';
  /** Printer conditions (media-empty, paper-out, …) or the error code behind a failure. */
  conditions: string[];
  jobId?: number;
  reprintOf?: string;
  durationMs: number;
}

/** Where print records go; the terminal's SQLite store implements it, these two serve until then and in tests. */
export interface PrintRecordSink {
  append(record: PrintRecord): Promise<void>;
  list(): Promise<PrintRecord[]>;
}

export class MemoryPrintRecordSink implements PrintRecordSink {
  private readonly records: PrintRecord[] = [];

  async append(record: PrintRecord): Promise<void> {
    this.records.push(structuredClone(record));
  }

  async list(): Promise<PrintRecord[]> {
    return structuredClone(this.records);
  }
}

/** Appends JSON lines to a file (one record a line, so a crash mid-write loses at most that line). */
export class JsonlPrintRecordSink implements PrintRecordSink {
  constructor(readonly file: string) {}

  async append(record: PrintRecord): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(record)}\n`, 'utf8');
  }

  async list(): Promise<PrintRecord[]> {
    const text = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    return text
      .split('\n')
      .filter((line) => line.trim())
      .map((line, i) => {
        try {
          return JSON.parse(line) as PrintRecord;
        } catch {
          throw new Error(`${this.file} line ${i + 1}: not a JSON print record`);
        }
      });
  }
}
