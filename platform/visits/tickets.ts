import { randomBytes, randomUUID } from 'node:crypto';
import type { CallTicketRequest, LiveQueue, TicketOutcome, TicketStatus, TicketView, VisitServiceView } from '../../contract/platform/visits';
import { isMobileNumber } from '../../contract/forms/phone';
import { maskPhone } from '../../contract/platform/id-number';
import { requireWindowStaff, type Caller } from '../core/caller';
import { nextQueueNumber } from '../core/cases';
import { iso, type PlatformContext } from '../core/context';
import { invalidForm, notFound, PlatformError } from '../core/errors';
import { sha256Hex } from '../core/secrets';
import type { Queryable } from '../store/database';
import { serviceRate } from './slots';
import { recordTicketEvent } from './ticket-events';
import type { VisitNotices } from './visit-notices';
import type { VisitSettingsStore } from './visit-settings';
import { estimateWaitMinutes, PACE_WINDOW_MS } from './wait-estimate';

export interface TicketRow {
  id: string;
  centre_id: string;
  service_code: string;
  number: string;
  source: TicketView['source'];
  appointment_id: string | null;
  slot_start: number | null;
  token_sealed: string | null;
  phone_sealed: string | null;
  phone_masked: string | null;
  status: TicketStatus;
  postponed: number;
  near_notified: number;
  queued_at: number;
  called_at: number | null;
  window_name: string | null;
  rating: number | null;
  target_window: string | null;
  transfers: number;
  outcome: TicketOutcome | null;
  redirected_to: string | null;
  started_at: number | null;
}

export interface NewTicket {
  centreId: string;
  /** One service, or a visit's several: the first is the line it waits in. */
  services: readonly string[];
  source: TicketView['source'];
  phone?: string | undefined;
  appointment?: { id: string; slotStart: number };
}

export interface PreparedTicket extends NewTicket {
  prefix: string;
  id: string;
  token: string;
}

export const PHONE_SEAL = 'ticket-phone';
const TOKEN_SEAL = 'ticket-token';

/**
 * The order of a service's line: a checked-in appointment whose slot has begun goes first (in
 * slot order), then everyone by the time they joined the line (a postponed ticket joins again
 * at the back); in the same millisecond, the earlier number. Both `?` are now.
 */
const IN_SLOT = 'appointment_id IS NOT NULL AND slot_start <= ?';
const LINE_ORDER = `CASE WHEN ${IN_SLOT} THEN 0 ELSE 1 END, CASE WHEN ${IN_SLOT} THEN slot_start ELSE queued_at END, queued_at, number, id`;

export function conflict(message: string, field?: string): PlatformError {
  return new PlatformError(409, 'conflict', message, field);
}

/**
 * 取号 and 叫号: tickets taken at the kiosk, remotely (the public page, the API) or by an
 * appointment's check-in; a window calls the next of the services it serves; the citizen follows
 * the ticket by SMS (N ahead, called) and on its page, where it may be postponed once or cancelled.
 */
export class TicketService {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly settings: VisitSettingsStore,
    private readonly notices: VisitNotices,
  ) {}

  private get db() {
    return this.ctx.db;
  }

  /** The number's prefix, of the first service's category; every service must be of the catalogue. */
  private async prefixOf(services: readonly string[]): Promise<string> {
    const catalogue = await this.ctx.catalogue();
    const field = services.length > 1 ? 'services' : 'serviceCode';
    const unknown = services.find((code) => !catalogue.items.some((i) => i.code === code));
    if (unknown !== undefined) throw invalidForm(field, `${unknown} is not a service of the catalogue`);
    const first = catalogue.items.find((i) => i.code === services[0])!;
    return catalogue.categories.find((c) => c.code === first.category)?.queuePrefix ?? 'A';
  }

  async serviceName(serviceCode: string): Promise<string> {
    return (await this.ctx.catalogue()).items.find((i) => i.code === serviceCode)?.name['zh-CN'] ?? serviceCode;
  }

  async centreName(centreId: string): Promise<string | undefined> {
    return (await this.db.get<{ name: string }>('SELECT name FROM centres WHERE id = ?', [centreId]))?.name;
  }

  /**
   * What a new ticket needs read first: outside any transaction, since on SQLite a read beside
   * an open transaction waits for it to end.
   */
  async prepare(ticket: NewTicket): Promise<PreparedTicket> {
    if (!(await this.centreName(ticket.centreId))) throw notFound(`centre ${ticket.centreId}`);
    if (ticket.phone !== undefined && !isMobileNumber(ticket.phone)) throw invalidForm('phone', 'must be an 11-digit mobile number');
    return { ...ticket, prefix: await this.prefixOf(ticket.services), id: randomUUID(), token: randomBytes(16).toString('base64url') };
  }

  /** Writes the prepared ticket in `q` (a check-in's transaction, or one of its own). */
  async insert(q: Queryable, ticket: PreparedTicket): Promise<string> {
    const now = this.ctx.now();
    const number = await nextQueueNumber(q, ticket.centreId, ticket.prefix, now);
    await q.run(
      `INSERT INTO tickets (id, centre_id, service_code, number, source, appointment_id, slot_start, token_hash, token_sealed, phone_sealed, phone_masked, status, taken_at, queued_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?)`,
      [
        ticket.id,
        ticket.centreId,
        ticket.services[0]!,
        number,
        ticket.source,
        ticket.appointment?.id ?? null,
        ticket.appointment?.slotStart ?? null,
        sha256Hex(ticket.token),
        // Kept sealed only while a phone may need the link in an SMS; wiped when the ticket ends.
        ticket.phone ? this.ctx.cipher.seal(ticket.token, TOKEN_SEAL).toString('base64') : null,
        ticket.phone ? this.ctx.cipher.seal(ticket.phone, PHONE_SEAL).toString('base64') : null,
        ticket.phone ? maskPhone(ticket.phone) : null,
        now,
        now,
      ],
    );
    for (const [position, serviceCode] of ticket.services.entries()) {
      await q.run('INSERT INTO ticket_services (ticket_id, position, service_code) VALUES (?, ?, ?)', [ticket.id, position, serviceCode]);
    }
    await recordTicketEvent(q, { centreId: ticket.centreId, ticketId: ticket.id, type: 'taken', at: now, detail: ticket.services.join(',') });
    return number;
  }

  /** After the insert committed: the holder told the number and link, once; the view with its link. */
  async taken(ticket: PreparedTicket): Promise<TicketView> {
    // Someone who already stands among the first few is not told so again by SMS.
    const line = await this.line(ticket.centreId, ticket.services[0]!);
    const threshold = (await this.settings.get(ticket.centreId)).nearThreshold;
    if (line.findIndex((r) => r.id === ticket.id) <= threshold) await this.db.run('UPDATE tickets SET near_notified = 1 WHERE id = ?', [ticket.id]);
    const row = (await this.db.get<TicketRow>('SELECT * FROM tickets WHERE id = ?', [ticket.id]))!;
    const view = { ...(await this.viewOf(row)), link: this.linkOf(ticket.token) };
    if (ticket.phone) {
      const names = await Promise.all(ticket.services.map((code) => this.serviceName(code)));
      const text = `您已取号 ${view.number}（${names.join('、')}），前面 ${view.ahead} 位。查看、推迟或取消：${view.link}`;
      this.notices.send(ticket.centreId, ticket.id, 'taken', ticket.phone, text);
    }
    return view;
  }

  /** A new ticket, taken at the kiosk or remotely. The answer carries the ticket's link, once. */
  async take(ticket: NewTicket): Promise<TicketView> {
    const prepared = await this.prepare(ticket);
    await this.db.transaction((tx) => this.insert(tx, prepared));
    return this.taken(prepared);
  }

  linkOf(token: string): string {
    return `${this.ctx.publicUrl()}/t/${token}`;
  }

  /** The waiting tickets of a service's line, first first. */
  async line(centreId: string, serviceCode: string): Promise<TicketRow[]> {
    return this.db.all<TicketRow>(`SELECT * FROM tickets WHERE centre_id = ? AND service_code = ? AND status = 'waiting' ORDER BY ${LINE_ORDER}`, [
      centreId,
      serviceCode,
      this.ctx.now(),
      this.ctx.now(),
    ]);
  }

  private async recentCalls(centreId: string, serviceCode: string): Promise<number[]> {
    const rows = await this.db.all<{ called_at: number }>('SELECT called_at FROM tickets WHERE centre_id = ? AND service_code = ? AND called_at > ?', [
      centreId,
      serviceCode,
      this.ctx.now() - PACE_WINDOW_MS,
    ]);
    return rows.map((r) => Number(r.called_at));
  }

  async estimate(centreId: string, serviceCode: string, ahead: number): Promise<number> {
    const settings = await this.settings.get(centreId);
    return estimateWaitMinutes(ahead, await this.recentCalls(centreId, serviceCode), serviceRate(settings, serviceCode), this.ctx.now());
  }

  /** The visit's services in order, each with the case linked to it. */
  private async servicesOf(ticketId: string): Promise<VisitServiceView[]> {
    const rows = await this.db.all<{ service_code: string; case_id: string | null; queue_number: string | null; status: string | null }>(
      `SELECT s.service_code, s.case_id, c.queue_number, c.status FROM ticket_services s LEFT JOIN cases c ON c.id = s.case_id
       WHERE s.ticket_id = ? ORDER BY s.position`,
      [ticketId],
    );
    return rows.map((r) => ({ serviceCode: r.service_code, caseId: r.case_id, caseNumber: r.queue_number, caseStatus: r.status }));
  }

  async viewOf(row: TicketRow): Promise<TicketView> {
    const ahead = row.status === 'waiting' ? Math.max(0, (await this.line(row.centre_id, row.service_code)).findIndex((r) => r.id === row.id)) : 0;
    return {
      ticketId: row.id,
      centreId: row.centre_id,
      serviceCode: row.service_code,
      number: row.number,
      source: row.source,
      status: row.status,
      ahead,
      estimatedWaitMinutes: row.status === 'waiting' ? await this.estimate(row.centre_id, row.service_code, ahead) : 0,
      postponed: Number(row.postponed) === 1,
      canPostpone: row.status === 'waiting' && Number(row.postponed) === 0,
      window: row.window_name,
      phoneMasked: row.phone_masked,
      rating: row.rating == null ? null : Number(row.rating),
      services: await this.servicesOf(row.id),
      outcome: row.outcome,
      targetWindow: row.target_window,
      transfers: Number(row.transfers),
      redirectedTo: row.redirected_to,
      startedAt: row.started_at == null ? null : iso(Number(row.started_at)),
    };
  }

  private async byToken(token: string): Promise<TicketRow> {
    const row = await this.db.get<TicketRow>('SELECT * FROM tickets WHERE token_hash = ?', [sha256Hex(token)]);
    if (!row) throw notFound('a ticket with this link');
    return row;
  }

  async viewByToken(token: string): Promise<TicketView> {
    return this.viewOf(await this.byToken(token));
  }

  /** The centre's waiting and called tickets, for the windows (first first). */
  async list(caller: Caller): Promise<TicketView[]> {
    const staff = requireWindowStaff(caller);
    const rows = await this.db.all<TicketRow>(
      `SELECT * FROM tickets WHERE centre_id = ? AND status IN ('waiting', 'called') ORDER BY status, ${LINE_ORDER} LIMIT 500`,
      [staff.centreId, this.ctx.now(), this.ctx.now()],
    );
    return Promise.all(rows.map((r) => this.viewOf(r)));
  }

  /**
   * The next ticket of the window's services, called: it is marked called (on PostgreSQL the
   * row is taken with SKIP LOCKED, so two windows never call one ticket), its holder is told
   * where to go, and whoever now stands at the threshold is told to come back.
   */
  async call(caller: Caller, request: CallTicketRequest): Promise<TicketView | undefined> {
    const staff = requireWindowStaff(caller);
    const services = request.services?.length ? request.services : undefined;
    const called = await this.db.transaction(async (tx) => {
      const now = this.ctx.now();
      const row = await tx.get<TicketRow>(
        `SELECT * FROM tickets WHERE centre_id = ? AND status = 'waiting' AND (target_window IS NULL OR target_window = ?)${services ? ` AND service_code IN (${services.map(() => '?').join(', ')})` : ''}
         ORDER BY ${LINE_ORDER} LIMIT 1${this.db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''}`,
        [staff.centreId, request.window, ...(services ?? []), now, now],
      );
      if (!row) return undefined;
      const updated = await tx.get<TicketRow>(
        "UPDATE tickets SET status = 'called', called_at = ?, called_by = ?, window_name = ?, target_window = NULL WHERE id = ? AND status = 'waiting' RETURNING *",
        [now, staff.id, request.window, row.id],
      );
      if (updated) await recordTicketEvent(tx, { centreId: staff.centreId, ticketId: row.id, type: 'called', at: now, window: request.window, staffId: staff.id });
      return updated;
    });
    if (!called) return undefined;
    this.ctx.hub.publishCall({ centreId: called.centre_id, windowName: request.window, queueNumber: called.number });
    await this.tellCalled(called);
    await this.tellThoseNear(called.centre_id, called.service_code);
    return this.viewOf(called);
  }

  /** The holder of a called (or recalled) ticket told where to go. */
  async tellCalled(called: TicketRow): Promise<void> {
    const phone = this.phoneOf(called);
    if (phone) this.notices.send(called.centre_id, called.id, 'called', phone, `请 ${called.number} 号到 ${called.window_name} 办理${await this.serviceName(called.service_code)}。`);
  }

  /**
   * The window has served the ticket (完成) or the citizen did not come (未到): it ends, and its
   * phone is wiped. With `window`, only the window that called it may end it.
   */
  async finish(caller: Caller, ticketId: string, window?: string, outcome: 'served' | 'no-show' = 'served'): Promise<TicketView> {
    const staff = requireWindowStaff(caller);
    const held = await this.heldAt(staff.centreId, ticketId, window);
    const now = this.ctx.now();
    const row = await this.db.transaction(async (tx) => {
      const ended = await tx.get<TicketRow>(
        "UPDATE tickets SET status = 'done', outcome = ?, ended_at = ?, phone_sealed = NULL, token_sealed = NULL WHERE id = ? AND status = 'called' RETURNING *",
        [outcome, now, held.id],
      );
      if (!ended) throw conflict(`ticket ${held.number} changed meanwhile`);
      await recordTicketEvent(tx, { centreId: staff.centreId, ticketId: held.id, type: outcome, at: now, window: held.window_name, staffId: staff.id });
      return ended;
    });
    return this.viewOf(row);
  }

  /** A ticket of the centre that is called, at `window` when one is named: else a clear refusal naming what is wrong. */
  async heldAt(centreId: string, ticketId: string, window: string | undefined): Promise<TicketRow> {
    const row = await this.db.get<TicketRow>('SELECT * FROM tickets WHERE id = ? AND centre_id = ?', [ticketId, centreId]);
    if (!row) throw notFound(`ticket ${ticketId}`);
    if (row.status !== 'called') throw conflict(`ticket ${row.number} is ${row.status}, not called`, 'ticketId');
    if (window !== undefined && row.window_name !== window) throw conflict(`ticket ${row.number} was called to ${row.window_name}, not ${window}`, 'window');
    return row;
  }

  /** Once per ticket: to the back of its line, to be told again when near. */
  async postpone(token: string): Promise<TicketView> {
    const row = await this.byToken(token);
    if (row.status !== 'waiting') throw conflict(`ticket ${row.number} is ${row.status}; only a waiting ticket can be postponed`);
    if (Number(row.postponed) === 1) throw conflict(`ticket ${row.number} was postponed once already`);
    const updated = await this.db.get<TicketRow>(
      "UPDATE tickets SET postponed = 1, near_notified = 0, queued_at = ? WHERE id = ? AND status = 'waiting' AND postponed = 0 RETURNING *",
      [this.ctx.now(), row.id],
    );
    if (!updated) throw conflict(`ticket ${row.number} changed meanwhile`);
    await this.tellThoseNear(row.centre_id, row.service_code);
    return this.viewOf(updated);
  }

  async cancel(token: string): Promise<TicketView> {
    const row = await this.byToken(token);
    if (row.status !== 'waiting') throw conflict(`ticket ${row.number} is ${row.status}; only a waiting ticket can be cancelled`);
    const updated = await this.db.get<TicketRow>(
      "UPDATE tickets SET status = 'cancelled', ended_at = ?, phone_sealed = NULL, token_sealed = NULL WHERE id = ? AND status = 'waiting' RETURNING *",
      [this.ctx.now(), row.id],
    );
    if (!updated) throw conflict(`ticket ${row.number} changed meanwhile`);
    await this.tellThoseNear(row.centre_id, row.service_code);
    return this.viewOf(updated);
  }

  /** The visit's rating (好差评), once, after it was served. */
  async rate(token: string, level: number): Promise<TicketView> {
    const row = await this.byToken(token);
    if (row.status !== 'done') throw conflict(`ticket ${row.number} is ${row.status}; a visit is rated after it was served`);
    const updated = await this.db.get<TicketRow>('UPDATE tickets SET rating = ? WHERE id = ? AND rating IS NULL RETURNING *', [level, row.id]);
    if (!updated) throw conflict(`ticket ${row.number} was rated already`);
    return this.viewOf(updated);
  }

  /** Whoever now has the threshold or fewer ahead and was not told yet, told once by SMS. */
  async tellThoseNear(centreId: string, serviceCode: string): Promise<void> {
    const threshold = (await this.settings.get(centreId)).nearThreshold;
    const line = await this.line(centreId, serviceCode);
    for (const [ahead, row] of line.slice(0, threshold + 1).entries()) {
      if (Number(row.near_notified) === 1) continue;
      const marked = await this.db.get<TicketRow>('UPDATE tickets SET near_notified = 1 WHERE id = ? AND near_notified = 0 RETURNING *', [row.id]);
      const phone = marked && this.phoneOf(marked);
      if (phone) this.notices.send(centreId, row.id, 'near', phone, `您的 ${row.number} 号前面还有 ${ahead} 位，请回到中心等候叫号。推迟或取消：${this.linkOfRow(row)}`);
    }
  }

  private linkOfRow(row: TicketRow): string {
    return row.token_sealed ? this.linkOf(this.ctx.cipher.open(Buffer.from(row.token_sealed, 'base64'), TOKEN_SEAL).toString('utf8')) : `${this.ctx.publicUrl()}/live/${row.centre_id}`;
  }

  phoneOf(row: TicketRow): string | undefined {
    return row.phone_sealed ? this.ctx.cipher.open(Buffer.from(row.phone_sealed, 'base64'), PHONE_SEAL).toString('utf8') : undefined;
  }

  /** Per service of the catalogue: how many wait and how long a newcomer would. */
  async live(centreId: string): Promise<LiveQueue> {
    const centreName = await this.centreName(centreId);
    if (!centreName) throw notFound(`centre ${centreId}`);
    const counts = await this.db.all<{ service_code: string; n: number }>(
      "SELECT service_code, COUNT(*) AS n FROM tickets WHERE centre_id = ? AND status = 'waiting' GROUP BY service_code",
      [centreId],
    );
    const waiting = new Map(counts.map((c) => [c.service_code, Number(c.n)]));
    const items = (await this.ctx.catalogue()).items;
    const services = await Promise.all(
      items.map(async (item) => {
        const n = waiting.get(item.code) ?? 0;
        return { serviceCode: item.code, name: item.name['zh-CN'], waiting: n, estimatedWaitMinutes: await this.estimate(centreId, item.code, n) };
      }),
    );
    return { centreId, centreName, at: iso(this.ctx.now()), services };
  }
}
