import type { CaseEvent } from '../../contract/platform/events';
import type { CentreStats, FollowUp, Rating, RatingReason, RatingRequest } from '../../contract/platform/ratings';
import type { Queryable } from '../store/database';
import { actorOf, requireCentre, requireStaff, type Caller } from './caller';
import type { CaseRow } from './cases';
import { iso, isoOrNull, type PlatformContext } from './context';
import { notFound, PlatformError } from './errors';
import { appendEvent } from './events';
import { canonicalJson, sha256Hex } from './secrets';

const BAD_LEVEL = 2;

interface RatingRow {
  case_id: string;
  visit_id: string;
  level: number;
  reasons: string;
  comment: string | null;
  body_hash: string;
  rated_at: number;
}

interface FollowUpRow {
  id: number;
  case_id: string;
  opened_at: number;
  closed_at: number | null;
  closed_by: string | null;
  resolution: string | null;
  level: number;
  reasons: string;
}

function distribution(values: number[]): CentreStats['waiting'] {
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
  ) {}

  private toRating(row: RatingRow, followUpId: number | null): Rating {
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

  async rate(caller: Caller, caseId: string, request: RatingRequest): Promise<{ rating: Rating; replay: boolean }> {
    const db = this.ctx.db;
    const bodyHash = sha256Hex(canonicalJson(request));
    const result = await db.transaction(async (tx) => {
      const row = await tx.get<CaseRow>(`SELECT * FROM cases WHERE id = ?${db.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [caseId]);
      if (!row) throw notFound(`case ${caseId}`);
      requireCentre(caller, row.centre_id);
      const existing = await tx.get<RatingRow>('SELECT * FROM ratings WHERE case_id = ?', [caseId]);
      if (existing) {
        if (existing.body_hash !== bodyHash) throw new PlatformError(409, 'conflict', `case ${caseId} has already been rated`);
        const followUp = await tx.get<{ id: number }>('SELECT id FROM follow_ups WHERE case_id = ?', [caseId]);
        return { rating: this.toRating(existing, followUp?.id ?? null), replay: true, event: undefined };
      }
      const now = this.ctx.now();
      const inserted = await tx.get<RatingRow>(
        `INSERT INTO ratings (case_id, centre_id, visit_id, level, reasons, comment, body_hash, rated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [caseId, row.centre_id, request.visitId, request.level, JSON.stringify(request.reasons), request.comment ?? null, bodyHash, now],
      );
      let followUpId: number | null = null;
      if (request.level <= BAD_LEVEL) {
        const followUp = await tx.get<{ id: number }>('INSERT INTO follow_ups (case_id, centre_id, opened_at) VALUES (?, ?, ?) RETURNING id', [
          caseId,
          row.centre_id,
          now,
        ]);
        followUpId = followUp!.id;
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

  private toFollowUp(row: FollowUpRow): FollowUp {
    return {
      id: row.id,
      caseId: row.case_id,
      level: row.level,
      reasons: JSON.parse(row.reasons) as RatingReason[],
      openedAt: iso(row.opened_at),
      closedAt: isoOrNull(row.closed_at),
      closedBy: row.closed_by,
      resolution: row.resolution,
    };
  }

  async closeFollowUp(caller: Caller, id: number, resolution: string): Promise<FollowUp> {
    const staff = requireStaff(caller);
    const db = this.ctx.db;
    const result = await db.transaction(async (tx: Queryable) => {
      const row = await tx.get<FollowUpRow & { centre_id: string }>(
        `SELECT f.*, r.level, r.reasons FROM follow_ups f JOIN ratings r ON r.case_id = f.case_id WHERE f.id = ?`,
        [id],
      );
      if (!row) throw notFound(`follow-up ${id}`);
      requireCentre(staff, row.centre_id);
      if (row.closed_at !== null) throw new PlatformError(409, 'conflict', `follow-up ${id} was closed already`);
      const now = this.ctx.now();
      await tx.run('UPDATE follow_ups SET closed_at = ?, closed_by = ?, resolution = ? WHERE id = ?', [now, staff.id, resolution, id]);
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
        details: { followUpId: id },
      });
      return { followUp: this.toFollowUp({ ...row, closed_at: now, closed_by: staff.id, resolution }), event };
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
