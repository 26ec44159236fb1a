import type { Handlers } from '../api/dispatcher';
import { ApiFailure } from '../api/dispatcher';
import type { AppointmentCheckIn } from './check-in';
import type { KioskBooking } from './kiosk-booking';

type VisitMethod = Extract<keyof Handlers, `visits.${string}`>;

/** 预约签到, 预约 and 取号; a terminal with no citizens (a counter) refuses them. */
export function visitHandlers(services: { checkIn: AppointmentCheckIn; booking: KioskBooking } | undefined): Pick<Handlers, VisitMethod> {
  const visits = () => {
    if (!services) throw new ApiFailure('unavailable', 'this terminal books and checks in no appointments');
    return services;
  };
  return {
    'visits.checkIn': ({ code }) => visits().checkIn.checkIn(code),
    'visits.slots': ({ serviceCode, date }) => visits().booking.slots(serviceCode, date),
    'visits.book': ({ serviceCode, slotStart, phone }) => visits().booking.book(serviceCode, slotStart, phone),
    'visits.takeNumber': ({ serviceCode, alsoServices, phone }) => visits().booking.takeNumber([serviceCode, ...(alsoServices ?? [])], phone),
  };
}
