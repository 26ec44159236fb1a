import { useEffect, useState } from 'preact/hooks';
import type { DeviceState } from '../../../contract/terminal/api';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';

export type DeviceStatesByRole = Readonly<Record<string, DeviceState>>;

/**
 * Every device's state as the terminal last published it: the health snapshot when the screen
 * opens, then each `device.state` event as it happens (a reader unplugged, a scanner back), so
 * the technician sees a device change while they work on its cable.
 */
export function useLiveDeviceStates(): DeviceStatesByRole {
  const api = useApi();
  const [states, setStates] = useState<DeviceStatesByRole>({});
  useEffect(() => {
    let open = true;
    const off = api.on('device.state', (state) => setStates((known) => ({ ...known, [state.role]: state })));
    void api
      .call('health.get', {})
      // An event that came while the snapshot was on its way is newer than the snapshot.
      .then((health) => open && setStates((known) => ({ ...Object.fromEntries(health.devices.map((d) => [d.role, d])), ...known })))
      .catch(() => undefined);
    return () => {
      open = false;
      off();
    };
  }, [api]);
  return states;
}

/** One device's current state in words, with the driver's reason (port, code) for the technician. */
export function DeviceStateLine({ role, states }: { role: string; states: DeviceStatesByRole }) {
  const t = useT();
  const state = states[role];
  if (!state) return null;
  return (
    <p class={state.state === 'ready' || state.state === 'busy' ? 'note' : 'problem'} aria-live="polite" data-testid={`device-state-${role}`} data-state={state.state}>
      {t('setup.deviceState')}: {t(`setup.deviceState.${state.state}`)}
      {state.reason ? ` — ${state.reason}` : ''}
    </p>
  );
}
