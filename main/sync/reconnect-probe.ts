/**
 * While the outbox waits out a long backoff because the platform was unreachable, a cheap health
 * probe notices the platform's return within seconds and lets the outbox send at once, instead
 * of waiting up to its backoff cap (minutes) with citizens' cases on the kiosk.
 */
export function startReconnectProbe(options: {
  worker: { online(): boolean | null; pending(): number; retryNow(): void };
  probe: () => Promise<unknown>;
  intervalMs?: number;
}): () => void {
  const { worker, probe } = options;
  let probing = false;
  const timer = setInterval(() => {
    if (probing || worker.online() !== false || worker.pending() === 0) return;
    probing = true;
    probe()
      .then(
        () => worker.retryNow(),
        () => undefined,
      )
      .finally(() => (probing = false));
  }, options.intervalMs ?? 3000);
  timer.unref();
  return () => clearInterval(timer);
}
