import type { PrintLog } from '../store/print-log';
import type { PrintRecord, PrintRecordSink } from './records';

/**
 * Print records in the terminal's SQLite store. The store keeps what a technician reads
 * (what, case, printer, result); the printer conditions, job and timing go into its detail.
 */
export class StorePrintRecordSink implements PrintRecordSink {
  constructor(private readonly log: PrintLog) {}

  async append(record: PrintRecord): Promise<void> {
    const detail = JSON.stringify({
      id: record.id,
      printerKind: record.printer.kind,
      conditions: record.conditions,
      ...(record.jobId !== undefined ? { jobId: record.jobId } : {}),
      ...(record.reprintOf ? { reprintOf: record.reprintOf } : {}),
      durationMs: Math.round(record.durationMs),
      refused: record.result === 'refused',
    });
    this.log.record({
      what: record.what,
      ...(record.caseId ? { caseId: record.caseId } : {}),
      printer: record.printer.name,
      result: record.result === 'printed' ? 'printed' : 'failed',
      detail,
    });
  }

  async list(): Promise<PrintRecord[]> {
    return this.log.records({ limit: 1000 }).map((row) => {
      const detail = JSON.parse(row.detail ?? '{}') as {
        id?: string;
        printerKind?: 'a4' | 'receipt';
        conditions?: string[];
        jobId?: number;
        reprintOf?: string;
        durationMs?: number;
        refused?: boolean;
      };
      return {
        id: detail.id ?? String(row.id),
        at: row.at,
        what: row.what,
        ...(row.caseId ? { caseId: row.caseId } : {}),
        printer: { kind: detail.printerKind ?? 'a4', name: row.printer },
        result: row.result === 'printed' ? 'printed' : detail.refused ? 'refused' : 'failed',
        conditions: detail.conditions ?? [],
        ...(detail.jobId !== undefined ? { jobId: detail.jobId } : {}),
        ...(detail.reprintOf ? { reprintOf: detail.reprintOf } : {}),
        durationMs: detail.durationMs ?? 0,
      };
    });
  }
}
