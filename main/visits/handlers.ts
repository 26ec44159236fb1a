import type { Handlers } from '../api/dispatcher';
import { ApiFailure } from '../api/dispatcher';
import type { AppointmentCheckIn } from './check-in';

/** `visits.checkIn`; a terminal with no citizens (a counter) refuses it. */
export function visitHandlers(service: AppointmentCheckIn | undefined): Pick<Handlers, 'visits.checkIn'> {
  return {
    'visits.checkIn': ({ code }) => {
      if (!service) throw new ApiFailure('unavailable', 'this terminal checks in no appointments');
      return service.checkIn(code);
    },
  };
}
