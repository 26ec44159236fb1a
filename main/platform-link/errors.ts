import type { ErrorCode } from '../../contract/platform/errors';

/** The platform answered with an error: its stable code, and the request field it blames. */
export class PlatformHttpError extends Error {
  override name = 'PlatformHttpError';
  constructor(
    /** e.g. `POST /v1/cases` */
    readonly route: string,
    readonly status: number,
    readonly code: ErrorCode,
    readonly platformMessage: string,
    readonly field?: string,
    /** From `Retry-After` (429, 503). */
    readonly retryAfterMs?: number,
  ) {
    super(`${route} answered ${status} ${code}${field ? ` (field ${field})` : ''}: ${platformMessage}`);
  }
}

/** No answer: refused connection, DNS, reset, or the timeout. */
export class PlatformUnreachableError extends Error {
  override name = 'PlatformUnreachableError';
  constructor(
    readonly route: string,
    readonly baseUrl: string,
    readonly reason: string,
  ) {
    super(`${route}: the platform at ${baseUrl} is unreachable (${reason})`);
  }
}

/** An answer that breaks the contract: not JSON, or not the shape of contract/platform. */
export class PlatformResponseError extends Error {
  override name = 'PlatformResponseError';
  constructor(
    readonly route: string,
    readonly status: number,
    /** The path of the first offending value in the answer, e.g. `queueNumber`. */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${route} answered ${status} with a body the contract does not allow at ${field || '(body)'}: ${problem}`);
  }
}

/**
 * A refusal that sending the same bytes again cannot change: the body is wrong (400, 422),
 * conflicts with what the platform holds under this id (409), or is too large or of a refused
 * type (413, 415). Everything else (no answer, 5xx, 429, a credential the platform does not
 * know yet) may pass later and is retried.
 */
export function isPermanentRefusal(error: unknown): error is PlatformHttpError {
  return error instanceof PlatformHttpError && [400, 409, 413, 415, 422].includes(error.status);
}
