import type { RedirectAnswer, TicketView } from '../../contract/platform/visits';
import type { CalledNumber } from '../../contract/terminal/counter-api';
import { NEXT_SHOWN, type DeskTickets, type TicketStep } from '../../contract/terminal/visit-desk-api';
import { PlatformHttpError } from '../platform-link/errors';
import type { CounterService } from './counter-service';

const STEP_ROUTE = { recall: 'ticketRecall', 'no-show': 'ticketNoShow', finish: 'ticketFinish' } as const;

/**
 * Tickets at this window (issue 19), under the signed-in clerk's session: 叫号 and 重呼 go to
 * this window's wall and speech at once (the platform keeps the call for walls of every window),
 * 未到 and 完成 end the ticket, transfer and redirect send the visit on, and a visit's cases are
 * taken up here one by one.
 */
export class TicketDesk {
  constructor(
    private readonly desk: CounterService,
    private readonly windowName: string,
  ) {}

  async tickets(): Promise<DeskTickets> {
    const all = await this.desk.act((token, client) => client.tickets(token));
    // The platform lists the waiting first, in calling order.
    const waiting = all.filter((t) => t.status === 'waiting');
    return {
      current: all.find((t) => t.status === 'called' && t.window === this.windowName) ?? null,
      waiting: waiting.length,
      next: waiting.slice(0, NEXT_SHOWN).map((t) => ({ ticketId: t.ticketId, number: t.number, services: t.services.map((s) => s.serviceCode), targetWindow: t.targetWindow, waitLevel: t.waitLevel })),
    };
  }

  async call(): Promise<{ called: CalledNumber | null; ticket: TicketView | null }> {
    const ticket = await this.desk.act((token, client) => client.callTicket(token, this.windowName));
    if (!ticket) return { called: null, ticket: null };
    return { called: this.desk.announceTicket(ticket.ticketId, ticket.number, false), ticket };
  }

  async step(ticketId: string, step: TicketStep): Promise<TicketView> {
    const ticket = await this.desk.act((token, client) => client.ticketStep(token, STEP_ROUTE[step], ticketId, this.windowName));
    if (step === 'recall') this.desk.announceTicket(ticket.ticketId, ticket.number, true);
    return ticket;
  }

  start(ticketId: string): Promise<{ startedAt: string }> {
    return this.desk.act((token, client) => client.startTicket(token, ticketId));
  }

  transfer(ticketId: string, to: { toWindow?: string | undefined; serviceCode?: string | undefined; note?: string | undefined }): Promise<TicketView> {
    return this.desk.act((token, client) =>
      client.transferTicket(token, ticketId, {
        window: this.windowName,
        ...(to.toWindow ? { toWindow: to.toWindow } : {}),
        ...(to.serviceCode ? { serviceCode: to.serviceCode } : {}),
        ...(to.note ? { note: to.note } : {}),
      }),
    );
  }

  redirect(ticketId: string, serviceCode: string, note?: string): Promise<RedirectAnswer> {
    return this.desk.act((token, client) => client.redirectTicket(token, ticketId, { window: this.windowName, serviceCode, ...(note ? { note } : {}) }));
  }

  /** A queued case is claimed for the clerk first; one already on this clerk's desk is only linked. */
  takeCase(ticketId: string, caseId: string): Promise<TicketView> {
    return this.desk.act(async (token, client) => {
      await client.claimCase(token, caseId).catch((error: unknown) => {
        // 409: not queued any more (e.g. claimed by this clerk already); the link below says whether it may join the visit.
        if (!(error instanceof PlatformHttpError && error.status === 409)) throw error;
      });
      return client.linkTicketCase(token, ticketId, this.windowName, caseId);
    });
  }
}
