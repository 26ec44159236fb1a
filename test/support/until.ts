/**
 * Waits for `probe` to give a value (not undefined, not false), asking again every `intervalMs`;
 * past `timeoutMs` it fails saying what it waited for. For what a test cannot be told of by an
 * event (a worker's retry count, a stream that reached a kiosk).
 */
export async function until<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 20_000, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
