import type { DeviceState } from '../../contract/terminal/api';
import type { EventBus } from '../api/event-bus';

/** Every device's last known state, published to the UI and read by health. */
export class DeviceStates {
  readonly #states = new Map<string, DeviceState>();

  constructor(private readonly events: EventBus) {}

  set(role: string, driver: string, state: DeviceState['state'], reason?: string): void {
    const previous = this.#states.get(role);
    if (previous && previous.state === state && previous.reason === reason) return;
    const next: DeviceState = { role, driver, state, since: new Date().toISOString(), ...(reason ? { reason } : {}) };
    this.#states.set(role, next);
    this.events.publish('device.state', next);
  }

  list(): DeviceState[] {
    return [...this.#states.values()];
  }
}
