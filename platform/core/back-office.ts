import type { BackOfficeCase, BackOfficeDecision, BackOfficeQueue, CaseNote } from '../../contract/platform/back-office';
import type { CaseStatus, CaseSummary } from '../../contract/platform/cases';
import type { CaseEvent } from '../../contract/platform/events';
import type { CaseLicences } from '../../contract/platform/licences';
import { maskLicenceNumber } from './masking';
import { COLLECT_MODE_FIELD, type CollectMode } from '../../contract/platform/bundles';
import type { Queryable } from '../store/database';
import { actorOf, requireBackOffice, requireCentre, requireStaff, type Caller } from './caller';
import { illegalTransition, summaryOf, type CaseRow, type CaseService } from './cases';
import { openRequest } from './stored-request';
import type { PlatformContext } from './context';
import type { DepartmentService } from './departments';
import { forbidden, notFound, PlatformError } from './errors';
import { appendEvent, listEvents } from './events';
import type { IssuedPickup, PickupService } from './pickup';
import type { CaseNotes } from '../desk/notes';

const LISTED: readonly CaseStatus[] = ['transferred', 'awaiting-materials', 'returned', 'ready', 'completed', 'rejected'];
const DECIDED: readonly CaseStatus[] = ['ready', 'completed', 'rejected'];

/**
 * 后台审批: the department's staff see what was sent to it and decide. An approval makes the
 * result ready to collect at any unified window (一口发证), with a pickup code by SMS; for a
 * 一件事 collected together, the code comes when the last of its items is decided.
 */
export class BackOfficeService {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly published: (events: CaseEvent[]) => void,
    private readonly cases: CaseService,
    private readonly departments: DepartmentService,
    private readonly pickups: PickupService,
    private readonly caseNotes: CaseNotes,
    /** The licences a case names, as staff see them (platform/licences; audited there). */
    private readonly licences?: { ofCase(caller: Caller, caseId: string): Promise<CaseLicences> },
  ) {}

  async queue(caller: Caller, status: CaseStatus = 'transferred'): Promise<BackOfficeQueue> {
    const staff = requireBackOffice(caller);
    if (!LISTED.includes(status)) throw new PlatformError(400, 'invalid-request', `status must be one of ${LISTED.join(', ')}`, 'status');
    const department = await this.departments.require(staff.centreId, staff.department, 'department');
    const rows = await this.ctx.db.all<CaseRow>(
      'SELECT * FROM cases WHERE centre_id = ? AND department = ? AND status = ? ORDER BY deadline_at, received_at, id LIMIT 500',
      [staff.centreId, staff.department, status],
    );
    return { department, cases: rows.map((row) => summaryOf(row, this.ctx.cipher, this.ctx.now())) };
  }

  private async ownRow(db: Queryable, caller: Caller, caseId: string, lock = false): Promise<CaseRow> {
    const staff = requireBackOffice(caller);
    const row = await db.get<CaseRow>(`SELECT * FROM cases WHERE id = ?${lock && this.ctx.db.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [caseId]);
    if (!row) throw notFound(`case ${caseId}`);
    requireCentre(staff, row.centre_id);
    if (row.department !== staff.department) throw forbidden(`case ${caseId} was not sent to department ${staff.department}`);
    return row;
  }

  async read(caller: Caller, caseId: string): Promise<BackOfficeCase> {
    const row = await this.ownRow(this.ctx.db, caller, caseId);
    const detail = await this.cases.read(caller, caseId);
    const history = await listEvents(this.ctx.db, { centreId: row.centre_id, caseId }, 0, 500);
    const catalogue = await this.ctx.catalogue();
    const item = catalogue.items.find((i) => i.code === row.service_code);
    return {
      detail,
      history: history.events,
      notes: await this.caseNotes.list(caller, row.id),
      materialNames: Object.fromEntries((item?.materials ?? []).map((m) => [m.code, m.name['zh-CN']])),
      electronicLicences: ((await this.licences?.ofCase(caller, caseId))?.licences ?? []).flatMap(({ licence }) =>
        licence ? [{ type: licence.type, number: maskLicenceNumber(licence.number), holderMasked: licence.holderMasked }] : [],
      ),
    };
  }

  async notes(caller: Caller, caseId: string): Promise<CaseNote[]> {
    return this.caseNotes.list(caller, caseId);
  }

  /** Internal notes: the back office on its department's cases, window staff on any case of the centre. */
  async addNote(caller: Caller, caseId: string, text: string): Promise<CaseNote> {
    const staff = requireStaff(caller);
    if (staff.role === 'back-office') await this.ownRow(this.ctx.db, caller, caseId);
    else {
      const row = await this.ctx.db.get<{ centre_id: string }>('SELECT centre_id FROM cases WHERE id = ?', [caseId]);
      if (!row) throw notFound(`case ${caseId}`);
      requireCentre(staff, row.centre_id);
    }
    return this.caseNotes.add(staff, caseId, text);
  }

  async decide(caller: Caller, caseId: string, decision: BackOfficeDecision): Promise<CaseSummary> {
    const staff = requireBackOffice(caller);
    const result = await this.ctx.db.transaction(async (tx) => {
      const row = await this.ownRow(tx, staff, caseId, true);
      const to: CaseStatus = decision.decision === 'approve' ? 'ready' : decision.decision === 'return' ? 'returned' : 'awaiting-materials';
      if (row.status !== 'transferred') throw illegalTransition(row.status, to, decision.decision);
      const now = this.ctx.now();
      const events: CaseEvent[] = [];
      const issued: IssuedPickup[] = [];
      const event = (type: CaseEvent['type'], reason: string | null, details: Record<string, unknown>) =>
        appendEvent(tx, this.ctx.db.dialect, {
          centreId: row.centre_id,
          caseId,
          queueNumber: row.queue_number,
          type,
          fromStatus: 'transferred',
          toStatus: to,
          actor: actorOf(staff),
          reason,
          at: now,
          details: { department: staff.department, ...details },
        });
      if (decision.decision === 'approve') {
        const { result: outcome } = decision;
        await tx.run("UPDATE cases SET status = 'ready', ready_at = ?, result = ?, decision = ? WHERE id = ?", [
          now,
          JSON.stringify(outcome),
          JSON.stringify({ reason: null, missingMaterials: null, result: outcome.decisionText }),
          caseId,
        ]);
        const approved = await event('approved', null, {
          ...(outcome.documentNumber ? { documentNumber: outcome.documentNumber } : {}),
          ...(outcome.amountCents !== undefined ? { amountCents: outcome.amountCents } : {}),
        });
        events.push(approved);
        issued.push(...(await this.readyToCollect(tx, { ...row, status: 'ready' }, approved, now, events)));
      } else if (decision.decision === 'return') {
        await tx.run("UPDATE cases SET status = 'returned', decision = ? WHERE id = ?", [
          JSON.stringify({ reason: decision.reason, missingMaterials: null, result: null }),
          caseId,
        ]);
        events.push(await event('returned', decision.reason, {}));
      } else {
        const missing = [...new Set(decision.missingMaterials)];
        await tx.run("UPDATE cases SET status = 'awaiting-materials', decision = ? WHERE id = ?", [
          JSON.stringify({ reason: decision.note ?? null, missingMaterials: missing, result: null }),
          caseId,
        ]);
        events.push(await event('materials-requested', decision.note ?? null, { missingMaterials: missing }));
      }
      const updated = await tx.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [caseId]);
      return { row: updated!, events, issued };
    });
    this.published(result.events);
    this.pickups.announce(result.issued);
    return summaryOf(result.row, this.ctx.cipher, this.ctx.now());
  }

  /**
   * A single case gets its own pickup. An item of a bundle gets one when the citizen chose to
   * collect each as it is ready; when every item is decided the bundle is ready too, and if the
   * citizen chose to collect together, one pickup then covers the bundle and all its results.
   */
  private async readyToCollect(tx: Queryable, row: CaseRow, approved: CaseEvent, now: number, events: CaseEvent[]): Promise<IssuedPickup[]> {
    if (!row.bundle_id) return [await this.pickups.issue(tx, [row], null, approved, now)];
    const parent = await tx.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [row.bundle_id]);
    if (!parent) return [await this.pickups.issue(tx, [row], null, approved, now)];
    const mode: CollectMode = openRequest(this.ctx.cipher, parent).form[COLLECT_MODE_FIELD] === 'each' ? 'each' : 'together';
    const issued = mode === 'each' ? [await this.pickups.issue(tx, [row], parent.id, approved, now)] : [];
    const items = await tx.all<CaseRow>('SELECT * FROM cases WHERE bundle_id = ? ORDER BY queue_number', [parent.id]);
    if (parent.status !== 'transferred' || !items.every((i) => DECIDED.includes(i.status))) return issued;
    await tx.run("UPDATE cases SET status = 'ready', ready_at = ? WHERE id = ?", [now, parent.id]);
    const bundleReady = await appendEvent(tx, this.ctx.db.dialect, {
      centreId: parent.centre_id,
      caseId: parent.id,
      queueNumber: parent.queue_number,
      type: 'approved',
      fromStatus: 'transferred',
      toStatus: 'ready',
      actor: { kind: 'system', id: 'bundle' },
      at: now,
      details: { items: items.map((i) => ({ caseId: i.id, serviceCode: i.service_code, status: i.status })) },
    });
    events.push(bundleReady);
    if (mode === 'together') {
      const ready = items.filter((i) => i.status === 'ready');
      issued.push(await this.pickups.issue(tx, [{ ...parent, status: 'ready' }, ...ready], parent.id, bundleReady, now));
    }
    return issued;
  }
}
