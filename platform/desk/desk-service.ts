import type { CaseSummary } from '../../contract/platform/cases';
import { normaliseCaseNumber } from '../../contract/platform/case-number';
import type { BatchCollection, BatchCollectRequest, Colleague, DeskCases, DeskList, DeskSearch } from '../../contract/platform/desk';
import type { CaseEvent } from '../../contract/platform/events';
import { audit } from '../core/audit';
import { actorOf, requireCentre, requireWindowStaff, type Caller } from '../core/caller';
import { summaryOf, type CaseRow } from '../core/cases';
import type { PlatformContext } from '../core/context';
import { invalidForm, notFound, PlatformError } from '../core/errors';
import { appendEvent } from '../core/events';
import { canonicalJson, sha256Hex } from '../core/secrets';
import type { PickupService } from '../core/pickup';
import { idTailKey, indexNewCases, nameKey } from './search-keys';

/** Window roles: the ones that take cases at a unified window. */
const WINDOW_ROLES = ['staff', 'centre-admin'] as const;
/** The events that make a case a clerk's once nobody holds its claim any more. */
const MINE_BY_EVENT = ['claimed', 'accepted', 'transferred', 'materials-requested'] as const;
const HANDED_OVER_FROM = ['claimed', 'accepted'] as const;
const SEARCH_LIMIT = 50;
const LIST_LIMIT = 500;

/**
 * The counter desk for a day's work: "my cases" by list, search across the centre, a case handed
 * to a colleague at another window, and several results handed over at once (一口发证).
 */
export class DeskService {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly published: (events: CaseEvent[]) => void,
    private readonly pickups: PickupService,
  ) {}

  private get db() {
    return this.ctx.db;
  }

  private summaries(rows: CaseRow[]): CaseSummary[] {
    return rows.map((row) => summaryOf(row, this.ctx.cipher, this.ctx.now()));
  }

  /** The caller's cases in one list; the one nearest its deadline first, then the oldest. */
  async myCases(caller: Caller, list: DeskList): Promise<DeskCases> {
    const staff = requireWindowStaff(caller);
    const kinds = MINE_BY_EVENT.map(() => '?').join(', ');
    const rows = await this.db.all<CaseRow>(
      `SELECT * FROM cases c WHERE c.centre_id = ? AND c.status = ? AND (c.claimed_by = ? OR (c.claimed_by IS NULL AND EXISTS (
         SELECT 1 FROM events e WHERE e.case_id = c.id AND e.actor_kind = 'staff' AND e.actor_id = ? AND e.type IN (${kinds}))))
       ORDER BY CASE WHEN c.deadline_at IS NULL THEN 1 ELSE 0 END, c.deadline_at, c.received_at, c.id LIMIT ${LIST_LIMIT}`,
      [staff.centreId, list, staff.id, staff.id, ...MINE_BY_EVENT],
    );
    await audit(this.db, staff, 'queue-read', null, this.ctx.now(), `my cases ${list}: ${rows.length}`);
    return { list, cases: this.summaries(rows) };
  }

  /**
   * By the receipt's case number or today's queue number, by full name, or by the ID number's
   * last 4. The audit line says how the clerk searched and how much came back, never the value.
   */
  async search(caller: Caller, search: DeskSearch): Promise<CaseSummary[]> {
    const staff = requireWindowStaff(caller);
    const centre = staff.centreId;
    let rows: CaseRow[];
    if (search.by === 'number') {
      const typed = search.number.toUpperCase().replace(/\s+/g, '');
      // A queue number, or an item of a 一件事 (F003-1).
      if (/^[A-Z]\d{3,4}(-\d{1,2})?$/.test(typed)) {
        rows = await this.db.all<CaseRow>(`SELECT * FROM cases WHERE centre_id = ? AND queue_number = ? ORDER BY received_at DESC LIMIT ${SEARCH_LIMIT}`, [centre, typed]);
      } else {
        const number = normaliseCaseNumber(typed);
        if (!/^[0-9A-F]{4}-[0-9A-F]{4}$/.test(number)) throw invalidForm('number', `${search.number} is neither a case number (e.g. 1A2B-3C4D) nor a queue number (e.g. A023)`);
        rows = await this.db.all<CaseRow>(`SELECT * FROM cases WHERE centre_id = ? AND id LIKE ? ORDER BY received_at DESC LIMIT ${SEARCH_LIMIT}`, [
          centre,
          `%${number.replace('-', '').toLowerCase()}`,
        ]);
      }
    } else {
      await indexNewCases(this.db, this.ctx.cipher, centre);
      const [column, key] =
        search.by === 'name' ? ['name_key', nameKey(this.ctx.cipher, centre, search.name)] : ['id_tail_key', idTailKey(this.ctx.cipher, centre, search.tail)];
      rows = await this.db.all<CaseRow>(
        `SELECT c.* FROM cases c JOIN case_search_keys k ON k.case_id = c.id
         WHERE k.centre_id = ? AND k.${column} = ? AND c.purged_at IS NULL ORDER BY c.received_at DESC LIMIT ${SEARCH_LIMIT}`,
        [centre, key],
      );
    }
    await audit(this.db, staff, 'case-search', null, this.ctx.now(), `by ${search.by}: ${rows.length} cases`);
    return this.summaries(rows);
  }

  /** Window staff of the centre signed in now, but the caller: who a case may be handed to. */
  async colleagues(caller: Caller): Promise<Colleague[]> {
    const staff = requireWindowStaff(caller);
    const rows = await this.db.all<{ id: string; display_name: string }>(
      `SELECT DISTINCT s.id, s.display_name FROM staff s JOIN staff_sessions ss ON ss.staff_id = s.id
       WHERE s.centre_id = ? AND s.id <> ? AND ss.expires_at > ? AND s.role IN (${WINDOW_ROLES.map(() => '?').join(', ')}) ORDER BY s.display_name, s.id`,
      [staff.centreId, staff.id, this.ctx.now(), ...WINDOW_ROLES],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /**
   * 转窗口: a case on the caller's desk (claimed or accepted) goes to a colleague signed in at
   * another window. The status stays; who holds it changes, and the history says so.
   */
  async handover(caller: Caller, caseId: string, toStaffId: string, note?: string): Promise<CaseSummary> {
    const staff = requireWindowStaff(caller);
    const result = await this.db.transaction(async (tx) => {
      const row = await tx.get<CaseRow>(`SELECT * FROM cases WHERE id = ?${this.db.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [caseId]);
      if (!row) throw notFound(`case ${caseId}`);
      requireCentre(staff, row.centre_id);
      if (!(HANDED_OVER_FROM as readonly string[]).includes(row.status)) {
        throw new PlatformError(409, 'illegal-transition', `cannot hand over a case that is ${row.status} (only ${HANDED_OVER_FROM.join(' or ')})`);
      }
      if (row.claimed_by !== staff.id) throw new PlatformError(409, 'conflict', `case ${caseId} is not on your desk`);
      const to = await tx.get<{ id: string; display_name: string; role: string }>('SELECT id, display_name, role FROM staff WHERE id = ? AND centre_id = ?', [
        toStaffId,
        staff.centreId,
      ]);
      if (!to || !(WINDOW_ROLES as readonly string[]).includes(to.role) || to.id === staff.id) {
        throw invalidForm('staffId', `${toStaffId} is not another window clerk of this centre`);
      }
      const now = this.ctx.now();
      const updated = await tx.get<CaseRow>('UPDATE cases SET claimed_by = ?, claimed_at = ? WHERE id = ? RETURNING *', [to.id, now, caseId]);
      const event = await appendEvent(tx, this.db.dialect, {
        centreId: row.centre_id,
        caseId,
        queueNumber: row.queue_number,
        type: 'handed-over',
        fromStatus: row.status,
        toStatus: row.status,
        actor: actorOf(staff),
        reason: note ?? null,
        at: now,
        details: { from: staff.displayName, to: to.display_name, toStaffId: to.id },
      });
      return { row: updated!, event };
    });
    this.published([result.event]);
    return summaryOf(result.row, this.ctx.cipher, this.ctx.now());
  }

  /**
   * 一口发证 at once: several pickups of one citizen handed over against one signature. All are
   * checked first (same centre, same applicant, none collected otherwise), then each is collected with the
   * same request; a collection is idempotent on its body, so a retry after a failure part-way
   * finishes the rest and changes nothing already done.
   */
  async collectBatch(caller: Caller, request: BatchCollectRequest): Promise<BatchCollection> {
    const staff = requireWindowStaff(caller);
    const ids = [...new Set(request.pickupIds)];
    const applicants = new Set<string>();
    const bodyHash = sha256Hex(canonicalJson(request.collect));
    for (const id of ids) {
      const row = await this.db.get<{ centre_id: string; applicant_key: string; collected_at: number | null; collection_hash: string | null }>(
        'SELECT centre_id, applicant_key, collected_at, collection_hash FROM pickups WHERE id = ?',
        [id],
      );
      if (!row || row.centre_id !== staff.centreId) throw notFound(`pickup ${id}`);
      if (row.collected_at !== null && row.collection_hash !== bodyHash) throw new PlatformError(409, 'conflict', `pickup ${id} was already collected`);
      applicants.add(row.applicant_key);
    }
    if (applicants.size > 1) throw invalidForm('pickupIds', 'the pickups are not all the same citizen’s');
    const collections = [];
    for (const id of ids) collections.push(await this.pickups.collect(staff, id, request.collect));
    return { collections, caseIds: collections.flatMap((c) => c.caseIds) };
  }
}
