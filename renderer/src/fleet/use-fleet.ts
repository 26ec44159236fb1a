import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ServiceStateView } from '../../../contract/terminal/fleet-api';
import { useApi } from '../state/api-context';

/** Whether the kiosk serves citizens now, as the terminal says (remote action, opening hours). */
export const serviceState = signal<ServiceStateView>({ mode: 'in-service', message: null, opensAt: null });

/**
 * The page's share of the fleet: it follows the service state, loads itself again when staff
 * ask, and answers a screenshot request with a picture of itself. The terminal asks only when
 * no citizen's session is on (it refuses otherwise), so no personal data is ever in the picture.
 */
export function useFleet(): void {
  const api = useApi();
  useEffect(() => {
    void api.call('service.state', {}).then((state) => (serviceState.value = state));
    const offs = [
      api.on('service.state', (state) => (serviceState.value = state)),
      api.on('ui.reload', () => location.reload()),
      api.on('fleet.screenshotRequested', ({ requestId }) => {
        void (async () => {
          // Loaded on the first request only: most days no one asks.
          const { toPng } = await import('html-to-image');
          const url = await toPng(document.body, { pixelRatio: 0.5, skipFonts: true, backgroundColor: '#ffffff' });
          await api.call('fleet.screenshot', { requestId, png: url.slice(url.indexOf(',') + 1) });
        })().catch(() => undefined);
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [api]);
}
