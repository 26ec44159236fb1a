import type { OpeningHours } from '../../contract/platform/fleet';
import type { PlatformContext } from '../core/context';
import type { Notifier } from '../notify/notifier';
import { AppointmentService } from './appointments';
import { TicketService } from './tickets';
import { VisitNotices } from './visit-notices';
import { VisitSettingsStore } from './visit-settings';
import { TicketWindowActions } from './window-actions';

export interface Visits {
  settings: VisitSettingsStore;
  tickets: TicketService;
  windows: TicketWindowActions;
  appointments: AppointmentService;
  notices: VisitNotices;
}

/** The visits room: settings, tickets and what windows do with them, appointments and their SMS, wired once. */
export function createVisits(
  ctx: PlatformContext,
  notifier: Notifier,
  openingHours: (centreId: string) => Promise<OpeningHours | null>,
  onError: (error: unknown) => void,
): Visits {
  const settings = new VisitSettingsStore(ctx);
  const notices = new VisitNotices(ctx.db, notifier, ctx.now, onError);
  const tickets = new TicketService(ctx, settings, notices);
  return { settings, tickets, notices, windows: new TicketWindowActions(ctx, tickets), appointments: new AppointmentService(ctx, settings, tickets, notices, openingHours) };
}
