import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ServiceStateView } from '../../../contract/terminal/fleet-api';
import { useApi } from '../state/api-context';
import { identity } from '../state/store';
import { screenPicture } from './screen-picture';

/** Whether the kiosk serves citizens now, as the terminal says (remote action, opening hours). */
export const serviceState = signal<ServiceStateView>({ mode: 'in-service', message: null, opensAt: null });

/**
 * The page's share of the fleet: it follows the service state, loads itself again when staff
 * ask, and answers a screenshot request with a picture of itself, every personal area covered
 * while a citizen's session is on (screen-picture.ts), so no personal data is ever in it.
 */
export function useFleet(): void {
  const api = useApi();
  useEffect(() => {
    void api.call('service.state', {}).then((state) => (serviceState.value = state));
    const offs = [
      api.on('service.state', (state) => (serviceState.value = state)),
      api.on('ui.reload', () => location.reload()),
      api.on('fleet.screenshotRequested', ({ requestId, blank }) => {
        // The page blanks too when it knows a citizen is here, whatever the request says.
        const blanked = blank || identity.value !== null;
        void screenPicture(blanked)
          .then((png) => api.call('fleet.screenshot', { requestId, png, blanked }))
          .catch(() => undefined);
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [api]);
}
