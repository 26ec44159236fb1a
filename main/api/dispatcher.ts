import type { z } from 'zod';
import {
  terminalMethods,
  type ApiError,
  type ApiErrorCode,
  type MethodName,
  type MethodResult,
  type ResponseFrame,
} from '../../contract/terminal/api';
import type { Logger } from '../logging/logger';

export type Handlers = {
  [M in MethodName]: (args: z.output<(typeof terminalMethods)[M]['args']>) => Promise<MethodResult<M>> | MethodResult<M>;
};

/** A failure a handler means to report to the UI, as opposed to a bug. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** For the UI's i18n table: a stable reason and its params (see ApiError). */
    readonly reason?: { code: string; params?: Record<string, string | number> },
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/**
 * A service a terminal's role may lack (a counter records no cases, a kiosk has no desk): its
 * handler table asks for it through this, and a terminal without it refuses in the API's terms.
 */
export function provided<T>(service: T | undefined, code: ApiErrorCode, why: string): () => T {
  return () => {
    if (!service) throw new ApiFailure(code, why);
    return service;
  };
}

function issuesOf(error: z.ZodError): ApiError['issues'] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
}

function isMethodName(method: string): method is MethodName {
  return Object.hasOwn(terminalMethods, method);
}

/**
 * Both transports hand every call to this one function: it never throws, so a malformed or
 * hostile call can cost the caller an error frame but never the main process.
 */
export function createDispatcher(handlers: Handlers, log: Logger) {
  return async function dispatch(id: number, method: string, rawArgs: unknown): Promise<ResponseFrame> {
    if (!isMethodName(method)) {
      return { id, ok: false, error: { code: 'unknown-method', message: `unknown method "${method.slice(0, 80)}"` } };
    }
    const spec = terminalMethods[method];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      return {
        id,
        ok: false,
        error: { code: 'bad-request', message: `invalid arguments for ${method}`, issues: issuesOf(parsed.error) },
      };
    }
    try {
      const handler = handlers[method] as (args: unknown) => unknown;
      const result = await handler(parsed.data);
      const checked = spec.result.safeParse(result);
      if (!checked.success) {
        log.error({ method, issues: issuesOf(checked.error) }, 'handler returned a result that breaks the contract');
        return { id, ok: false, error: { code: 'internal', message: `${method} produced an invalid result` } };
      }
      return { id, ok: true, result: checked.data };
    } catch (error) {
      if (error instanceof ApiFailure) {
        const reason = error.reason ? { reason: error.reason.code, ...(error.reason.params ? { params: error.reason.params } : {}) } : {};
        return { id, ok: false, error: { code: error.code, message: error.message, ...reason } };
      }
      log.error({ method, err: error }, 'handler failed');
      return { id, ok: false, error: { code: 'internal', message: `${method} failed` } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
