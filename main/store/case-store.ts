import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { v7 as uuidv7 } from 'uuid';
import { BlobContentType, DEFAULT_MAX_BLOB_BYTES, type BLOB_CONTENT_TYPES } from '../../contract/platform/blobs';
import {
  CaseStatus,
  IntakeRequest,
  type Applicant,
  type FormValue,
  type IntakeReceipt,
  type MaterialRef,
  type PriorityReason,
} from '../../contract/platform/cases';
import type { CaseEvent, CaseEventType } from '../../contract/platform/events';
import { idNumberProblem } from '../../contract/platform/id-number';
import type { MaterialReading } from '../../contract/platform/ocr-reading';
import { CaseInputError } from './errors';
import type { LocalStore } from './local-store';

export type MaterialContentType = (typeof BLOB_CONTENT_TYPES)[number];

/** One material of a case: a scan (uploaded as a blob), an electronic licence, or paper checked. */
export interface CaseMaterialInput {
  code: string;
  scan?: { contentType: MaterialContentType; data: Buffer };
  /** What OCR read from the scan. */
  ocr?: MaterialReading;
  electronicLicence?: { type: string; number: string };
  paperChecked?: boolean;
}

export interface NewCase {
  serviceCode: string;
  /** The session (visit) the case was made in. */
  visitId: string;
  applicant: Applicant;
  form: Record<string, FormValue>;
  materials?: CaseMaterialInput[];
  priority?: { disabled?: boolean; appointmentId?: string };
  /** The receipt's code for the public status page (sealed with the request). */
  statusCode?: string;
}

export interface RecordedCase {
  caseId: string;
  submittedAt: string;
  materials: { code: string; sha256?: string }[];
}

export type SyncState = 'pending' | 'synced' | 'refused';

/** What the terminal may show or log of a case: nothing personal. */
export interface LocalCase {
  caseId: string;
  serviceCode: string;
  visitId: string;
  createdAt: string;
  submittedAt: string;
  sync: {
    state: SyncState;
    syncedAt: string | null;
    /** Failed sends so far and the last failure, while pending. */
    attempts: number;
    lastError: string | null;
    /** Why the platform refused the case for good (state `refused`). */
    refusal: { code: string; field: string | null; message: string } | null;
  };
  /** As last learned from the platform; null until the platform has the case. */
  status: CaseStatus | null;
  statusAt: string | null;
  queueNumber: string | null;
  priorityReasons: PriorityReason[];
}

export interface CaseHistoryEntry {
  seq: number;
  type: CaseEventType;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  at: string;
  actorKind: 'terminal' | 'staff' | 'system';
  reason: string | null;
  details: Record<string, unknown>;
}

export interface StatusChange {
  caseId: string;
  seq: number;
  type: CaseEventType;
  status: CaseStatus;
  queueNumber: string;
  at: string;
}

export interface OutboxEntry {
  seq: number;
  caseId: string;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

export interface PendingUpload {
  position: number;
  code: string;
  sha256: string;
  contentType: MaterialContentType;
  size: number;
}

interface CaseRow {
  id: string;
  service_code: string;
  visit_id: string;
  created_at: number;
  submitted_at: string;
  sync_state: SyncState;
  synced_at: number | null;
  refusal_code: string | null;
  refusal_field: string | null;
  refusal_message: string | null;
  status: CaseStatus | null;
  status_at: string | null;
  queue_number: string | null;
  priority_reasons: string | null;
  attempts: number | null;
  last_error: string | null;
}

const CASE_COLUMNS = `c.id, c.service_code, c.visit_id, c.created_at, c.submitted_at, c.sync_state, c.synced_at, c.refusal_code,
  c.refusal_field, c.refusal_message, c.status, c.status_at, c.queue_number, c.priority_reasons, o.attempts, o.last_error`;

const iso = (ms: number) => new Date(ms).toISOString();
export const requestAad = (caseId: string) => `cases:${caseId}:request`;
export const proofAad = (caseId: string) => `cases:${caseId}:proof`;
const materialAad = (caseId: string, position: number) => `materials:${caseId}:${position}`;
const eventAad = (caseId: string, seq: number) => `case_events:${caseId}:${seq}`;

function toLocalCase(row: CaseRow): LocalCase {
  return {
    caseId: row.id,
    serviceCode: row.service_code,
    visitId: row.visit_id,
    createdAt: iso(row.created_at),
    submittedAt: row.submitted_at,
    sync: {
      state: row.sync_state,
      syncedAt: row.synced_at === null ? null : iso(row.synced_at),
      attempts: row.attempts ?? 0,
      lastError: row.last_error,
      refusal: row.refusal_code ? { code: row.refusal_code, field: row.refusal_field, message: row.refusal_message ?? '' } : null,
    },
    status: row.status,
    statusAt: row.status_at,
    queueNumber: row.queue_number,
    priorityReasons: row.priority_reasons ? (JSON.parse(row.priority_reasons) as PriorityReason[]) : [],
  };
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(case)';
}

/**
 * The kiosk's cases. `record` commits a case, its materials and its outbox entry in one durable
 * transaction before it returns: from then on the case is a fact that a crash, a power cut or a
 * dead network cannot lose. Personal values are sealed before they reach SQLite and opened
 * only inside the call that needs them; nothing personal is cached here.
 */
export interface CaseStoreEvents {
  recorded: [RecordedCase];
  /** A case's sync state, status or history changed (the platform's receipt, or one of its events). */
  changed: [{ caseId: string }];
}

export class CaseStore extends EventEmitter<CaseStoreEvents> {
  constructor(
    private readonly store: LocalStore,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  private get db() {
    return this.store.db;
  }

  record(input: NewCase): RecordedCase {
    const problem = idNumberProblem(input.applicant.idNumber);
    if (problem) throw new CaseInputError(problem, 'applicant.idNumber');
    const caseId = uuidv7();
    const createdAt = this.now();
    const submittedAt = iso(createdAt);
    const scans: { position: number; code: string; sha256: string; contentType: MaterialContentType; data: Buffer }[] = [];
    const refs: MaterialRef[] = (input.materials ?? []).map((material, position) => {
      if (!material.scan) {
        return { code: material.code, electronicLicence: material.electronicLicence, paperChecked: material.paperChecked } as MaterialRef;
      }
      const type = BlobContentType.safeParse(material.scan.contentType);
      if (!type.success) throw new CaseInputError(`must be one of ${BlobContentType.options.join(', ')}`, `materials.${position}.scan.contentType`);
      if (material.scan.data.length === 0 || material.scan.data.length > DEFAULT_MAX_BLOB_BYTES) {
        throw new CaseInputError(`must be 1 to ${DEFAULT_MAX_BLOB_BYTES} bytes, not ${material.scan.data.length}`, `materials.${position}.scan.data`);
      }
      const sha256 = createHash('sha256').update(material.scan.data).digest('hex');
      scans.push({ position, code: material.code, sha256, contentType: type.data, data: material.scan.data });
      return { code: material.code, blob: sha256, ...(material.ocr ? { ocr: material.ocr } : {}) };
    });
    const parsed = IntakeRequest.safeParse({
      caseId,
      serviceCode: input.serviceCode,
      submittedAt,
      visitId: input.visitId,
      applicant: input.applicant,
      form: input.form,
      materials: refs,
      priority: { disabled: input.priority?.disabled ?? false, ...(input.priority?.appointmentId ? { appointmentId: input.priority.appointmentId } : {}) },
      ...(input.statusCode ? { statusCode: input.statusCode } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CaseInputError(issue.message, fieldOf(issue.path));
    }
    const body = JSON.stringify(parsed.data);
    const sealedRequest = this.store.cipher.seal(body, requestAad(caseId));
    const sealedScans = scans.map((scan) => ({ ...scan, sealed: this.store.cipher.seal(scan.data, materialAad(caseId, scan.position)) }));

    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO cases (id, service_code, visit_id, created_at, submitted_at, sealed_request, sync_state)
             VALUES (?, ?, ?, ?, ?, ?, 'pending')`,
          )
          .run(caseId, input.serviceCode, input.visitId, createdAt, submittedAt, sealedRequest);
        const material = this.db.prepare(
          'INSERT INTO materials (case_id, position, code, sha256, content_type, size, sealed_data) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        for (const scan of sealedScans) material.run(caseId, scan.position, scan.code, scan.sha256, scan.contentType, scan.data.length, scan.sealed);
        this.db.prepare('INSERT INTO outbox (case_id) VALUES (?)').run(caseId);
      })
      .immediate();

    const recorded: RecordedCase = { caseId, submittedAt, materials: refs.map((ref) => ({ code: ref.code, ...(ref.blob ? { sha256: ref.blob } : {}) })) };
    this.emit('recorded', recorded);
    return recorded;
  }

  get(caseId: string): LocalCase | undefined {
    const row = this.db.prepare(`SELECT ${CASE_COLUMNS} FROM cases c LEFT JOIN outbox o ON o.case_id = c.id WHERE c.id = ?`).get(caseId) as
      | CaseRow
      | undefined;
    return row && toLocalCase(row);
  }

  /** Newest first; `syncState` narrows to pending, synced or refused cases. */
  list(options: { limit?: number; syncState?: SyncState } = {}): LocalCase[] {
    const rows = this.db
      .prepare(
        `SELECT ${CASE_COLUMNS} FROM cases c LEFT JOIN outbox o ON o.case_id = c.id
         WHERE (? IS NULL OR c.sync_state = ?) ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
      )
      .all(options.syncState ?? null, options.syncState ?? null, options.limit ?? 100) as CaseRow[];
    return rows.map(toLocalCase);
  }

  /** Cases whose id ends with these hex digits (dashes ignored): what a receipt's short case number holds. */
  byIdSuffix(hexSuffix: string): LocalCase[] {
    const suffix = hexSuffix.replace(/-/g, '').toLowerCase();
    if (!/^[0-9a-f]{4,32}$/.test(suffix)) return [];
    const rows = this.db
      .prepare(`SELECT ${CASE_COLUMNS} FROM cases c LEFT JOIN outbox o ON o.case_id = c.id WHERE substr(replace(c.id, '-', ''), -?) = ? ORDER BY c.created_at`)
      .all(suffix.length, suffix) as CaseRow[];
    return rows.map(toLocalCase);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  }

  /** The intake request with the citizen's data, e.g. to print the receipt. Drop it when done. */
  readRequest(caseId: string): IntakeRequest | undefined {
    const body = this.intakeBody(caseId);
    return body === undefined ? undefined : IntakeRequest.parse(JSON.parse(body));
  }

  /** Every status change the platform reported, oldest first. */
  history(caseId: string): CaseHistoryEntry[] {
    const rows = this.db
      .prepare('SELECT seq, type, from_status, to_status, at, actor_kind, sealed_detail FROM case_events WHERE case_id = ? ORDER BY seq')
      .all(caseId) as {
      seq: number;
      type: CaseEventType;
      from_status: CaseStatus | null;
      to_status: CaseStatus;
      at: string;
      actor_kind: CaseHistoryEntry['actorKind'];
      sealed_detail: Buffer;
    }[];
    return rows.map((row) => {
      const detail = JSON.parse(this.store.cipher.openText(row.sealed_detail, eventAad(caseId, row.seq))) as {
        reason: string | null;
        details: Record<string, unknown>;
      };
      return { seq: row.seq, type: row.type, fromStatus: row.from_status, toStatus: row.to_status, at: row.at, actorKind: row.actor_kind, ...detail };
    });
  }

  // The outbox, in the order cases were recorded. Used by the OutboxWorker.

  outboxDepth(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  }

  /** When the oldest case still waiting to be sent was recorded (the fleet's outbox age). */
  oldestPendingAt(): string | null {
    const row = this.db.prepare('SELECT MIN(c.created_at) AS at FROM outbox o JOIN cases c ON c.id = o.case_id').get() as { at: number | null };
    return row.at === null ? null : iso(row.at);
  }

  outboxHead(): OutboxEntry | undefined {
    const row = this.db.prepare('SELECT seq, case_id, attempts, next_attempt_at, last_error FROM outbox ORDER BY seq LIMIT 1').get() as
      | { seq: number; case_id: string; attempts: number; next_attempt_at: number; last_error: string | null }
      | undefined;
    return row && { seq: row.seq, caseId: row.case_id, attempts: row.attempts, nextAttemptAt: row.next_attempt_at, lastError: row.last_error };
  }

  pendingUploads(caseId: string): PendingUpload[] {
    return this.db
      .prepare('SELECT position, code, sha256, content_type AS contentType, size FROM materials WHERE case_id = ? AND uploaded_at IS NULL ORDER BY position')
      .all(caseId) as PendingUpload[];
  }

  /** A material's bytes, opened for one upload; the caller zeroes the buffer afterwards. */
  materialBytes(caseId: string, position: number): Buffer {
    const row = this.db.prepare('SELECT sealed_data FROM materials WHERE case_id = ? AND position = ?').get(caseId, position) as
      | { sealed_data: Buffer | null }
      | undefined;
    if (!row?.sealed_data) throw new Error(`case ${caseId} has no stored bytes for material ${position}`);
    return this.store.cipher.open(row.sealed_data, materialAad(caseId, position));
  }

  markUploaded(caseId: string, position: number): void {
    this.db.prepare('UPDATE materials SET uploaded_at = ? WHERE case_id = ? AND position = ?').run(this.now(), caseId, position);
  }

  /** The exact JSON body to send, the same bytes on every attempt; undefined once purged (see case-purge). */
  intakeBody(caseId: string): string | undefined {
    const row = this.db.prepare('SELECT sealed_request FROM cases WHERE id = ?').get(caseId) as { sealed_request: Buffer } | undefined;
    return row && row.sealed_request.length > 0 ? this.store.cipher.openText(row.sealed_request, requestAad(caseId)) : undefined;
  }

  /** Whether the last 4 characters of the ID number are the applicant's, before and after the purge. */
  provesOwnership(caseId: string, idLast4: string): boolean {
    const row = this.db.prepare('SELECT proof_digest FROM cases WHERE id = ?').get(caseId) as { proof_digest: string | null } | undefined;
    if (!row) return false;
    if (row.proof_digest !== null) return row.proof_digest === this.store.cipher.fingerprint(idLast4.toUpperCase(), proofAad(caseId));
    return this.readRequest(caseId)?.applicant.idNumber.endsWith(idLast4.toUpperCase()) ?? false;
  }

  /** The platform acknowledged the case: it leaves the outbox and its scans leave the kiosk. */
  markSynced(caseId: string, receipt: IntakeReceipt): void {
    this.db
      .transaction(() => {
        const at = this.now();
        this.db
          .prepare(
            `UPDATE cases SET sync_state = 'synced', synced_at = ?, queue_number = ?, received_at = ?, priority_reasons = ?,
               status = coalesce(status, 'queued'), status_at = coalesce(status_at, ?) WHERE id = ?`,
          )
          .run(at, receipt.queueNumber, receipt.receivedAt, JSON.stringify(receipt.priorityReasons), receipt.receivedAt, caseId);
        this.db.prepare('UPDATE materials SET sealed_data = NULL WHERE case_id = ?').run(caseId);
        this.db.prepare('DELETE FROM outbox WHERE case_id = ?').run(caseId);
      })
      .immediate();
    this.emit('changed', { caseId });
  }

  /** The platform refused the case for good (a bad field, a conflicting body): it leaves the outbox, kept for a technician. */
  markRefused(caseId: string, refusal: { code: string; field: string | null; message: string }): void {
    this.db
      .transaction(() => {
        this.db
          .prepare("UPDATE cases SET sync_state = 'refused', refusal_code = ?, refusal_field = ?, refusal_message = ? WHERE id = ?")
          .run(refusal.code, refusal.field, refusal.message, caseId);
        this.db.prepare('DELETE FROM outbox WHERE case_id = ?').run(caseId);
      })
      .immediate();
  }

  scheduleRetry(caseId: string, attempts: number, nextAttemptAt: number, error: string): void {
    this.db.prepare('UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE case_id = ?').run(attempts, nextAttemptAt, error, caseId);
  }

  /**
   * Applies a status event of the platform to a case of this store. Returns the change, or
   * undefined when the case is not one of ours, the event was already applied, or it is older
   * than the status held (it joins the history without moving the status back).
   */
  applyEvent(event: CaseEvent): StatusChange | undefined {
    const parsedStatus = CaseStatus.parse(event.toStatus);
    let added = false;
    const change = this.db
      .transaction((): StatusChange | undefined => {
        const known = this.db.prepare('SELECT status_seq FROM cases WHERE id = ?').get(event.caseId) as { status_seq: number } | undefined;
        if (!known) return undefined;
        const detail = this.store.cipher.seal(JSON.stringify({ reason: event.reason, details: event.details }), eventAad(event.caseId, event.seq));
        const inserted = this.db
          .prepare(
            `INSERT INTO case_events (case_id, seq, type, from_status, to_status, at, actor_kind, sealed_detail)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, seq) DO NOTHING`,
          )
          .run(event.caseId, event.seq, event.type, event.fromStatus, parsedStatus, event.at, event.actor.kind, detail);
        added = inserted.changes > 0;
        if (!added || event.seq <= known.status_seq) return undefined;
        this.db
          .prepare('UPDATE cases SET status = ?, status_seq = ?, status_at = ?, queue_number = ? WHERE id = ?')
          .run(parsedStatus, event.seq, event.at, event.queueNumber, event.caseId);
        return { caseId: event.caseId, seq: event.seq, type: event.type, status: parsedStatus, queueNumber: event.queueNumber, at: event.at };
      })
      .immediate();
    if (added) this.emit('changed', { caseId: event.caseId });
    return change;
  }
}
