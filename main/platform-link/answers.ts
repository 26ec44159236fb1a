import type { z } from 'zod';
import { ErrorBody, type ErrorCode } from '../../contract/platform/errors';
import { PlatformHttpError, PlatformResponseError } from './errors';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  423: 'account-locked',
  429: 'rate-limited',
};

function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * How every client of the platform (the terminal's sync, the counter's staff calls) reads an
 * answer: a refusal becomes a PlatformHttpError with the platform's code and field, a body that
 * breaks the contract a PlatformResponseError naming where.
 */
export function platformFailure(route: string, response: Response, text: string): never {
  let parsed: z.infer<typeof ErrorBody> | undefined;
  try {
    const body = ErrorBody.safeParse(JSON.parse(text));
    if (body.success) parsed = body.data;
  } catch {
    parsed = undefined;
  }
  const code = parsed?.error.code ?? STATUS_CODES[response.status] ?? 'internal';
  const message = parsed?.error.message ?? (text.slice(0, 200) || response.statusText);
  throw new PlatformHttpError(route, response.status, code, message, parsed?.error.field, retryAfterMs(response));
}

/** A body read against the contract's schema; `status` is the answer's (200 for an event of a stream). */
export function parseAnswer<S extends z.ZodType>(schema: S, route: string, status: number, text: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PlatformResponseError(route, status, '', `not JSON: ${text.slice(0, 80)}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new PlatformResponseError(route, status, issue.path.map(String).join('.'), issue.message);
  }
  return result.data;
}
