import type { EventBus } from '../api/event-bus';

/**
 * A restart the terminal owes (a new platform configuration kept, the nightly maintenance) is
 * taken at the first moment no citizen is at the machine: at once when it is idle, otherwise the
 * moment their session ends, so a configuration applies within seconds of the last visit rather
 * than at the next heartbeat or the next night. A citizen is never cut off for it.
 */
export class IdleRestart {
  #pending: string | undefined;
  readonly #unsubscribe: () => void;

  constructor(
    private readonly deps: {
      events: EventBus;
      sessionActive: () => boolean;
      restart: (why: string) => void;
    },
  ) {
    this.#unsubscribe = deps.events.subscribe((frame) => {
      if (frame.event === 'session.ended') this.whenIdle();
    });
  }

  /** Asks for a restart; a later reason replaces an earlier one that has not been taken yet. */
  request(why: string): void {
    this.#pending = why;
    this.whenIdle();
  }

  /** Takes the owed restart if no session is on (also called on each clock tick, as a backstop). */
  whenIdle(): void {
    const why = this.#pending;
    if (why === undefined || this.deps.sessionActive()) return;
    this.#pending = undefined;
    this.deps.restart(why);
  }

  stop(): void {
    this.#unsubscribe();
  }
}
