import type { z } from 'zod';
import { routeRequest, type PlatformRoute } from '../../contract/platform/routes';
import { fetchFailureReason } from '../../common/errors';
import { parseAnswer, platformFailure } from './answers';
import { PlatformUnreachableError } from './errors';

export interface LinkOptions {
  /** e.g. `https://platform.example.gov.cn` (config `platform.url`). */
  baseUrl: string;
  /** Per request, to the end of the body. Default 10 s. */
  timeoutMs?: number;
}

export interface Call {
  /** The route's `:name` parameters. */
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number>>;
  /** `Bearer …`: the terminal's credential, or a clerk's staff token. */
  authorization?: string;
  /** Bytes as they are (a blob, a stored intake body), or a value sent as JSON. */
  body?: Buffer | string | object;
  contentType?: string;
  headers?: Readonly<Record<string, string>>;
  /** For a call that may take longer than the link's timeout (a long poll, a download). */
  timeoutMs?: number;
  /** Ends the call early (a long poll when the terminal stops). */
  signal?: AbortSignal;
}

export interface Answer {
  /** e.g. `POST /v1/cases/:caseId/rating`: the route as errors and logs name it. */
  route: string;
  response: Response;
  bytes: Buffer;
  text(): string;
}

/**
 * The one HTTP link to the platform that every client of it (the terminal's sync, the
 * counter's staff calls, the event stream) goes through: routes by name from the contract's
 * table, one timeout, and one reading of answers. A request that gets no answer fails with
 * PlatformUnreachableError; `json` and `ok` turn a refusal into PlatformHttpError and a body the
 * contract does not allow into PlatformResponseError.
 */
export class PlatformLink {
  readonly baseUrl: string;
  readonly timeoutMs: number;

  constructor(options: LinkOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  url(route: PlatformRoute, call: Pick<Call, 'params' | 'query'> = {}): { method: string; name: string; href: string } {
    const { method, path, name } = routeRequest(route, call.params);
    const query = call.query ? `?${new URLSearchParams(Object.entries(call.query).map(([k, v]): [string, string] => [k, String(v)])).toString()}` : '';
    return { method, name, href: `${this.baseUrl}${path}${query}` };
  }

  headers(call: Call, accept = 'application/json'): Record<string, string> {
    const headers: Record<string, string> = { accept, ...call.headers };
    if (call.authorization) headers.authorization = call.authorization;
    const contentType = call.contentType ?? (isJsonBody(call.body) ? 'application/json' : undefined);
    if (contentType) headers['content-type'] = contentType;
    return headers;
  }

  /** Any answer the platform gives; only no answer at all throws. */
  async request(route: PlatformRoute, call: Call = {}): Promise<Answer> {
    const { method, name, href } = this.url(route, call);
    const timeoutMs = call.timeoutMs ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    const body = call.body === undefined ? undefined : isJsonBody(call.body) ? JSON.stringify(call.body) : call.body;
    try {
      const response = await fetch(href, { method, headers: this.headers(call), body, signal });
      const bytes = Buffer.from(await response.arrayBuffer());
      return { route: name, response, bytes, text: () => bytes.toString('utf8') };
    } catch (error) {
      throw this.unreachable(name, timeout.aborted ? `no answer within ${timeoutMs} ms` : call.signal?.aborted ? 'stopped' : fetchFailureReason(error));
    }
  }

  /** A 2xx answer, or the platform's refusal as PlatformHttpError. */
  async ok(route: PlatformRoute, call: Call = {}): Promise<Answer> {
    const answer = await this.request(route, call);
    if (!answer.response.ok) this.refusal(answer);
    return answer;
  }

  /** A 2xx answer read against the contract's schema. */
  async json<S extends z.ZodType>(schema: S, route: PlatformRoute, call: Call = {}): Promise<z.infer<S>> {
    return this.parse(schema, await this.ok(route, call));
  }

  parse<S extends z.ZodType>(schema: S, answer: Pick<Answer, 'route' | 'response' | 'text'>): z.infer<S> {
    return parseAnswer(schema, answer.route, answer.response.status, answer.text());
  }

  refusal(answer: Pick<Answer, 'route' | 'response' | 'text'>): never {
    platformFailure(answer.route, answer.response, answer.text());
  }

  unreachable(route: string, reason: string): PlatformUnreachableError {
    return new PlatformUnreachableError(route, this.baseUrl, reason);
  }
}

function isJsonBody(body: Call['body']): body is object {
  return body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body);
}
