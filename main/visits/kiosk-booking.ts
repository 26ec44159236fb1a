import type { Identity } from '../../contract/identity';
import type { AppointmentView, BookingRequest, Slot, TakeTicketRequest, TicketView } from '../../contract/platform/visits';
import type { KioskBookingView, TakenNumberView } from '../../contract/terminal/visit-api';
import { errorMessage } from '../../common/errors';
import { ApiFailure } from '../api/dispatcher';
import type { Logger } from '../logging/logger';
import type { QueueTicket } from '../printing';
import { PlatformHttpError } from '../platform-link/errors';

export interface KioskBookingDeps {
  slots(centreId: string, serviceCode: string, date: string): Promise<Slot[]>;
  book(request: BookingRequest): Promise<AppointmentView>;
  takeTicket(request: TakeTicketRequest): Promise<TicketView>;
  centreId: string;
  centreName: string;
  serviceName: (serviceCode: string) => Promise<string>;
  /** The 排队票 on the receipt printer, when the kiosk has one; true when it printed. */
  printTicket?: (ticket: QueueTicket) => Promise<boolean>;
  identity: () => Identity | undefined;
  session: () => { id: string } | undefined;
  log: Logger;
}

/** The platform's refusal in the page's terms: a full slot, a second booking, or no platform. */
function failure(error: unknown, what: string): ApiFailure {
  if (error instanceof PlatformHttpError && error.status === 409 && error.field === 'slotStart') return new ApiFailure('not-allowed', `${what}: the slot is full`, { code: 'visits.slotFull' });
  if (error instanceof PlatformHttpError && error.status === 409 && error.field === 'idNumber') return new ApiFailure('not-allowed', `${what}: booked already`, { code: 'visits.alreadyBooked' });
  if (error instanceof PlatformHttpError && error.status === 409) return new ApiFailure('not-allowed', `${what}: ${error.platformMessage}`, { code: 'visits.noSlots' });
  if (error instanceof PlatformHttpError && error.field === 'services') return new ApiFailure('bad-request', `${what}: ${error.platformMessage}`, { code: 'visits.badServices' });
  return new ApiFailure('unavailable', `${what}: the platform could not be reached`, { code: 'visits.unavailable' });
}

/**
 * 预约 and 取号 at the kiosk: slots of the centre, a booking for the citizen whose card is on the
 * reader (name and ID number from the card, the phone typed), and a number for now.
 */
export class KioskBooking {
  constructor(private readonly deps: KioskBookingDeps) {}

  private citizen(): Identity {
    if (!this.deps.session()) throw new ApiFailure('not-allowed', 'no citizen session');
    const who = this.deps.identity();
    if (!who) throw new ApiFailure('not-allowed', 'booking needs the ID card on the reader', { code: 'visits.needCard' });
    return who;
  }

  async slots(serviceCode: string, date: string): Promise<Slot[]> {
    try {
      return await this.deps.slots(this.deps.centreId, serviceCode, date);
    } catch (error) {
      this.deps.log.warn({ serviceCode, date, error: errorMessage(error) }, 'slots not read');
      throw failure(error, 'slots');
    }
  }

  async book(serviceCode: string, slotStart: string, phone: string): Promise<KioskBookingView> {
    const who = this.citizen();
    try {
      const booked = await this.deps.book({ serviceCode, slotStart, name: who.name, idNumber: who.idNumber, phone });
      this.deps.log.info({ serviceCode, slotStart }, 'appointment booked at the kiosk');
      return { serviceCode, slotStart: booked.slotStart, slotEnd: booked.slotEnd, code: booked.code ?? '', phoneMasked: booked.phoneMasked };
    } catch (error) {
      this.deps.log.warn({ serviceCode, slotStart, error: errorMessage(error) }, 'booking refused or failed');
      throw failure(error, 'booking');
    }
  }

  /** One number for the visit: one service, or several handled at one window in one go. */
  async takeNumber(services: readonly string[], phone?: string): Promise<TakenNumberView> {
    if (!this.deps.session()) throw new ApiFailure('not-allowed', 'no citizen session');
    try {
      const ticket = await this.deps.takeTicket({ ...(services.length > 1 ? { services: [...services] } : { serviceCode: services[0] }), ...(phone ? { phone } : {}) });
      return {
        number: ticket.number,
        services: ticket.services.map((s) => s.serviceCode),
        ahead: ticket.ahead,
        estimatedWaitMinutes: ticket.estimatedWaitMinutes,
        printed: await this.print(ticket),
      };
    } catch (error) {
      if (error instanceof ApiFailure) throw error;
      this.deps.log.warn({ services, error: errorMessage(error) }, 'number not taken');
      throw failure(error, 'take a number');
    }
  }

  /** The ticket on paper, its QR code the ticket's page: the citizen follows the queue on a phone. */
  private async print(ticket: TicketView): Promise<boolean> {
    if (!this.deps.printTicket) return false;
    const issuedAt = new Date().toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
    try {
      return await this.deps.printTicket({
        centreName: this.deps.centreName,
        queueNumber: ticket.number,
        serviceName: (await Promise.all(ticket.services.map((s) => this.deps.serviceName(s.serviceCode)))).join('、'),
        waitingAhead: ticket.ahead,
        issuedAt,
        ...(ticket.link ? { statusUrl: ticket.link } : {}),
      });
    } catch (error) {
      this.deps.log.warn({ number: ticket.number, error: errorMessage(error) }, 'queue ticket not printed');
      return false;
    }
  }
}
