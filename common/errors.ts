/**
 * One way to say what went wrong. A log line carries the error itself under `err` (pino keeps
 * its type, message and stack); a message for a person, an event or a stored note carries
 * `errorMessage(error)`.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}

/**
 * Why a `fetch` got no answer: undici wraps the system's reason (ECONNREFUSED, ENOTFOUND,
 * UND_ERR_SOCKET) in `cause`, behind a bare "fetch failed".
 */
export function fetchFailureReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? errorMessage(error);
}

/** The part of a logger (pino's) that the shared pieces use. */
export interface LogSink {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Logs a failure under the `err` key with its context (ids, codes, never personal values). */
export function logFailure(log: LogSink | undefined, level: 'warn' | 'error', error: unknown, message: string, context: object = {}): void {
  log?.[level]({ ...context, err: error }, message);
}
