import type { Handlers } from '../api/dispatcher';
import { provided } from '../api/dispatcher';
import type { TicketDesk } from './ticket-desk';

type TicketMethod = Extract<keyof Handlers, `visitDesk.${string}`>;
export type TicketDeskHandlers = Pick<Handlers, TicketMethod>;

/** The `visitDesk.*` methods; refused on a kiosk, which has no window. */
export function ticketDeskHandlers(service: TicketDesk | undefined): TicketDeskHandlers {
  const desk = provided(service, 'not-allowed', 'this terminal is not a counter (terminal.role)');
  return {
    'visitDesk.tickets': () => desk().tickets(),
    'visitDesk.call': () => desk().call(),
    'visitDesk.step': ({ ticketId, step }) => desk().step(ticketId, step),
    'visitDesk.start': ({ ticketId }) => desk().start(ticketId),
    'visitDesk.transfer': ({ ticketId, ...to }) => desk().transfer(ticketId, to),
    'visitDesk.redirect': ({ ticketId, serviceCode, note }) => desk().redirect(ticketId, serviceCode, note),
    'visitDesk.takeCase': ({ ticketId, caseId }) => desk().takeCase(ticketId, caseId),
  };
}
