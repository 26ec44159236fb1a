import { once, type EventEmitter } from 'node:events';

/** Resolves after `ms`, or at once when `signal` aborts (it never rejects: an abort is a stop, not a failure). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * A wait that ends at its time (or never, for undefined), or early when woken: new work, or
 * stopping. A wake that comes while no wait is in progress is kept for the next one, so a loop
 * told to stop while it was busy does not then sleep its full interval.
 */
export class Sleeper {
  #wake: AbortController | undefined;
  #woken = false;

  async sleep(ms: number | undefined): Promise<void> {
    if (this.#woken) {
      this.#woken = false;
      return;
    }
    const wake = new AbortController();
    this.#wake = wake;
    try {
      if (ms === undefined) await once(wake.signal, 'abort');
      else await sleep(ms, wake.signal);
    } finally {
      if (this.#wake === wake) this.#wake = undefined;
    }
  }

  wake(): void {
    if (this.#wake) this.#wake.abort();
    else this.#woken = true;
  }
}

/**
 * Waits until `done()` holds, checking it now and each time `emitter` emits `event`, for at
 * most `timeoutMs`. Resolves true when it held, false at the timeout: a reply to the caller
 * that an event is late, not an error. No polling: nothing runs between events.
 */
export async function whenTrue(emitter: EventEmitter, event: string, done: () => boolean, timeoutMs: number): Promise<boolean> {
  if (done()) return true;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    for (;;) {
      await once(emitter, event, { signal });
      if (done()) return true;
    }
  } catch (error) {
    if (signal.aborted) return done();
    throw error;
  }
}
