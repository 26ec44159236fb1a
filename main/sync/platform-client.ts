import { IssuedContributionCertificate, type ContributionCertificateRequest } from '../../contract/platform/certificates';
import { createParser } from 'eventsource-parser';
import type { z } from 'zod';
import { TerminalHealthReport, WhoAmI } from '../../contract/platform/access';
import { BlobInfo } from '../../contract/platform/blobs';
import { IntakeReceipt, type IntakeRequest } from '../../contract/platform/cases';
import { Catalogue } from '../../contract/platform/catalogue';
import { CaseEvent, EventsPage, SSE_EVENT_NAME } from '../../contract/platform/events';
import { HealthResponse } from '../../contract/platform';
import { HelpCall, type HelpCallRequest } from '../../contract/platform/help';
import { Rating, type RatingRequest } from '../../contract/platform/ratings';
import { PlatformUnreachableError } from './errors';
import { parseAnswer, platformFailure } from './platform-answers';
import type { MaterialContentType } from '../store/case-store';

export interface PlatformClientOptions {
  /** e.g. `https://platform.example.gov.cn` (config `platform.url`). */
  baseUrl: string;
  /** The terminal's credential issued at registration (config `platform.credential`). */
  credential: { terminalId: string; secret: string };
  /** Per request, to the end of the body. Default 10 s. */
  timeoutMs?: number;
  /** An event stream that shows nothing (not even the keepalive) for this long is dropped. Default 45 s. */
  streamIdleMs?: number;
}

export type CatalogueFetch = { notModified: true } | { notModified: false; catalogue: Catalogue; etag: string | null };

/**
 * The terminal's side of the platform's HTTP API (contract/platform). Every answer is checked
 * against the contract's schema; every failure is one of PlatformHttpError (the platform said
 * no, naming the field), PlatformUnreachableError (no answer in time) or PlatformResponseError
 * (an answer the contract does not allow).
 */
export class PlatformClient {
  readonly baseUrl: string;
  readonly terminalId: string;
  readonly #authorization: string;
  private readonly timeoutMs: number;
  private readonly streamIdleMs: number;

  constructor(options: PlatformClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.terminalId = options.credential.terminalId;
    this.#authorization = `Bearer tbt_${options.credential.terminalId}.${options.credential.secret}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.streamIdleMs = options.streamIdleMs ?? 45_000;
  }

  private async send(method: string, path: string, init: { body?: string | Buffer; contentType?: string; headers?: Record<string, string> } = {}) {
    const route = `${method} ${path.split('?')[0]}`;
    const headers: Record<string, string> = { authorization: this.#authorization, accept: 'application/json', ...init.headers };
    if (init.contentType) headers['content-type'] = init.contentType;
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: init.body, signal });
      const text = await response.text();
      return { route, response, text };
    } catch (error) {
      const reason = signal.aborted ? `no answer within ${this.timeoutMs} ms` : describeFetchFailure(error);
      throw new PlatformUnreachableError(route, this.baseUrl, reason);
    }
  }

  private fail(route: string, response: Response, text: string): never {
    platformFailure(route, response, text);
  }

  private parse<S extends z.ZodType>(schema: S, route: string, response: Response, text: string): z.infer<S> {
    return parseAnswer(schema, route, response, text);
  }

  private async json<S extends z.ZodType>(schema: S, method: string, path: string, init?: Parameters<PlatformClient['send']>[2]): Promise<z.infer<S>> {
    const { route, response, text } = await this.send(method, path, init);
    if (!response.ok) this.fail(route, response, text);
    return this.parse(schema, route, response, text);
  }

  health(): Promise<HealthResponse> {
    return this.json(HealthResponse, 'GET', '/v1/health');
  }

  me(): Promise<WhoAmI> {
    return this.json(WhoAmI, 'GET', '/v1/me');
  }

  /** With the last ETag, an unchanged catalogue costs a 304 and no body. */
  async catalogue(etag?: string): Promise<CatalogueFetch> {
    const { route, response, text } = await this.send('GET', '/v1/catalogue', { headers: etag ? { 'if-none-match': etag } : {} });
    if (response.status === 304) return { notModified: true };
    if (!response.ok) this.fail(route, response, text);
    return { notModified: false, catalogue: this.parse(Catalogue, route, response, text), etag: response.headers.get('etag') };
  }

  /** Uploading the same bytes again is harmless: the platform answers 200 instead of 201. */
  putBlob(sha256: string, contentType: MaterialContentType, bytes: Buffer): Promise<BlobInfo> {
    return this.json(BlobInfo, 'PUT', `/v1/blobs/${sha256}`, { body: bytes, contentType });
  }

  /**
   * Case intake, idempotent on the case id. Pass the stored JSON text to resend the very same
   * bytes; `replay` tells that the platform already had the case.
   */
  async intake(body: string | IntakeRequest): Promise<{ receipt: IntakeReceipt; replay: boolean }> {
    const { route, response, text } = await this.send('POST', '/v1/cases', {
      body: typeof body === 'string' ? body : JSON.stringify(body),
      contentType: 'application/json',
    });
    if (!response.ok) this.fail(route, response, text);
    return { receipt: this.parse(IntakeReceipt, route, response, text), replay: response.headers.get('idempotent-replay') === 'true' };
  }

  /** The citizen's rating (好差评) of a case; the same rating again is harmless, another one is a 409. */
  rate(caseId: string, rating: z.input<typeof RatingRequest>): Promise<Rating> {
    return this.json(Rating, 'POST', `/v1/cases/${encodeURIComponent(caseId)}/rating`, { body: JSON.stringify(rating), contentType: 'application/json' });
  }

  /** The signed 社保参保缴费证明 of the citizen at the machine, issued by the platform for printing. */
  contributionCertificate(request: ContributionCertificateRequest): Promise<IssuedContributionCertificate> {
    return this.json(IssuedContributionCertificate, 'POST', '/v1/certificates/contribution', { body: JSON.stringify(request), contentType: 'application/json' });
  }

  /** 呼叫工作人员 from this kiosk; the call is then followed by its id. */
  helpCall(request: HelpCallRequest): Promise<HelpCall> {
    return this.json(HelpCall, 'POST', '/v1/help-calls', { body: JSON.stringify(request), contentType: 'application/json' });
  }

  helpCallState(id: string): Promise<HelpCall> {
    return this.json(HelpCall, 'GET', `/v1/help-calls/${encodeURIComponent(id)}`);
  }

  cancelHelpCall(id: string): Promise<HelpCall> {
    return this.json(HelpCall, 'POST', `/v1/help-calls/${encodeURIComponent(id)}/cancel`, { body: '{}', contentType: 'application/json' });
  }

  events(after: number, limit = 200): Promise<EventsPage> {
    return this.json(EventsPage, 'GET', `/v1/events?after=${after}&limit=${limit}`);
  }

  async reportHealth(report: TerminalHealthReport): Promise<void> {
    const body = TerminalHealthReport.parse(report);
    const { route, response, text } = await this.send('PUT', '/v1/terminals/me/health', { body: JSON.stringify(body), contentType: 'application/json' });
    if (!response.ok) this.fail(route, response, text);
  }

  /**
   * Follows `GET /v1/events/stream` from `after`, calling `onEvent` for each event in order,
   * until `signal` aborts (resolves) or the stream fails or ends (rejects / resolves). A stream
   * that shows nothing for `streamIdleMs` is treated as dead, as the platform sends keepalives.
   */
  async streamEvents(after: number, onEvent: (event: CaseEvent) => void, signal: AbortSignal): Promise<void> {
    const route = 'GET /v1/events/stream';
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    let idle: NodeJS.Timeout | undefined;
    let timedOut = false;
    const arm = (ms: number) => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, ms);
    };
    try {
      arm(this.timeoutMs);
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}/v1/events/stream?after=${after}`, {
          headers: { authorization: this.#authorization, accept: 'text/event-stream' },
          signal: controller.signal,
        });
      } catch (error) {
        if (signal.aborted) return;
        throw new PlatformUnreachableError(route, this.baseUrl, timedOut ? `no answer within ${this.timeoutMs} ms` : describeFetchFailure(error));
      }
      if (!response.ok || !response.body) this.fail(route, response, await response.text());
      let failure: Error | undefined;
      const parser = createParser({
        onEvent: (message) => {
          if (failure || message.event !== SSE_EVENT_NAME) return;
          try {
            const event = this.parse(CaseEvent, route, response, message.data);
            onEvent(event);
          } catch (error) {
            failure = error as Error;
            controller.abort();
          }
        },
      });
      const decoder = new TextDecoder();
      try {
        arm(this.streamIdleMs);
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          arm(this.streamIdleMs);
          parser.feed(decoder.decode(chunk, { stream: true }));
          if (failure) break;
        }
      } catch (error) {
        if (failure) throw failure;
        if (signal.aborted) return;
        throw new PlatformUnreachableError(route, this.baseUrl, timedOut ? `the stream was silent for ${this.streamIdleMs} ms` : describeFetchFailure(error));
      }
      if (failure) throw failure;
    } finally {
      clearTimeout(idle);
      signal.removeEventListener('abort', abort);
    }
  }
}

function describeFetchFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
