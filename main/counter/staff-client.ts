import { createParser } from 'eventsource-parser';
import type { z } from 'zod';
import { SignInResponse } from '../../contract/platform/access';
import { CaseDetail, CaseSummary, IntakeReceipt, QueueResponse, RevealResponse, type Decision, type IntakeRequest } from '../../contract/platform/cases';
import { EventsPage, SSE_EVENT_NAME } from '../../contract/platform/events';
import { CentreStats } from '../../contract/platform/ratings';
import { HelpCall, SSE_HELP_EVENT_NAME } from '../../contract/platform/help';
import { PlatformUnreachableError } from '../sync/errors';
import { parseAnswer, platformFailure } from '../sync/platform-answers';

/**
 * The counter's side of the platform's staff routes. The sync worker's PlatformClient speaks
 * with the terminal's own credential and keeps it private; a clerk acts under their own staff
 * session token, so this client takes the token per call and fails with the same error types
 * (main/sync/errors), so that a 401 is recognisable wherever it comes from.
 */
export class StaffClient {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  private async send(method: string, path: string, token: string | undefined, body?: unknown) {
    const route = `${method} ${path.split('?')[0]}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
      return { route, response, bytes: Buffer.from(await response.arrayBuffer()) };
    } catch (error) {
      throw new PlatformUnreachableError(route, this.baseUrl, signal.aborted ? `no answer within ${this.timeoutMs} ms` : describeFetchFailure(error));
    }
  }

  private fail(route: string, response: Response, text: string): never {
    platformFailure(route, response, text);
  }

  private async json<S extends z.ZodType>(schema: S, method: string, path: string, token: string | undefined, body?: unknown): Promise<z.infer<S>> {
    const { route, response, bytes } = await this.send(method, path, token, body);
    const text = bytes.toString('utf8');
    if (!response.ok) this.fail(route, response, text);
    return parseAnswer(schema, route, response, text);
  }

  signIn(username: string, password: string): Promise<SignInResponse> {
    return this.json(SignInResponse, 'POST', '/v1/staff/sessions', undefined, { username, password });
  }

  async signOut(token: string): Promise<void> {
    const { route, response, bytes } = await this.send('DELETE', '/v1/staff/sessions/current', token);
    if (!response.ok && response.status !== 401) this.fail(route, response, bytes.toString('utf8'));
  }

  queue(token: string): Promise<QueueResponse> {
    return this.json(QueueResponse, 'GET', '/v1/queue', token);
  }

  /** The next case by the platform's rules; undefined when nobody waits (204). */
  async claim(token: string): Promise<CaseSummary | undefined> {
    const { route, response, bytes } = await this.send('POST', '/v1/queue/claim', token, {});
    if (response.status === 204) return undefined;
    const text = bytes.toString('utf8');
    if (!response.ok) this.fail(route, response, text);
    return parseAnswer(CaseSummary, route, response, text);
  }

  caseDetail(token: string, caseId: string): Promise<CaseDetail> {
    return this.json(CaseDetail, 'GET', `/v1/cases/${caseId}`, token);
  }

  caseEvents(token: string, caseId: string): Promise<EventsPage> {
    return this.json(EventsPage, 'GET', `/v1/cases/${caseId}/events?after=0&limit=500`, token);
  }

  reveal(token: string, caseId: string, purpose: string): Promise<RevealResponse> {
    return this.json(RevealResponse, 'POST', `/v1/cases/${caseId}/reveal`, token, { purpose });
  }

  decide(token: string, caseId: string, decision: Decision): Promise<CaseSummary> {
    return this.json(CaseSummary, 'POST', `/v1/cases/${caseId}/decisions`, token, decision);
  }

  intake(token: string, request: IntakeRequest): Promise<IntakeReceipt> {
    return this.json(IntakeReceipt, 'POST', '/v1/cases', token, request);
  }

  stats(token: string, from: Date, to: Date): Promise<CentreStats> {
    return this.json(CentreStats, 'GET', `/v1/stats?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`, token);
  }

  helpCalls(token: string): Promise<HelpCall[]> {
    return this.json(HelpCall.array(), 'GET', '/v1/help-calls', token);
  }

  takeHelpCall(token: string, id: string): Promise<HelpCall> {
    return this.json(HelpCall, 'POST', `/v1/help-calls/${encodeURIComponent(id)}/take`, token, {});
  }

  async blob(token: string, sha256: string): Promise<{ contentType: string; bytes: Buffer }> {
    const { route, response, bytes } = await this.send('GET', `/v1/blobs/${sha256}`, token);
    if (!response.ok) this.fail(route, response, bytes.toString('utf8'));
    return { contentType: response.headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream', bytes };
  }

  /**
   * Follows the centre's event stream and calls `onEvent` with each event's seq (and `onHelp`
   * with each help call of the centre as it changes), until `signal`
   * aborts (resolves) or the stream fails (rejects with one of the platform error types).
   */
  async stream(token: string, after: number, onEvent: (seq: number) => void, signal: AbortSignal, onHelp?: (call: HelpCall) => void): Promise<void> {
    const route = 'GET /v1/events/stream';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/v1/events/stream?after=${after}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal,
      });
    } catch (error) {
      if (signal.aborted) return;
      throw new PlatformUnreachableError(route, this.baseUrl, describeFetchFailure(error));
    }
    if (!response.ok || !response.body) this.fail(route, response, await response.text());
    const parser = createParser({
      onEvent: (message) => {
        if (message.event === SSE_EVENT_NAME) onEvent(Number(message.id ?? 0));
        if (message.event === SSE_HELP_EVENT_NAME && onHelp) {
          const call = HelpCall.safeParse(JSON.parse(message.data));
          if (call.success) onHelp(call.data);
        }
      },
    });
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch (error) {
      if (signal.aborted) return;
      throw new PlatformUnreachableError(route, this.baseUrl, describeFetchFailure(error));
    }
  }
}

function describeFetchFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
