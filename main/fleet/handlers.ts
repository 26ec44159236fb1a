import { ApiFailure, type Handlers } from '../api/dispatcher';
import type { RunningFleet } from '.';

type FleetMethod = 'service.state' | 'fleet.screenshot';

/**
 * The fleet's methods: the kiosk's service state and the page's answer to a screenshot request.
 * A terminal no platform watches is always in service and is never asked for a screenshot.
 */
export function fleetHandlers(fleet: RunningFleet | undefined): Pick<Handlers, FleetMethod> {
  return {
    'service.state': () => fleet?.service.view() ?? { mode: 'in-service', message: null, opensAt: null },
    'fleet.screenshot': ({ requestId, png, blanked }) => {
      if (!fleet) throw new ApiFailure('not-allowed', 'this terminal is not watched by a platform (platform.url)');
      if (!fleet.screenshotTaken(requestId, { png, blanked })) throw new ApiFailure('bad-request', `no screenshot ${requestId} was asked for`);
      return { ok: true };
    },
  };
}
