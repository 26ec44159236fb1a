import { logFailure, type LogSink } from './errors';

export type Stop = () => Promise<void> | void;

/**
 * What a composition root started, stopped in the reverse order: the last thing started
 * depends on the ones before it. A stop that fails is logged and the others still run.
 */
export class StopList {
  #stops: Stop[] = [];

  constructor(private readonly log?: LogSink) {}

  add(stop: Stop): void {
    this.#stops.push(stop);
  }

  async stopAll(): Promise<void> {
    const stops = this.#stops.reverse();
    this.#stops = [];
    for (const stop of stops) {
      try {
        await stop();
      } catch (error) {
        logFailure(this.log, 'error', error, 'a service failed to stop');
      }
    }
  }
}
