import type { CaseEvent } from '../../contract/platform/events';
import { FOLLOW_UP_WORKING_DAYS, type CentreStats, type CloseFollowUpRequest, type FollowUp, type Rating, type RatingReason, type RatingRequest } from '../../contract/platform/ratings';
import type { Queryable } from '../store/database';
import { actorOf, requireStaff, requireWindowStaff, type Caller } from './caller';
import type { CaseAccess, CaseProof } from './case-access';
import type { CaseRow } from './cases';
import { openRequest } from './stored-request';
import { iso, isoOrNull, type PlatformContext } from './context';
import { forbidden, notFound, PlatformError } from './errors';
import { appendEvent } from './events';
import { canonicalJson, randomToken, sha256Hex } from './secrets';
import { audit } from './audit';
import type { DepartmentService } from './departments';

const BAD_LEVEL = 2;
/** How long after collecting a result the citizen may rate it on the window's screen. */
const COLLECTION_RATING_MS = 30 * 60_000;

interface RatingRow {
  case_id: string;
  visit_id: string;
  level: number;
  reasons: string;
  comment: string | null;
  body_hash: string;
  rated_at: number;
}

/** A rating is of a case someone has handled: not of one still waiting or on a desk. */
const NOT_RATEABLE = new Set(['queued', 'claimed']);

interface FollowUpRow {
  id: number;
  public_id: string;
  case_id: string;
  opened_at: number;
  closed_at: number | null;
  closed_by: string | null;
  resolution: string | null;
  deadline_at: number | null;
  callback_required: number;
  called_back_at: number | null;
  callback_outcome: 'reached' | 'not-reached' | null;
  callback_note: string | null;
  level: number;
  reasons: string;
}

/** Count, mean, median (p50) and p90 of spans in seconds; also the service-level statistics'. */
export function distribution(values: number[]): CentreStats['waiting'] {
  if (values.length === 0) return { count: 0, meanSeconds: null, p50Seconds: null, p90Seconds: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { count: sorted.length, meanSeconds: Math.round(mean), p50Seconds: Math.round(at(0.5)), p90Seconds: Math.round(at(0.9)) };
}

/** 好差评: one rating per case; a bad one opens a follow-up that staff must close. */
export class RatingService {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly published: (events: CaseEvent[]) => void,
    private readonly access: CaseAccess,
    private readonly departments: DepartmentService,
  ) {}

  /**
   * Follow-ups made before their ids were random get one, and those made before they had a
   * deadline get theirs from when they were opened (once, at start-up).
   */
  async assignFollowUpIds(): Promise<void> {
    const rows = await this.ctx.db.all<{ id: number }>('SELECT id FROM follow_ups WHERE public_id IS NULL');
    for (const row of rows) await this.ctx.db.run('UPDATE follow_ups SET public_id = ? WHERE id = ?', [`fu_${randomToken(16)}`, row.id]);
    const undated = await this.ctx.db.all<{ id: number; centre_id: string; opened_at: number }>('SELECT id, centre_id, opened_at FROM follow_ups WHERE deadline_at IS NULL');
    for (const row of undated) {
      await this.ctx.db.run('UPDATE follow_ups SET deadline_at = ? WHERE id = ?', [await this.followUpDeadline(row.centre_id, Number(row.opened_at)), row.id]);
    }
  }

  /** 差评整改: closed within 5 working days of the rating. */
  private followUpDeadline(centreId: string, openedAt: number, db: Queryable = this.ctx.db): Promise<number> {
    return this.departments.deadline(centreId, openedAt, FOLLOW_UP_WORKING_DAYS, db);
  }

  private toRating(row: RatingRow, followUpId: string | null): Rating {
    return {
      caseId: row.case_id,
      visitId: row.visit_id,
      level: row.level,
      reasons: JSON.parse(row.reasons) as RatingReason[],
      ...(row.comment !== null ? { comment: row.comment } : {}),
      ratedAt: iso(row.rated_at),
      followUpId,
    };
  }

  /**
   * Staff hand the rating to the citizen only for a result collected at the window within the
   * last half hour, under that collection's visit: anything else is not theirs to rate (404, as
   * for a case that is not there, so nothing is learned of other centres).
   */
  private async collectionVisit(tx: Queryable, caller: Caller, row: CaseRow, visitId: string): Promise<'collection'> {
    const staff = requireWindowStaff(caller);
    if (row.centre_id !== staff.centreId) throw notFound(`case ${row.id}`);
    const pickups = await tx.all<{ collection: string | null; collected_at: number | null }>(
      'SELECT collection, collected_at FROM pickups WHERE centre_id = ? AND collected_at IS NOT NULL AND case_ids LIKE ?',
      [row.centre_id, `%${JSON.stringify(row.id)}%`],
    );
    const now = this.ctx.now();
    const collected = pickups.find((p) => p.collection && (JSON.parse(p.collection) as { visitId?: string }).visitId === visitId);
    if (!collected || row.status !== 'completed' || now - Number(collected.collected_at) > COLLECTION_RATING_MS) {
      throw forbidden(`case ${row.id} can be rated at the window only under its collection visit, right after collection`);
    }
    return 'collection';
  }

  /**
   * Only the citizen rates: at a kiosk, for the cases it may touch (its own, or one the citizen
   * proved), or on the window's screen right after collecting the result (一口发证), where the
   * desk hands the citizen the rating for that collection visit only. Never a counter terminal
   * itself, nor staff for any other case. The visit must be the case's own (or the collection's),
   * unless the citizen proved the case, and the case must have been handled.
   */
  async rate(caller: Caller, caseId: string, request: RatingRequest, proof: CaseProof = {}): Promise<{ rating: Rating; replay: boolean }> {
    // A counter terminal is the clerk's own machine: the clerk must not rate their own service.
    const atCollection = caller.kind === 'staff';
    if (!atCollection && (caller.kind !== 'terminal' || caller.terminalKind !== 'kiosk')) {
      throw forbidden('a rating comes from the citizen at a kiosk or at the window where the result was collected');
    }
    const db = this.ctx.db;
    const bodyHash = sha256Hex(canonicalJson(request));
    const result = await db.transaction(async (tx) => {
      const row = await tx.get<CaseRow>(`SELECT * FROM cases WHERE id = ?${db.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [caseId]);
      if (!row) throw notFound(`case ${caseId}`);
      const stored = openRequest(this.ctx.cipher, row);
      const how = atCollection
        ? await this.collectionVisit(tx, caller, row, request.visitId)
        : this.access.check(caller, { id: row.id, centreId: row.centre_id, terminalId: row.terminal_id, applicantIdNumber: () => stored.applicant.idNumber }, proof);
      const existing = await tx.get<RatingRow>('SELECT * FROM ratings WHERE case_id = ?', [caseId]);
      if (existing) {
        if (existing.body_hash !== bodyHash) throw new PlatformError(409, 'conflict', `case ${caseId} has already been rated`);
        const followUp = await tx.get<{ public_id: string }>('SELECT public_id FROM follow_ups WHERE case_id = ?', [caseId]);
        return { rating: this.toRating(existing, followUp?.public_id ?? null), replay: true, event: undefined };
      }
      if (NOT_RATEABLE.has(row.status)) throw new PlatformError(409, 'conflict', `case ${caseId} is ${row.status}: it can be rated once it has been handled`);
      if (request.visitId !== stored.visitId && how !== 'proof' && how !== 'collection') {
        throw new PlatformError(422, 'invalid-form', `visitId is not the visit case ${caseId} was made in`, 'visitId');
      }
      const now = this.ctx.now();
      const inserted = await tx.get<RatingRow>(
        `INSERT INTO ratings (case_id, centre_id, visit_id, level, reasons, comment, body_hash, rated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [caseId, row.centre_id, request.visitId, request.level, JSON.stringify(request.reasons), request.comment ?? null, bodyHash, now],
      );
      let followUpId: string | null = null;
      if (request.level <= BAD_LEVEL) {
        followUpId = `fu_${randomToken(16)}`;
        const deadline = await this.followUpDeadline(row.centre_id, now, tx);
        await tx.run('INSERT INTO follow_ups (case_id, centre_id, opened_at, public_id, deadline_at, callback_required) VALUES (?, ?, ?, ?, ?, ?)', [
          caseId,
          row.centre_id,
          now,
          followUpId,
          deadline,
          request.anonymous === true ? 0 : 1,
        ]);
        await audit(tx, caller, 'follow-up-opened', caseId, now, followUpId);
      }
      const event = await appendEvent(tx, db.dialect, {
        centreId: row.centre_id,
        caseId,
        queueNumber: row.queue_number,
        type: 'rated',
        fromStatus: row.status,
        toStatus: row.status,
        actor: actorOf(caller),
        at: now,
        details: { level: request.level, reasons: request.reasons, followUpId },
      });
      return { rating: this.toRating(inserted!, followUpId), replay: false, event };
    });
    if (result.event) this.published([result.event]);
    return { rating: result.rating, replay: result.replay };
  }

  async followUps(caller: Caller, open: boolean | undefined): Promise<FollowUp[]> {
    const staff = requireStaff(caller);
    const where = open === undefined ? '' : open ? ' AND f.closed_at IS NULL' : ' AND f.closed_at IS NOT NULL';
    const rows = await this.ctx.db.all<FollowUpRow>(
      `SELECT f.*, r.level, r.reasons FROM follow_ups f JOIN ratings r ON r.case_id = f.case_id
       WHERE f.centre_id = ?${where} ORDER BY f.id LIMIT 500`,
      [staff.centreId],
    );
    return rows.map((row) => this.toFollowUp(row));
  }

  /** The follow-ups of bad ratings given in [from, to), for the centre's dashboard (its caller checked there). */
  async followUpsRatedBetween(centreId: string, from: number, to: number): Promise<(FollowUp & { comment: string | null })[]> {
    const rows = await this.ctx.db.all<FollowUpRow & { comment: string | null }>(
      `SELECT f.*, r.level, r.reasons, r.comment FROM follow_ups f JOIN ratings r ON r.case_id = f.case_id
       WHERE f.centre_id = ? AND r.rated_at >= ? AND r.rated_at < ? ORDER BY f.id LIMIT 2000`,
      [centreId, from, to],
    );
    return rows.map((row) => ({ ...this.toFollowUp(row), comment: row.comment }));
  }

  private toFollowUp(row: FollowUpRow): FollowUp {
    const deadline = Number(row.deadline_at);
    const until = row.closed_at === null ? this.ctx.now() : Number(row.closed_at);
    return {
      id: row.public_id,
      caseId: row.case_id,
      level: row.level,
      reasons: JSON.parse(row.reasons) as RatingReason[],
      openedAt: iso(row.opened_at),
      deadlineAt: iso(deadline),
      overdue: until > deadline,
      callbackRequired: Number(row.callback_required) === 1,
      callback:
        row.called_back_at === null || row.callback_outcome === null || row.callback_note === null
          ? null
          : { at: iso(row.called_back_at), outcome: row.callback_outcome, note: row.callback_note },
      closedAt: isoOrNull(row.closed_at),
      closedBy: row.closed_by,
      resolution: row.resolution,
    };
  }

  /** Closing needs what was done; a named rating needs its call back too. Audited. */
  async closeFollowUp(caller: Caller, id: string, close: CloseFollowUpRequest): Promise<FollowUp> {
    const { resolution, callback } = close;
    const staff = requireStaff(caller);
    const db = this.ctx.db;
    const result = await db.transaction(async (tx: Queryable) => {
      const row = await tx.get<FollowUpRow & { centre_id: string }>(
        `SELECT f.*, r.level, r.reasons FROM follow_ups f JOIN ratings r ON r.case_id = f.case_id WHERE f.public_id = ?`,
        [id],
      );
      if (!row || row.centre_id !== staff.centreId) throw notFound(`follow-up ${id}`);
      if (row.closed_at !== null) throw new PlatformError(409, 'conflict', `follow-up ${id} was closed already`);
      if (Number(row.callback_required) === 1 && !callback) {
        throw new PlatformError(422, 'invalid-form', `callback: follow-up ${id} is of a named rating; call the citizen back and say what came of it`, 'callback');
      }
      const now = this.ctx.now();
      await tx.run(
        'UPDATE follow_ups SET closed_at = ?, closed_by = ?, resolution = ?, called_back_at = ?, callback_outcome = ?, callback_note = ? WHERE id = ?',
        [now, staff.id, resolution, callback ? now : null, callback?.outcome ?? null, callback?.note ?? null, row.id],
      );
      await audit(tx, staff, 'follow-up-closed', row.case_id, now, id);
      const kase = await tx.get<CaseRow>('SELECT * FROM cases WHERE id = ?', [row.case_id]);
      const event = await appendEvent(tx, db.dialect, {
        centreId: row.centre_id,
        caseId: row.case_id,
        queueNumber: kase!.queue_number,
        type: 'follow-up-closed',
        fromStatus: kase!.status,
        toStatus: kase!.status,
        actor: actorOf(staff),
        reason: resolution,
        at: now,
        details: { followUpId: id, ...(callback ? { callback: callback.outcome } : {}) },
      });
      const closed: FollowUpRow = {
        ...row,
        closed_at: now,
        closed_by: staff.id,
        resolution,
        called_back_at: callback ? now : null,
        callback_outcome: callback?.outcome ?? null,
        callback_note: callback?.note ?? null,
      };
      return { followUp: this.toFollowUp(closed), event };
    });
    this.published([result.event]);
    return result.followUp;
  }

  /** Per-centre figures over cases received in [from, to). Computed in JS: a centre's cases per period are few. */
  async stats(caller: Caller, from: number, to: number): Promise<CentreStats> {
    const staff = requireStaff(caller);
    const db = this.ctx.db;
    const cases = await db.all<Pick<CaseRow, 'status' | 'received_at' | 'first_claimed_at' | 'completed_at'>>(
      'SELECT status, received_at, first_claimed_at, completed_at FROM cases WHERE centre_id = ? AND received_at >= ? AND received_at < ?',
      [staff.centreId, from, to],
    );
    const ratings = await db.all<{ level: number; reasons: string }>(
      'SELECT r.level, r.reasons FROM ratings r JOIN cases c ON c.id = r.case_id WHERE c.centre_id = ? AND c.received_at >= ? AND c.received_at < ?',
      [staff.centreId, from, to],
    );
    const followUps = await db.get<{ open: number | null; closed: number | null }>(
      `SELECT SUM(CASE WHEN closed_at IS NULL THEN 1 ELSE 0 END) AS open, SUM(CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END) AS closed
       FROM follow_ups WHERE centre_id = ?`,
      [staff.centreId],
    );
    const byStatus: Record<string, number> = {};
    for (const c of cases) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    const byLevel: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    const bad = new Map<RatingReason, number>();
    for (const r of ratings) {
      byLevel[String(r.level)] = (byLevel[String(r.level)] ?? 0) + 1;
      if (r.level <= BAD_LEVEL) for (const reason of JSON.parse(r.reasons) as RatingReason[]) bad.set(reason, (bad.get(reason) ?? 0) + 1);
    }
    return {
      centreId: staff.centreId,
      from: iso(from),
      to: iso(to),
      cases: { total: cases.length, byStatus },
      waiting: distribution(cases.filter((c) => c.first_claimed_at !== null).map((c) => (c.first_claimed_at! - c.received_at) / 1000)),
      handling: distribution(
        cases.filter((c) => c.first_claimed_at !== null && c.completed_at !== null && c.status === 'completed').map((c) => (c.completed_at! - c.first_claimed_at!) / 1000),
      ),
      ratings: {
        count: ratings.length,
        mean: ratings.length ? Math.round((ratings.reduce((s, r) => s + r.level, 0) / ratings.length) * 100) / 100 : null,
        byLevel,
        badReasons: [...bad.entries()].sort((a, b) => b[1] - a[1]).map(([reason, count]) => ({ reason, count })),
      },
      followUps: { open: Number(followUps?.open ?? 0), closed: Number(followUps?.closed ?? 0) },
    };
  }
}
