import type { ServiceItem } from '../../contract/platform/catalogue';
import { timelinessOf } from '../timeliness/timeliness';
import { CASE_TRANSITIONS, DECISION_TARGETS } from '../../contract/platform/case-states';
import {
  type CaseDetail,
  type CaseStatus,
  type CaseSummary,
  type Decision,
  type FormValue,
  type IntakeReceipt,
  type IntakeRequest,
  type MaterialRef,
  type PriorityReason,
  type RevealResponse,
  type SupplementRequest,
} from '../../contract/platform/cases';
import type { CaseEvent, CaseEventType } from '../../contract/platform/events';
import { birthDateFromIdNumber, idNumberProblem, maskIdNumber } from '../../contract/platform/id-number';
import type { DataCipher } from '../secrets/cipher';
import type { CaseAccess, CaseProof } from './case-access';
import { maskForm, maskMaterials, maskName } from './masking';
import { isUnsealed, openRequest, sealRequest, type StoredRequest } from './stored-request';
import { submittedValues, validateForm } from '../../contract/forms/validate';
import { shanghaiIsoDate } from '../../contract/dates/shanghai-day';
import type { Queryable } from '../store/database';
import { audit } from './audit';
import { actorOf, requireStaff, requireWindowStaff, type Caller } from './caller';
import { iso, isoOrNull, type PlatformContext } from './context';
import { invalidForm, notFound, PlatformError } from './errors';
import { appendEvent, appendLockedEvent, lockCentreEvents } from './events';
import { handRecipient } from './event-recipients';
import { canonicalJson, sha256Hex } from './secrets';

export interface CaseRow {
  id: string;
  centre_id: string;
  terminal_id: string;
  source: 'kiosk' | 'counter';
  service_code: string;
  body_hash: string;
  request: string;
  status: CaseStatus;
  queue_number: string;
  priority: number;
  priority_reasons: string;
  submitted_at: number;
  received_at: number;
  queued_at: number;
  claimed_by: string | null;
  claimed_at: number | null;
  first_claimed_at: number | null;
  completed_at: number | null;
  department: string | null;
  decision: string | null;
  accepted_at: number | null;
  deadline_at: number | null;
  /** When the promise's warning period (临近时限) begins; fixed at 受理 with the deadline. */
  warning_at: number | null;
  bundle_id: string | null;
  result: string | null;
  ready_at: number | null;
}

/**
 * What a decision brings beyond the status change (deadline at 受理, the department of a
 * transfer, the item cases of a 一件事): prepared before the transaction, since the catalogue is
 * not read inside one, and applied inside it. Implemented by core/acceptance.ts.
 */
export interface DecisionRules {
  prepare(row: CaseRow, decision: Decision): Promise<PreparedDecision>;
}

export interface PreparedDecision {
  /** Extra columns to set with the status. */
  sets?: Record<string, string | number | null>;
  details?: Record<string, unknown>;
  /** Runs in the transaction after the update; returns the further events it appended. */
  after?: (tx: Queryable, row: CaseRow, now: number) => Promise<CaseEvent[]>;
}


const ELDERLY_AGE = 70;


/** Age in whole years on a given day, from an ID number's birth date. */
function ageOn(idNumber: string, at: number): number | undefined {
  const birth = birthDateFromIdNumber(idNumber);
  if (!birth) return undefined;
  const today = shanghaiIsoDate(at);
  // YYYY-MM-DD strings: the month-day parts compare as text.
  const beforeBirthday = today.slice(5) < birth.slice(5);
  return Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (beforeBirthday ? 1 : 0);
}

/** Elderly (70+) and disabled citizens go before appointments, which go before everyone else. */
function priorityOf(request: IntakeRequest, at: number): { priority: number; reasons: PriorityReason[] } {
  const reasons: PriorityReason[] = [];
  if ((ageOn(request.applicant.idNumber, at) ?? 0) >= ELDERLY_AGE) reasons.push('elderly');
  if (request.priority.disabled) reasons.push('disabled');
  if (request.priority.appointmentId) reasons.push('appointment');
  const priority = reasons.includes('elderly') || reasons.includes('disabled') ? 2 : reasons.length > 0 ? 1 : 0;
  return { priority, reasons };
}

/** `now` reads the case's 效能 (timeliness) against the platform's clock. */
export function summaryOf(row: CaseRow, cipher: DataCipher, now: number): CaseSummary {
  const request = openRequest(cipher, row);
  return {
    caseId: row.id,
    centreId: row.centre_id,
    serviceCode: row.service_code,
    status: row.status,
    queueNumber: row.queue_number,
    priority: row.priority,
    priorityReasons: JSON.parse(row.priority_reasons) as PriorityReason[],
    source: row.source,
    terminalId: row.terminal_id,
    submittedAt: iso(row.submitted_at),
    receivedAt: iso(row.received_at),
    claimedBy: row.claimed_by,
    claimedAt: isoOrNull(row.claimed_at),
    applicantMasked: { name: maskName(request.applicant.name), idNumber: maskIdNumber(request.applicant.idNumber) },
    department: row.department,
    acceptedAt: isoOrNull(row.accepted_at),
    deadlineAt: isoOrNull(row.deadline_at),
    timeliness: timelinessOf(row, now),
    bundleId: row.bundle_id,
  };
}

/** The receipt of a case: of a stored row (a resend), or of the values just written (the row is not read back). */
function receiptOf(row: Pick<CaseRow, 'id' | 'centre_id' | 'service_code' | 'queue_number' | 'priority' | 'received_at'>, priorityReasons: PriorityReason[]): IntakeReceipt {
  return {
    caseId: row.id,
    centreId: row.centre_id,
    serviceCode: row.service_code,
    queueNumber: row.queue_number,
    priority: row.priority,
    priorityReasons,
    receivedAt: iso(row.received_at),
  };
}

/** The event each decision writes; where it takes the case is the contract's DECISION_TARGETS. */
const DECISION_EVENT: Record<Decision['decision'], CaseEventType> = {
  accept: 'accepted',
  reject: 'rejected',
  'request-materials': 'materials-requested',
  transfer: 'transferred',
  complete: 'completed',
  release: 'released',
};

/** A terminal's clock may be off and a case may wait offline for weeks, but not for years, nor come from the future. */
const SUBMITTED_AT_PAST_MS = 366 * 86_400_000;
const SUBMITTED_AT_FUTURE_MS = 86_400_000;

function checkSubmittedAt(submittedAt: string, now: number): void {
  const at = Date.parse(submittedAt);
  if (at > now + SUBMITTED_AT_FUTURE_MS || at < now - SUBMITTED_AT_PAST_MS) {
    throw new PlatformError(400, 'invalid-request', `body submittedAt: ${submittedAt} is not within the last year (nor more than a day ahead)`, 'submittedAt');
  }
}

export function illegalTransition(from: CaseStatus, to: CaseStatus, what: string): PlatformError {
  return new PlatformError(409, 'illegal-transition', `cannot ${what} a case that is ${from} (${from} → ${to} is not allowed)`);
}

/** The check of the electronic licences a case names (platform/licences): throws a `licence-*` PlatformError. */
export interface NamedLicenceCheck {
  checkNamed(applicantIdNumber: string, form: Record<string, FormValue>, materials: readonly MaterialRef[], prefix?: string): Promise<void>;
}

/**
 * The centre's next number of the day under a prefix (A001, A002, …). Cases and the tickets of
 * platform/visits draw from the same counters, so no two numbers called in one hall are alike.
 */
export async function nextQueueNumber(tx: Queryable, centreId: string, prefix: string, at: number): Promise<string> {
  const day = shanghaiIsoDate(at);
  const row = await tx.get<{ last: number }>(
    `INSERT INTO queue_counters (centre_id, prefix, day, last) VALUES (?, ?, ?, 1)
     ON CONFLICT (centre_id, prefix, day) DO UPDATE SET last = queue_counters.last + 1 RETURNING last`,
    [centreId, prefix, day],
  );
  return `${prefix}${String(row!.last).padStart(3, '0')}`;
}

/** Intake, reading, the 一窗受理 queue and decisions: everything that moves a case. */
export class CaseService {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly published: (events: CaseEvent[]) => void,
    private readonly access: CaseAccess,
    private readonly rules?: DecisionRules,
    private readonly licences?: NamedLicenceCheck,
  ) {}

  private get db() {
    return this.ctx.db;
  }

  private forUpdate(): string {
    return this.db.dialect === 'postgres' ? ' FOR UPDATE' : '';
  }

  private async item(serviceCode: string): Promise<{ item: ServiceItem; prefix: string }> {
    const catalogue = await this.ctx.catalogue();
    const item = catalogue.items.find((i) => i.code === serviceCode);
    if (!item) throw invalidForm('serviceCode', `${serviceCode} is not a service of the catalogue`);
    const prefix = catalogue.categories.find((c) => c.code === item.category)?.queuePrefix ?? 'A';
    return { item, prefix };
  }

  /** Form and materials against the item's schema; returns the values to keep (shown fields only). */
  private checkForm(item: ServiceItem, form: Record<string, FormValue>, applicant?: IntakeRequest['applicant']): Record<string, FormValue> {
    const known = new Set(item.form.fields.map((f) => f.name));
    const unknown = Object.keys(form).find((key) => !known.has(key));
    if (unknown) throw invalidForm(`form.${unknown}`, `is not a field of ${item.code}`);
    const problem = validateForm(item.form, form)[0];
    if (problem) {
      const detail = problem.params ? ` (${Object.entries(problem.params).map(([k, v]) => `${k} ${v}`).join(', ')})` : '';
      throw invalidForm(`form.${problem.field}`, `is invalid: ${problem.code}${detail}`);
    }
    if (applicant) {
      for (const field of item.form.fields) {
        const value = form[field.name];
        if (value === undefined) continue;
        // 代办: the agent's own card is never the applicant's.
        if (field.fromAgentCard === 'idNumber' && value === applicant.idNumber) throw invalidForm(`form.${field.name}`, 'an agent cannot be the applicant');
        if (field.prefill === 'idNumber' && value !== applicant.idNumber) throw invalidForm(`form.${field.name}`, 'must be the applicant’s ID number');
        if (field.prefill === 'name' && value !== applicant.name) throw invalidForm(`form.${field.name}`, 'must be the applicant’s name');
      }
    }
    return submittedValues(item.form, form);
  }

  private checkMaterials(item: ServiceItem, materials: MaterialRef[], prefix = 'materials'): void {
    materials.forEach((material, index) => {
      const declared = item.materials.find((m) => m.code === material.code);
      if (!declared) throw invalidForm(`${prefix}.${index}.code`, `${material.code} is not a material of ${item.code}`);
      if (material.electronicLicence && material.electronicLicence.type !== declared.electronicLicence) {
        throw invalidForm(
          `${prefix}.${index}.electronicLicence.type`,
          declared.electronicLicence
            ? `must be ${declared.electronicLicence} for ${material.code}`
            : `${material.code} cannot be supplied as an electronic licence`,
        );
      }
    });
  }

  private async checkBlobs(tx: Queryable, centreId: string, materials: MaterialRef[], prefix = 'materials'): Promise<void> {
    for (const [index, material] of materials.entries()) {
      if (!material.blob) continue;
      const found = await tx.get('SELECT 1 AS found FROM blobs WHERE centre_id = ? AND sha256 = ?', [centreId, material.blob]);
      if (!found) throw invalidForm(`${prefix}.${index}.blob`, `${material.blob} was not uploaded; PUT /v1/blobs/${material.blob} first`);
    }
  }

  /**
   * Idempotent on the case id: the same id with the same body gives back the same receipt;
   * with another body, 409. The body hash is over the canonical JSON, so key order is irrelevant.
   */
  async intake(caller: Caller, request: IntakeRequest): Promise<{ receipt: IntakeReceipt; replay: boolean }> {
    const problem = idNumberProblem(request.applicant.idNumber);
    if (problem) throw invalidForm('applicant.idNumber', problem);
    checkSubmittedAt(request.submittedAt, this.ctx.now());
    const { item, prefix } = await this.item(request.serviceCode);
    const form = this.checkForm(item, request.form, request.applicant);
    this.checkMaterials(item, request.materials);
    // Before the transaction (on SQLite a read outside it would wait for it); a resent case keeps its
    // receipt. Only a case naming a licence needs the lookup.
    const namesLicence = request.materials.some((m) => m.electronicLicence);
    if (namesLicence && !(await this.db.get('SELECT 1 AS found FROM cases WHERE id = ?', [request.caseId]))) {
      await this.licences?.checkNamed(request.applicant.idNumber, form, request.materials);
    }
    const bodyHash = sha256Hex(canonicalJson(request));
    const now = this.ctx.now();
    const source = caller.kind === 'terminal' && caller.terminalKind === 'kiosk' ? 'kiosk' : 'counter';

    const result = await this.db.transaction(async (tx) => {
      // Taken first so that two submissions of one case id in one centre are serialised on PostgreSQL.
      await lockCentreEvents(tx, this.db.dialect, caller.centreId);
      const existing = await tx.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [request.caseId]);
      if (existing) {
        if (existing.centre_id !== caller.centreId || existing.body_hash !== bodyHash) {
          throw new PlatformError(409, 'conflict', `case ${request.caseId} was already submitted with a different body`, 'caseId');
        }
        return { receipt: receiptOf(existing, JSON.parse(existing.priority_reasons) as PriorityReason[]), replay: true, event: undefined };
      }
      await this.checkBlobs(tx, caller.centreId, request.materials);
      const queueNumber = await nextQueueNumber(tx, caller.centreId, prefix, now);
      const { priority, reasons } = priorityOf(request, now);
      const stored: StoredRequest = { visitId: request.visitId, applicant: request.applicant, form, materials: request.materials, priority: request.priority };
      await tx.run(
        `INSERT INTO cases (id, centre_id, terminal_id, source, service_code, body_hash, request, status, queue_number,
           priority, priority_reasons, submitted_at, received_at, queued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?)`,
        [
          request.caseId,
          caller.centreId,
          caller.id,
          source,
          request.serviceCode,
          bodyHash,
          sealRequest(this.ctx.cipher, request.caseId, stored),
          queueNumber,
          priority,
          JSON.stringify(reasons),
          Date.parse(request.submittedAt),
          now,
          now,
        ],
      );
      // Only the code's digest is kept: the receipt in the citizen's hand is the one copy of the code.
      if (request.statusCode) await tx.run('INSERT INTO case_status_codes (code_hash, case_id) VALUES (?, ?)', [sha256Hex(request.statusCode), request.caseId]);
      const event = await appendLockedEvent(tx, this.db.dialect, {
        centreId: caller.centreId,
        caseId: request.caseId,
        queueNumber,
        type: 'submitted',
        fromStatus: null,
        toStatus: 'queued',
        actor: actorOf(caller),
        at: now,
        details: { serviceCode: request.serviceCode, source, priorityReasons: reasons },
      });
      handRecipient(event, stored);
      const written = { id: request.caseId, centre_id: caller.centreId, service_code: request.serviceCode, queue_number: queueNumber, priority, received_at: now };
      return { receipt: receiptOf(written, reasons), replay: false, event };
    });
    if (result.event) this.published([result.event]);
    return { receipt: result.receipt, replay: result.replay };
  }

  /** The case if the caller may touch it; "not yours" answers exactly like "not there". */
  private async row(tx: Queryable, caller: Caller, caseId: string, lock = false, proof?: CaseProof): Promise<CaseRow> {
    const row = await tx.get<CaseRow>(`SELECT * FROM cases WHERE id = ?${lock ? this.forUpdate() : ''}`, [caseId]);
    if (!row) throw notFound(`case ${caseId}`);
    this.access.check(caller, this.ownerOf(row), proof);
    return row;
  }

  private ownerOf(row: CaseRow) {
    return { id: row.id, centreId: row.centre_id, terminalId: row.terminal_id, applicantIdNumber: () => openRequest(this.ctx.cipher, row).applicant.idNumber };
  }

  /** The case if the caller may see it (e.g. to list its events). */
  async visible(caller: Caller, caseId: string, proof?: CaseProof): Promise<CaseSummary> {
    return summaryOf(await this.row(this.db, caller, caseId, false, proof), this.ctx.cipher, this.ctx.now());
  }

  async read(caller: Caller, caseId: string, proof?: CaseProof): Promise<CaseDetail> {
    const row = await this.row(this.db, caller, caseId, false, proof);
    await audit(this.db, caller, 'case-read', caseId, this.ctx.now());
    const request = openRequest(this.ctx.cipher, row);
    const { item } = await this.item(row.service_code).catch(() => ({ item: undefined }));
    const form: Record<string, FormValue> = maskForm(item, request.form);
    const decision = row.decision ? (JSON.parse(row.decision) as CaseDetail['decision']) : null;
    return { ...summaryOf(row, this.ctx.cipher, this.ctx.now()), visitId: request.visitId, form, materials: maskMaterials(request.materials, item), decision };
  }

  /** The unmasked applicant and form, for a clerk who must see them; the purpose goes to the audit log. */
  async reveal(caller: Caller, caseId: string, purpose: string): Promise<RevealResponse> {
    requireStaff(caller);
    const row = await this.row(this.db, caller, caseId);
    await audit(this.db, caller, 'case-reveal', caseId, this.ctx.now(), purpose);
    const request = openRequest(this.ctx.cipher, row);
    return { applicant: request.applicant, form: request.form };
  }

  async queue(caller: Caller): Promise<{ waiting: CaseSummary[]; claimed: CaseSummary[] }> {
    requireWindowStaff(caller);
    const rows = await this.db.all<CaseRow>(
      "SELECT * FROM cases WHERE centre_id = ? AND status IN ('queued', 'claimed') ORDER BY priority DESC, queued_at, id LIMIT 500",
      [caller.centreId],
    );
    await audit(this.db, caller, 'queue-read', null, this.ctx.now(), `${rows.length} cases`);
    const summaries = rows.map((row) => summaryOf(row, this.ctx.cipher, this.ctx.now()));
    return { waiting: summaries.filter((c) => c.status === 'queued'), claimed: summaries.filter((c) => c.status === 'claimed') };
  }

  /**
   * Claims the next case (highest priority, then longest waiting) or the named one. No case is
   * ever claimed twice: on PostgreSQL the candidate row is locked with FOR UPDATE SKIP LOCKED
   * so concurrent clerks take different cases; on SQLite the IMMEDIATE transaction serialises
   * claimers; and the UPDATE re-checks the status in both.
   */
  async claim(caller: Caller, caseId?: string): Promise<CaseSummary | undefined> {
    const staff = requireWindowStaff(caller);
    await this.releaseAbandoned();
    const result = await this.db.transaction(async (tx) => {
      let row: CaseRow | undefined;
      if (caseId) {
        row = await this.row(tx, staff, caseId, true);
        if (row.status !== 'queued') throw illegalTransition(row.status, 'claimed', 'claim');
      } else {
        row = await tx.get<CaseRow>(
          `SELECT * FROM cases WHERE centre_id = ? AND status = 'queued' ORDER BY priority DESC, queued_at, id LIMIT 1${
            this.db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''
          }`,
          [staff.centreId],
        );
        if (!row) return undefined;
      }
      const now = this.ctx.now();
      const updated = await tx.get<CaseRow>(
        `UPDATE cases SET status = 'claimed', claimed_by = ?, claimed_at = ?, first_claimed_at = COALESCE(first_claimed_at, ?)
         WHERE id = ? AND status = 'queued' RETURNING *`,
        [staff.id, now, now, row.id],
      );
      if (!updated) throw illegalTransition(row.status, 'claimed', 'claim');
      const event = await appendEvent(tx, this.db.dialect, {
        centreId: updated.centre_id,
        caseId: updated.id,
        queueNumber: updated.queue_number,
        type: 'claimed',
        fromStatus: 'queued',
        toStatus: 'claimed',
        actor: actorOf(staff),
        at: now,
        details: { clerk: staff.displayName },
      });
      return { row: updated, event };
    });
    if (!result) return undefined;
    this.published([result.event]);
    return summaryOf(result.row, this.ctx.cipher, this.ctx.now());
  }

  async decide(caller: Caller, caseId: string, decision: Decision): Promise<CaseSummary> {
    const staff = requireWindowStaff(caller);
    const target = { to: DECISION_TARGETS[decision.decision], event: DECISION_EVENT[decision.decision] };
    const prepared = this.rules ? await this.rules.prepare(await this.row(this.db, staff, caseId), decision) : {};
    const result = await this.db.transaction(async (tx) => {
      const row = await this.row(tx, staff, caseId, true);
      if (!CASE_TRANSITIONS[row.status].includes(target.to)) throw illegalTransition(row.status, target.to, decision.decision);
      if (row.status === 'claimed' && row.claimed_by !== staff.id) {
        throw new PlatformError(409, 'conflict', `case ${caseId} is claimed by another clerk`);
      }
      const now = this.ctx.now();
      const sets: string[] = ['status = ?'];
      const params: (string | number | null)[] = [target.to];
      let reason: string | null = null;
      const details: Record<string, unknown> = {};
      switch (decision.decision) {
        case 'accept':
          reason = decision.note ?? null;
          break;
        case 'reject':
          reason = decision.reason;
          sets.push('completed_at = ?', 'decision = ?');
          params.push(now, JSON.stringify({ reason: decision.reason, missingMaterials: null, result: null }));
          break;
        case 'request-materials':
          reason = decision.note ?? null;
          details.missingMaterials = decision.missingMaterials;
          sets.push('claimed_by = NULL', 'claimed_at = NULL', 'decision = ?');
          params.push(JSON.stringify({ reason: decision.note ?? null, missingMaterials: decision.missingMaterials, result: null }));
          break;
        case 'transfer':
          reason = decision.note ?? null;
          break;
        case 'complete':
          details.result = decision.result;
          sets.push('completed_at = ?', 'decision = ?');
          params.push(now, JSON.stringify({ reason: null, missingMaterials: null, result: decision.result }));
          break;
        case 'release':
          reason = decision.note ?? null;
          sets.push('claimed_by = NULL', 'claimed_at = NULL');
          break;
      }
      for (const [column, value] of Object.entries(prepared.sets ?? {})) {
        sets.push(`${column} = ?`);
        params.push(value);
      }
      Object.assign(details, prepared.details);
      const updated = await tx.get<CaseRow>(`UPDATE cases SET ${sets.join(', ')} WHERE id = ? RETURNING *`, [...params, caseId]);
      const event = await appendEvent(tx, this.db.dialect, {
        centreId: row.centre_id,
        caseId,
        queueNumber: row.queue_number,
        type: target.event,
        fromStatus: row.status,
        toStatus: target.to,
        actor: actorOf(staff),
        reason,
        at: now,
        details,
      });
      if (!prepared.after) return { row: updated!, events: [event] };
      const further = await prepared.after(tx, updated!, now);
      return { row: (await tx.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [caseId]))!, events: [event, ...further] };
    });
    this.published(result.events);
    return summaryOf(result.row, this.ctx.cipher, this.ctx.now());
  }

  /** The citizen brought what 补正 asked for: the materials are added and the case queues again in its old place. */
  async supplement(caller: Caller, caseId: string, body: SupplementRequest, proof?: CaseProof): Promise<CaseSummary> {
    // The catalogue is read before the transaction: on SQLite a read outside it would wait for it to end.
    const current = await this.row(this.db, caller, caseId, false, proof);
    const { item } = await this.item(current.service_code);
    this.checkMaterials(item, body.materials);
    const before = openRequest(this.ctx.cipher, current);
    if (!before.supplements?.includes(body.supplementId)) await this.licences?.checkNamed(before.applicant.idNumber, { ...before.form, ...body.form }, body.materials);
    const result = await this.db.transaction(async (tx) => {
      const row = await this.row(tx, caller, caseId, true, proof);
      const stored = openRequest(this.ctx.cipher, row);
      if (stored.supplements?.includes(body.supplementId)) return { row, event: undefined };
      // A 补正 asked by a department's back office goes back to that department, not to the queue.
      const back: CaseStatus = row.department ? 'transferred' : 'queued';
      if (row.status !== 'awaiting-materials') throw illegalTransition(row.status, back, 'supplement');
      await this.checkBlobs(tx, row.centre_id, body.materials);
      const form = body.form ? this.checkForm(item, { ...stored.form, ...body.form }, stored.applicant) : stored.form;
      const next: StoredRequest = {
        ...stored,
        form,
        materials: [...stored.materials, ...body.materials],
        supplements: [...(stored.supplements ?? []), body.supplementId],
      };
      const now = this.ctx.now();
      const updated = await tx.get<CaseRow>('UPDATE cases SET status = ?, request = ? WHERE id = ? RETURNING *', [
        back,
        sealRequest(this.ctx.cipher, caseId, next),
        caseId,
      ]);
      const event = await appendEvent(tx, this.db.dialect, {
        centreId: row.centre_id,
        caseId,
        queueNumber: row.queue_number,
        type: 'materials-supplied',
        fromStatus: 'awaiting-materials',
        toStatus: back,
        actor: actorOf(caller),
        at: now,
        details: { materials: body.materials.map((m) => m.code), ...(row.department ? { department: row.department } : {}) },
      });
      return { row: updated!, event };
    });
    if (result.event) this.published([result.event]);
    return summaryOf(result.row, this.ctx.cipher, this.ctx.now());
  }

  /** Seals the applicant and form of cases an older platform stored in the clear (once, at start-up). */
  async sealLegacy(): Promise<number> {
    const rows = await this.db.all<{ id: string; request: string }>('SELECT id, request FROM cases');
    let sealed = 0;
    for (const row of rows.filter(isUnsealed)) {
      await this.db.run('UPDATE cases SET request = ? WHERE id = ?', [sealRequest(this.ctx.cipher, row.id, openRequest(this.ctx.cipher, row)), row.id]);
      sealed += 1;
    }
    return sealed;
  }

  /** Claims nobody decided on within the timeout go back to the queue, keeping their place. */
  async releaseAbandoned(): Promise<number> {
    const cutoff = this.ctx.now() - this.ctx.settings.claimTimeoutMinutes * 60_000;
    const stale = await this.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM cases WHERE status = 'claimed' AND claimed_at < ?", [cutoff]);
    if (!stale || Number(stale.n) === 0) return 0;
    const events = await this.db.transaction(async (tx) => {
      const rows = await tx.all<CaseRow>(
        `SELECT * FROM cases WHERE status = 'claimed' AND claimed_at < ?${this.db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''}`,
        [cutoff],
      );
      const out: CaseEvent[] = [];
      const now = this.ctx.now();
      for (const row of rows) {
        await tx.run("UPDATE cases SET status = 'queued', claimed_by = NULL, claimed_at = NULL WHERE id = ?", [row.id]);
        out.push(
          await appendEvent(tx, this.db.dialect, {
            centreId: row.centre_id,
            caseId: row.id,
            queueNumber: row.queue_number,
            type: 'released',
            fromStatus: 'claimed',
            toStatus: 'queued',
            actor: { kind: 'system', id: 'claim-timeout' },
            reason: `claim abandoned for ${this.ctx.settings.claimTimeoutMinutes} minutes`,
            at: now,
            details: { previousClerk: row.claimed_by },
          }),
        );
      }
      return out;
    });
    this.published(events);
    return events.length;
  }
}
