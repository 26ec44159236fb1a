import type { Handlers } from '../api/dispatcher';
import type { SetupService } from './setup-service';
import type { TechnicianLock } from './technician-lock';

type SetupMethod = Extract<keyof Handlers, `setup.${string}`>;

/** The `setup.*` methods: the technician's screen, every call but unlock behind the PIN. */
export function setupHandlers(lock: TechnicianLock, setup: SetupService): Pick<Handlers, SetupMethod> {
  return {
    'setup.unlock': ({ pin }) => lock.unlock(pin),
    'setup.lock': () => {
      lock.lock();
      return { ok: true };
    },
    'setup.ports': () => setup.ports(),
    'setup.devices': () => setup.devices(),
    'setup.saveDevices': ({ devices }) => setup.saveDevices(devices),
    'setup.testDevice': ({ role }) => setup.testDevice(role),
    'setup.testCamera': ({ image }) => setup.testCamera(image),
  };
}
