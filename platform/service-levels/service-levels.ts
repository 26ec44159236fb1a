import { startOfShanghaiDay } from '../../contract/dates/shanghai-day';
import type { CaseSummary } from '../../contract/platform/cases';
import type { ServiceLevelsNow, ServiceLevelStats } from '../../contract/platform/service-levels';
import type { TicketView } from '../../contract/platform/visits';
import { requireStaff, requireWindowStaff, type Caller } from '../core/caller';
import { iso, type PlatformContext } from '../core/context';
import { notFound, PlatformError } from '../core/errors';
import { TargetStore } from './targets';
import { groupBy, serviceLines, timesOf, waitedMs, waitLevelOf, type WaitItem } from './waits';

/** The window's decisions that end the handling of a case at the counter (a release hands it back unhandled). */
const WINDOW_DECISIONS = ['accepted', 'rejected', 'materials-requested', 'transferred', 'completed'];

interface CaseWaitRow {
  id: string;
  status: string;
  service_code: string;
  received_at: number;
  first_claimed_at: number | null;
  started_at: number | null;
  started_by: string | null;
}

interface TicketWaitRow {
  service_code: string;
  taken_at: number;
  slot_start: number | null;
  called_at: number | null;
  called_by: string | null;
  started_at: number | null;
  started_by: string | null;
  ended_at: number | null;
  status: string;
  /** How a finished ticket ended (served, no-show, redirected); null on tickets older than visits. */
  outcome: string | null;
}

const num = (v: number | null): number | null => (v === null ? null : Number(v));

/** A checked-in appointment waits from its slot's start: coming early for one's slot is not waiting for the centre. */
function ticketItem(row: TicketWaitRow): WaitItem {
  return {
    serviceCode: row.service_code,
    since: Math.max(Number(row.taken_at), Number(row.slot_start ?? 0)),
    calledAt: num(row.called_at),
    calledBy: row.called_by,
    startedAt: num(row.started_at),
    startedBy: row.started_by,
    // Only a served ticket was handled to its end; a no-show or a redirect was not.
    finishedAt: row.status === 'done' && (row.outcome ?? 'served') === 'served' ? num(row.ended_at) : null,
  };
}

function conflict(message: string): PlatformError {
  return new PlatformError(409, 'conflict', message);
}

/**
 * 等候时限 (platform/service-levels): each service's waiting-time targets, where every waiting
 * ticket and case stands against them now, today's count over them, and the statistics of
 * waiting, walking to the counter (called → 开始办理) and handling per service and staff member.
 */
export class ServiceLevels {
  readonly targets: TargetStore;

  constructor(private readonly ctx: PlatformContext) {
    this.targets = new TargetStore(ctx);
  }

  private get db() {
    return this.ctx.db;
  }

  /** The queue's waiting cases, each marked with its level against its service's targets. */
  async markQueue<Q extends { waiting: CaseSummary[] }>(centreId: string, queue: Q): Promise<Q> {
    const target = await this.targets.byService(centreId);
    const now = this.ctx.now();
    return {
      ...queue,
      waiting: queue.waiting.map((c) => ({ ...c, waitLevel: waitLevelOf(waitedMs({ since: Date.parse(c.receivedAt), calledAt: null }, now), target(c.serviceCode)) })),
    };
  }

  /** The windows' ticket list, each waiting ticket marked like the queue's cases. */
  async markTickets(centreId: string, tickets: TicketView[]): Promise<TicketView[]> {
    const target = await this.targets.byService(centreId);
    const now = this.ctx.now();
    const rows = await this.db.all<TicketWaitRow & { id: string }>(
      "SELECT id, service_code, taken_at, slot_start, called_at, called_by, started_at, started_by, ended_at, status, outcome FROM tickets WHERE centre_id = ? AND status = 'waiting'",
      [centreId],
    );
    const waiting = new Map(rows.map((r) => [r.id, ticketItem(r)]));
    return tickets.map((t) => {
      const item = waiting.get(t.ticketId);
      return item ? { ...t, waitLevel: waitLevelOf(waitedMs(item, now), target(t.serviceCode)) } : t;
    });
  }

  /** Both queues' items whose waiting falls in [from, to) by their call, or that still wait. */
  private async items(centreId: string, from: number, to: number, waitingToo: boolean): Promise<WaitItem[]> {
    const cases = await this.db.all<CaseWaitRow>(
      `SELECT id, status, service_code, received_at, first_claimed_at, started_at, started_by FROM cases
       WHERE centre_id = ? AND ((first_claimed_at >= ? AND first_claimed_at < ?)${waitingToo ? " OR status = 'queued'" : ''})`,
      [centreId, from, to],
    );
    const called = cases.filter((c) => c.first_claimed_at !== null && !(waitingToo && c.status === 'queued'));
    // Who called each case, and when the window first decided it after 开始办理, from its events.
    const events = called.length
      ? await this.db.all<{ case_id: string; type: string; actor_id: string; at: number }>(
          `SELECT case_id, type, actor_id, at FROM events WHERE centre_id = ? AND at >= ? AND type IN ('claimed', ${WINDOW_DECISIONS.map(() => '?').join(', ')}) ORDER BY seq`,
          [centreId, called.reduce((first, c) => Math.min(first, Number(c.first_claimed_at)), Infinity), ...WINDOW_DECISIONS],
        )
      : [];
    const byCase = groupBy(events, (e) => e.case_id);
    const caseItems = cases.map((row): WaitItem => {
      const own = byCase.get(row.id) ?? [];
      // A case back in the queue (released, not come) waits again, as the queue marks it: from its receipt.
      const calledAt = waitingToo && row.status === 'queued' ? null : num(row.first_claimed_at);
      const startedAt = num(row.started_at);
      return {
        serviceCode: row.service_code,
        since: Number(row.received_at),
        calledAt,
        calledBy: own.find((e) => e.type === 'claimed' && Number(e.at) === calledAt)?.actor_id ?? null,
        startedAt,
        startedBy: row.started_by,
        finishedAt: startedAt === null ? null : (num(own.find((e) => e.type !== 'claimed' && Number(e.at) >= startedAt)?.at ?? null)),
      };
    });
    const tickets = await this.db.all<TicketWaitRow>(
      `SELECT service_code, taken_at, slot_start, called_at, called_by, started_at, started_by, ended_at, status, outcome FROM tickets
       WHERE centre_id = ? AND ((called_at >= ? AND called_at < ?)${waitingToo ? " OR status = 'waiting'" : ''})`,
      [centreId, from, to],
    );
    return [...caseItems, ...tickets.map(ticketItem)];
  }

  private async names(): Promise<(code: string) => string> {
    const items = new Map((await this.ctx.catalogue()).items.map((i) => [i.code, i.name['zh-CN']]));
    return (code) => items.get(code) ?? code;
  }

  /** Per service: waiting now and over each threshold, and today's items that went over. */
  async now(caller: Caller): Promise<ServiceLevelsNow> {
    const { centreId } = requireStaff(caller);
    const now = this.ctx.now();
    const today = await this.items(centreId, startOfShanghaiDay(now).getTime(), now + 1, true);
    return { centreId, at: iso(now), services: serviceLines(await this.targets.list(centreId), await this.names(), today, now) };
  }

  /** Waiting, walking and handling of the items called in [from, to), per service and per staff member (who served it). */
  async stats(centreId: string, from: number, to: number): Promise<ServiceLevelStats> {
    const items = (await this.items(centreId, from, to, false)).filter((i) => i.calledAt !== null);
    const name = await this.names();
    const staff = new Map(
      (await this.db.all<{ id: string; display_name: string }>('SELECT id, display_name FROM staff WHERE centre_id = ?', [centreId])).map((s) => [s.id, s.display_name]),
    );
    return {
      centreId,
      from: iso(from),
      to: iso(to),
      byService: [...groupBy(items, (i) => i.serviceCode)]
        .map(([serviceCode, own]) => ({ serviceCode, name: name(serviceCode), ...timesOf(own) }))
        .sort((a, b) => b.served - a.served || a.serviceCode.localeCompare(b.serviceCode)),
      byStaff: [...groupBy(items, (i) => i.startedBy ?? i.calledBy)]
        .map(([staffId, own]) => ({ staffId, displayName: staff.get(staffId) ?? staffId, ...timesOf(own) }))
        .sort((a, b) => b.served - a.served || a.displayName.localeCompare(b.displayName, 'zh-CN')),
    };
  }

  /** 开始办理: the citizen of the case this clerk called reached the counter. Once; a repeat answers the same. */
  async startCase(caller: Caller, caseId: string): Promise<{ startedAt: string }> {
    const staff = requireWindowStaff(caller);
    const row = await this.db.get<{ started_at: number | null; status: string; claimed_by: string | null }>(
      'SELECT started_at, status, claimed_by FROM cases WHERE id = ? AND centre_id = ?',
      [caseId, staff.centreId],
    );
    if (!row) throw notFound(`case ${caseId}`);
    if (row.started_at !== null) return { startedAt: iso(Number(row.started_at)) };
    if (row.status !== 'claimed' || row.claimed_by !== staff.id) throw conflict(`case ${caseId} is not called to this clerk`);
    const now = this.ctx.now();
    const updated = await this.db.get<{ started_at: number }>(
      "UPDATE cases SET started_at = ?, started_by = ? WHERE id = ? AND status = 'claimed' AND claimed_by = ? AND started_at IS NULL RETURNING started_at",
      [now, staff.id, caseId, staff.id],
    );
    if (!updated) throw conflict(`case ${caseId} changed meanwhile`);
    return { startedAt: iso(Number(updated.started_at)) };
  }

  /** 开始办理 for a called ticket: its holder reached the window. Once; a repeat answers the same. */
  async startTicket(caller: Caller, ticketId: string): Promise<{ startedAt: string }> {
    const staff = requireWindowStaff(caller);
    const row = await this.db.get<{ started_at: number | null; status: string; number: string }>('SELECT started_at, status, number FROM tickets WHERE id = ? AND centre_id = ?', [
      ticketId,
      staff.centreId,
    ]);
    if (!row) throw notFound(`ticket ${ticketId}`);
    if (row.started_at !== null) return { startedAt: iso(Number(row.started_at)) };
    if (row.status !== 'called') throw conflict(`ticket ${row.number} is ${row.status}, not called`);
    const now = this.ctx.now();
    const updated = await this.db.get<{ started_at: number }>(
      "UPDATE tickets SET started_at = ?, started_by = ? WHERE id = ? AND status = 'called' AND started_at IS NULL RETURNING started_at",
      [now, staff.id, ticketId],
    );
    if (!updated) throw conflict(`ticket ${row.number} changed meanwhile`);
    return { startedAt: iso(Number(updated.started_at)) };
  }
}
