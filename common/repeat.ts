import { Sleeper } from './wait';

/**
 * A task run at start and then every `intervalMs` until stopped (a refresh, a report). A round
 * that fails is handed to `onFailure` and the next comes at its time; stop() ends the wait at
 * once and resolves when the round in flight has finished.
 */
export class Repeating {
  readonly #sleeper = new Sleeper();
  #loop: Promise<void> | undefined;
  #stopping = false;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = (async () => {
      while (!this.#stopping) {
        try {
          await this.task();
        } catch (error) {
          this.onFailure(error);
        }
        await this.#sleeper.sleep(this.intervalMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#sleeper.wake();
    await this.#loop;
    this.#loop = undefined;
  }
}
