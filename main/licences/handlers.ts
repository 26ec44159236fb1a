import type { Handlers } from '../api/dispatcher';
import { ApiFailure } from '../api/dispatcher';
import type { LicenceCheck } from './licence-check';

/** `licences.check`; a terminal that records no cases (a counter) refuses it. */
export function licenceHandlers(service: LicenceCheck | undefined): Pick<Handlers, 'licences.check'> {
  return {
    'licences.check': ({ serviceCode, consent, agentIdNumber }) => {
      if (!service) throw new ApiFailure('unavailable', 'this terminal looks up no licences');
      return service.check(serviceCode, consent, agentIdNumber);
    },
  };
}
