import { EventEmitter } from 'node:events';
import { terminalEvents, type EventData, type EventFrame, type EventName } from '../../contract/terminal/api';

/** Services publish here; each transport forwards every frame to the UI it serves. */
export class EventBus {
  readonly #emitter = new EventEmitter();

  publish<E extends EventName>(event: E, data: EventData<E>): void {
    const frame: EventFrame = { event, data: terminalEvents[event].parse(data) };
    this.#emitter.emit('frame', frame);
  }

  subscribe(listener: (frame: EventFrame) => void): () => void {
    this.#emitter.on('frame', listener);
    return () => this.#emitter.off('frame', listener);
  }
}
