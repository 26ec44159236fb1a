import { CounterService } from '../counter/counter-service';
import { DeskCycle } from '../counter/desk-cycle';
import { DeskNotices } from '../counter/desk-notices';
import { StaffClient } from '../counter/staff-client';
import { TicketDesk } from '../counter/ticket-desk';
import type { RoleServices, TerminalCore } from './role';

/** A desk at the unified window: its staff sign in and work the centre's queue; it records no cases of its own. */
export function startCounter(core: TerminalCore): RoleServices {
  const { config, log, identity, catalogue, events } = core;
  const counter = new CounterService({
    client: new StaffClient({ baseUrl: core.platform.url }),
    windowName: config.counter.windowName,
    lockMinutes: config.counter.lockMinutes,
    cardOnReader: () => identity.current,
    catalogue: () => catalogue.get(),
    events,
    log: log.child({ service: 'counter' }),
  });
  core.stops.add(() => counter.dispose());
  const deskCycle = new DeskCycle({ desk: counter, windowName: config.counter.windowName, cardOnReader: () => identity.current });
  const deskNotices = new DeskNotices({ desk: counter, printing: core.printing.service, catalogue: () => catalogue.get(), settings: config.counter.notices });
  return { counter, deskCycle, deskNotices, ticketDesk: new TicketDesk(counter, config.counter.windowName) };
}
