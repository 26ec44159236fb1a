import type {
  ActionAck,
  ConfigReport,
  Heartbeat} from '../../contract/platform/fleet';
import {
  HeartbeatAnswer,
  HostUpdateFeed,
  RemoteAction,
  SignedConfig,
} from '../../contract/platform/fleet';
import { z } from 'zod';

const HOST_FEED = '/v1/updates/chromium-host/latest.json';

export class FleetRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FleetRequestError';
  }
}

/**
 * The terminal's side of the platform's fleet routes. Every answer is checked against the wire
 * contract, so a platform that answers nonsense is an error naming the route, not a crash later.
 */
export class FleetClient {
  readonly #authorization: string;

  constructor(
    private readonly baseUrl: string,
    credential: { terminalId: string; secret: string },
  ) {
    this.#authorization = `Bearer tbt_${credential.terminalId}.${credential.secret}`;
  }

  heartbeat(beat: Heartbeat): Promise<HeartbeatAnswer> {
    return this.json('PUT', '/v1/terminals/me/heartbeat', HeartbeatAnswer, beat, 10_000);
  }

  actions(after: number, waitSeconds: number, signal: AbortSignal): Promise<RemoteAction[]> {
    return this.json('GET', `/v1/terminals/me/actions?after=${after}&waitSeconds=${waitSeconds}`, z.array(RemoteAction), undefined, (waitSeconds + 15) * 1000, signal);
  }

  async ack(actionId: number, ack: ActionAck): Promise<void> {
    await this.json('POST', `/v1/terminals/me/actions/${actionId}/ack`, RemoteAction, ack, 30_000);
  }

  config(): Promise<SignedConfig> {
    return this.json('GET', '/v1/terminals/me/config', SignedConfig, undefined, 10_000);
  }

  async reportConfig(report: ConfigReport): Promise<void> {
    await this.json('POST', '/v1/terminals/me/config/report', z.undefined(), report, 10_000);
  }

  /** The release this terminal should run; null when none is rolled out to it. */
  async hostFeed(): Promise<HostUpdateFeed | null> {
    try {
      return await this.json('GET', HOST_FEED, HostUpdateFeed, undefined, 10_000);
    } catch (error) {
      if (error instanceof FleetRequestError && error.status === 404) return null;
      throw error;
    }
  }

  /** A release file, by the URL the feed gave (relative to the feed). */
  async download(url: string): Promise<Buffer> {
    const target = new URL(url, `${this.baseUrl}${HOST_FEED}`);
    if (target.origin !== new URL(this.baseUrl).origin) throw new FleetRequestError(`update file ${url}: not on the platform's origin`);
    const response = await fetch(target, { headers: { authorization: this.#authorization }, signal: AbortSignal.timeout(10 * 60_000) }).catch((error: Error) => {
      throw new FleetRequestError(`GET ${target.href}: ${error.message}`);
    });
    if (!response.ok) throw new FleetRequestError(`GET ${target.pathname} answered ${response.status}`, response.status);
    return Buffer.from(await response.arrayBuffer());
  }

  private async json<T>(method: string, route: string, schema: z.ZodType<T>, body: unknown, timeoutMs: number, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${route}`, {
        method,
        headers: { authorization: this.#authorization, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw new FleetRequestError(`${method} ${this.baseUrl}${route}: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) {
      const code = /"code":"([a-z-]+)"/.exec(text)?.[1] ?? 'no error code';
      throw new FleetRequestError(`${method} ${route} answered ${response.status} (${code})`, response.status);
    }
    const parsed = schema.safeParse(text ? JSON.parse(text) : undefined);
    if (!parsed.success) throw new FleetRequestError(`${method} ${route}: unexpected answer (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
    return parsed.data;
  }
}
