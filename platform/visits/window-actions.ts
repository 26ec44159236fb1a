import type { TicketEvent, TicketRedirectRequest, TicketTransferRequest, TicketView } from '../../contract/platform/visits';
import { MAX_VISIT_SERVICES } from '../../contract/platform/visits';
import { audit } from '../core/audit';
import { requireWindowStaff, type Caller } from '../core/caller';
import type { PlatformContext } from '../core/context';
import { invalidForm, notFound } from '../core/errors';
import { recordTicketEvent, ticketEvents } from './ticket-events';
import { conflict, type TicketRow, type TicketService } from './tickets';

/**
 * What a window does with the ticket it called, beyond 完成: 重呼, transfer (转窗: the same
 * visit keeps its number and its place, to another window or service line) and redirect (改派:
 * this visit ends, a new one with its own number starts for another service or centre), and
 * the cases it opens for the visit's services. Transfer and redirect are events and audit
 * entries of their own, so the two are never confused afterwards.
 */
export class TicketWindowActions {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly tickets: TicketService,
  ) {}

  private get db() {
    return this.ctx.db;
  }

  /** 重呼: the same number called again to the same window; the holder told again. */
  async recall(caller: Caller, ticketId: string, window: string): Promise<TicketView> {
    const staff = requireWindowStaff(caller);
    const row = await this.tickets.heldAt(staff.centreId, ticketId, window);
    await recordTicketEvent(this.db, { centreId: staff.centreId, ticketId, type: 'recalled', at: this.ctx.now(), window, staffId: staff.id });
    this.ctx.hub.publishCall({ centreId: staff.centreId, windowName: window, queueNumber: row.number });
    await this.tickets.tellCalled(row);
    return this.tickets.viewOf(row);
  }

  async transfer(caller: Caller, ticketId: string, request: TicketTransferRequest): Promise<TicketView> {
    const staff = requireWindowStaff(caller);
    const row = await this.tickets.heldAt(staff.centreId, ticketId, request.window);
    const serviceCode = request.serviceCode ?? row.service_code;
    const services = await this.servicesOf(ticketId);
    if (!services.includes(serviceCode)) {
      if (!(await this.ctx.catalogue()).items.some((i) => i.code === serviceCode)) throw invalidForm('serviceCode', `${serviceCode} is not a service of the catalogue`);
      if (services.length >= MAX_VISIT_SERVICES) throw invalidForm('serviceCode', `the visit has ${MAX_VISIT_SERVICES} services already`);
    }
    if (request.toWindow === request.window && serviceCode === row.service_code) throw invalidForm('toWindow', `the ticket is at ${request.window} already`);
    const now = this.ctx.now();
    const detail = `${row.window_name} → ${request.toWindow ?? '任一窗口'}; ${row.service_code} → ${serviceCode}${request.note ? `; ${request.note}` : ''}`;
    const moved = await this.db.transaction(async (tx) => {
      // queued_at stays: the visit keeps its place in the line it joins.
      const updated = await tx.get<TicketRow>(
        `UPDATE tickets SET status = 'waiting', window_name = NULL, target_window = ?, service_code = ?, transfers = transfers + 1
         WHERE id = ? AND status = 'called' RETURNING *`,
        [request.toWindow ?? null, serviceCode, ticketId],
      );
      if (!updated) throw conflict(`ticket ${row.number} changed meanwhile`);
      if (!services.includes(serviceCode)) await tx.run('INSERT INTO ticket_services (ticket_id, position, service_code) VALUES (?, ?, ?)', [ticketId, services.length, serviceCode]);
      await recordTicketEvent(tx, { centreId: staff.centreId, ticketId, type: 'transferred', at: now, window: request.window, staffId: staff.id, detail });
      await audit(tx, staff, 'ticket-transferred', null, now, `ticket ${row.number}: ${detail}`);
      return updated;
    });
    return this.tickets.viewOf(moved);
  }

  async redirect(caller: Caller, ticketId: string, request: TicketRedirectRequest): Promise<{ ended: TicketView; ticket: TicketView }> {
    const staff = requireWindowStaff(caller);
    const row = await this.tickets.heldAt(staff.centreId, ticketId, request.window);
    const centreId = request.centreId ?? staff.centreId;
    const phone = this.tickets.phoneOf(row);
    const prepared = await this.tickets.prepare({ centreId, services: [request.serviceCode], source: 'redirect', ...(phone ? { phone } : {}) });
    const now = this.ctx.now();
    const ended = await this.db.transaction(async (tx) => {
      const number = await this.tickets.insert(tx, prepared);
      const updated = await tx.get<TicketRow>(
        `UPDATE tickets SET status = 'done', outcome = 'redirected', redirected_to = ?, ended_at = ?, phone_sealed = NULL, token_sealed = NULL
         WHERE id = ? AND status = 'called' RETURNING *`,
        [number, now, ticketId],
      );
      if (!updated) throw conflict(`ticket ${row.number} changed meanwhile`);
      const detail = `${row.number} → ${number} (${centreId}, ${request.serviceCode})${request.note ? `; ${request.note}` : ''}`;
      await recordTicketEvent(tx, { centreId: staff.centreId, ticketId, type: 'redirected', at: now, window: request.window, staffId: staff.id, detail });
      await audit(tx, staff, 'ticket-redirected', null, now, `ticket ${detail}`);
      return updated;
    });
    return { ended: await this.tickets.viewOf(ended), ticket: await this.tickets.taken(prepared) };
  }

  /** A case the window opened for one of the called visit's services, kept beside that service. */
  async linkCase(caller: Caller, ticketId: string, window: string, caseId: string): Promise<TicketView> {
    const staff = requireWindowStaff(caller);
    const row = await this.tickets.heldAt(staff.centreId, ticketId, window);
    const found = await this.db.get<{ service_code: string; centre_id: string }>('SELECT service_code, centre_id FROM cases WHERE id = ?', [caseId]);
    if (!found || found.centre_id !== staff.centreId) throw invalidForm('caseId', `case ${caseId} is not a case of this centre`);
    const elsewhere = await this.db.get<{ ticket_id: string }>('SELECT ticket_id FROM ticket_services WHERE case_id = ? AND ticket_id <> ?', [caseId, ticketId]);
    if (elsewhere) throw invalidForm('caseId', `case ${caseId} belongs to another visit`);
    const linked = await this.db.transaction(async (tx) => {
      const changed = await tx.get<{ position: number }>(
        `UPDATE ticket_services SET case_id = ? WHERE ticket_id = ? AND position = (
           SELECT MIN(position) FROM ticket_services WHERE ticket_id = ? AND service_code = ? AND (case_id IS NULL OR case_id = ?)) RETURNING position`,
        [caseId, ticketId, ticketId, found.service_code, caseId],
      );
      if (changed) await recordTicketEvent(tx, { centreId: staff.centreId, ticketId, type: 'case-linked', at: this.ctx.now(), window, staffId: staff.id, detail: caseId });
      return changed;
    });
    if (!linked) throw invalidForm('caseId', `case ${caseId} is of ${found.service_code}, which this visit does not hold free`);
    return this.tickets.viewOf(row);
  }

  async events(caller: Caller, ticketId: string): Promise<TicketEvent[]> {
    const staff = requireWindowStaff(caller);
    const row = await this.db.get('SELECT id FROM tickets WHERE id = ? AND centre_id = ?', [ticketId, staff.centreId]);
    if (!row) throw notFound(`ticket ${ticketId}`);
    return ticketEvents(this.db, ticketId);
  }

  private async servicesOf(ticketId: string): Promise<string[]> {
    return (await this.db.all<{ service_code: string }>('SELECT service_code FROM ticket_services WHERE ticket_id = ? ORDER BY position', [ticketId])).map((r) => r.service_code);
  }
}
