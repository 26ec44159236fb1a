/** A wait that ends at its time, or early when woken (new work, or stopping). */
export class Sleeper {
  #wake: (() => void) | undefined;

  sleep(ms: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      if (ms !== undefined) timer = setTimeout(done, Math.max(0, ms));
      this.#wake = done;
    });
  }

  wake(): void {
    this.#wake?.();
  }
}
