import { z } from 'zod';
import { RedirectAnswer, TicketView } from '../platform/visits';
import { WaitLevel } from '../platform/wait-level';
import { CalledNumber } from './counter-api';

/**
 * Tickets at the counter desk (issue 19), methods `visitDesk.*`, spread into
 * `terminalMethods` in ./api.ts. The window is always the terminal's own (counter.windowName):
 * the page never names one, so a desk cannot act for another window.
 */
const TicketRef = z.object({ ticketId: z.uuid() }).strict();
const ServiceCode = z.string().min(1).max(64);
const Note = z.string().trim().max(200);
/** How many of the waiting tickets the desk lists. */
export const NEXT_SHOWN = 8;

export const DeskTickets = z.object({
  /** The ticket called at this window and not yet ended (at most one is expected). */
  current: TicketView.nullable(),
  /** Tickets waiting in the centre, for the clerk's overview. */
  waiting: z.number().int().nonnegative(),
  /** The first of them, in calling order: number, services, and the window a transfer named. */
  next: z.array(z.object({ ticketId: z.string(), number: z.string(), services: z.array(z.string()), targetWindow: z.string().nullable(), waitLevel: WaitLevel.optional() })).max(NEXT_SHOWN),
});
export type DeskTickets = z.infer<typeof DeskTickets>;

export const TicketStep = z.enum(['recall', 'no-show', 'finish']);
export type TicketStep = z.infer<typeof TicketStep>;

export const visitDeskMethods = {
  'visitDesk.tickets': { args: z.object({}).strict(), result: DeskTickets },
  /** 叫号: the next ticket for this window; null when nobody waits. The wall hears it as `counter.called`. */
  'visitDesk.call': { args: z.object({}).strict(), result: z.object({ called: CalledNumber.nullable(), ticket: TicketView.nullable() }) },
  /** 重呼 (again on the wall), 未到 (no-show) or 完成 of this window's ticket. */
  'visitDesk.step': { args: TicketRef.extend({ step: TicketStep }).strict(), result: TicketView },
  'visitDesk.transfer': {
    args: TicketRef.extend({ toWindow: z.string().trim().min(1).max(20).optional(), serviceCode: ServiceCode.optional(), note: Note.optional() }).strict(),
    result: TicketView,
  },
  /** 开始办理: the holder of this window's called ticket reached the counter. */
  'visitDesk.start': { args: TicketRef, result: z.object({ startedAt: z.string() }) },
  'visitDesk.redirect': { args: TicketRef.extend({ serviceCode: ServiceCode, note: Note.optional() }).strict(), result: RedirectAnswer },
  /** Takes up a case for one of the visit's services at this window: claimed for the clerk and kept beside that service. */
  'visitDesk.takeCase': { args: TicketRef.extend({ caseId: z.uuid() }).strict(), result: TicketView },
} as const;
