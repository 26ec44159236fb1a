import type { ErrorCode } from '../../contract/platform/errors';

/** An expected failure with the HTTP status and structured body it answers with. */
export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export const notFound = (what: string) => new PlatformError(404, 'not-found', `${what} does not exist`);
export const forbidden = (message = 'this belongs to another centre') => new PlatformError(403, 'forbidden', message);
export const invalidForm = (field: string, message: string) => new PlatformError(422, 'invalid-form', `${field} ${message}`, field);
