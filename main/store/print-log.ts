import type { LocalStore } from './local-store';

/** How a print job ended, in the printer's terms (no personal data). */
export type PrintResult = 'printed' | 'failed' | 'cancelled';

export interface PrintRecordInput {
  /** The document kind: receipt, supplement-notice, rejection-notice, certificate, ticket… */
  what: string;
  caseId?: string;
  /** The printer's name or URI. */
  printer: string;
  result: PrintResult;
  /** The printer's own words on a failure (paper out, cover open); never document content. */
  detail?: string;
}

export interface PrintRecord extends Required<Omit<PrintRecordInput, 'caseId' | 'detail'>> {
  id: number;
  at: string;
  caseId: string | null;
  detail: string | null;
}

export interface CertificatePrintInput {
  serviceCode: string;
  visitId: string;
  /** The verifiable document's id (its QR code), when the certificate carries one. */
  documentId?: string;
  printer: string;
  result: PrintResult;
  detail?: string;
}

export interface CertificatePrint {
  id: number;
  at: string;
  serviceCode: string;
  visitId: string;
  documentId: string | null;
  printer: string;
  result: PrintResult;
  detail: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What was printed where and how it ended. A certificate printed on the spot has no case; its
 * audit row ties it to the service and the visit instead.
 */
export class PrintLog {
  constructor(
    private readonly store: LocalStore,
    private readonly now: () => number = Date.now,
  ) {}

  record(input: PrintRecordInput): PrintRecord {
    const at = this.now();
    const { lastInsertRowid } = this.store.db
      .prepare('INSERT INTO print_records (at, what, case_id, printer, result, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(at, input.what, input.caseId ?? null, input.printer, input.result, input.detail ?? null);
    return { id: Number(lastInsertRowid), at: iso(at), what: input.what, caseId: input.caseId ?? null, printer: input.printer, result: input.result, detail: input.detail ?? null };
  }

  /** Newest first; `caseId` narrows to one case. */
  records(options: { caseId?: string; limit?: number } = {}): PrintRecord[] {
    const rows = this.store.db
      .prepare('SELECT id, at, what, case_id, printer, result, detail FROM print_records WHERE (? IS NULL OR case_id = ?) ORDER BY id DESC LIMIT ?')
      .all(options.caseId ?? null, options.caseId ?? null, options.limit ?? 100) as {
      id: number;
      at: number;
      what: string;
      case_id: string | null;
      printer: string;
      result: PrintResult;
      detail: string | null;
    }[];
    return rows.map((r) => ({ id: r.id, at: iso(r.at), what: r.what, caseId: r.case_id, printer: r.printer, result: r.result, detail: r.detail }));
  }

  recordCertificate(input: CertificatePrintInput): CertificatePrint {
    const at = this.now();
    const { lastInsertRowid } = this.store.db
      .prepare('INSERT INTO certificate_prints (at, service_code, visit_id, document_id, printer, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(at, input.serviceCode, input.visitId, input.documentId ?? null, input.printer, input.result, input.detail ?? null);
    return {
      id: Number(lastInsertRowid),
      at: iso(at),
      serviceCode: input.serviceCode,
      visitId: input.visitId,
      documentId: input.documentId ?? null,
      printer: input.printer,
      result: input.result,
      detail: input.detail ?? null,
    };
  }

  certificates(options: { limit?: number } = {}): CertificatePrint[] {
    const rows = this.store.db
      .prepare('SELECT id, at, service_code, visit_id, document_id, printer, result, detail FROM certificate_prints ORDER BY id DESC LIMIT ?')
      .all(options.limit ?? 100) as {
      id: number;
      at: number;
      service_code: string;
      visit_id: string;
      document_id: string | null;
      printer: string;
      result: PrintResult;
      detail: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      at: iso(r.at),
      serviceCode: r.service_code,
      visitId: r.visit_id,
      documentId: r.document_id,
      printer: r.printer,
      result: r.result,
      detail: r.detail,
    }));
  }
}
