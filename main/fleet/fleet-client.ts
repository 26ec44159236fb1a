import { z } from 'zod';
import {
  HeartbeatAnswer,
  HostUpdateFeed,
  RemoteAction,
  SignedConfig,
  type ActionAck,
  type ConfigReport,
  type Heartbeat,
} from '../../contract/platform/fleet';
import { PlatformHttpError } from '../platform-link/errors';
import { PlatformLink } from '../platform-link/link';

/** A release file may be large and the line slow: a download gets this long. */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * The terminal's side of the platform's fleet routes, over the one link every client of the
 * platform uses: each answer is read against the wire contract, so a platform that answers
 * nonsense is an error naming the route, not a crash later.
 */
export class FleetClient {
  readonly #authorization: string;
  private readonly link: PlatformLink;

  constructor(baseUrl: string, credential: { terminalId: string; secret: string }) {
    this.link = new PlatformLink({ baseUrl });
    this.#authorization = `Bearer tbt_${credential.terminalId}.${credential.secret}`;
  }

  heartbeat(beat: Heartbeat): Promise<HeartbeatAnswer> {
    return this.link.json(HeartbeatAnswer, 'heartbeat', { authorization: this.#authorization, body: beat });
  }

  actions(after: number, waitSeconds: number, signal: AbortSignal): Promise<RemoteAction[]> {
    return this.link.json(z.array(RemoteAction), 'remoteActions', {
      authorization: this.#authorization,
      query: { after, waitSeconds },
      timeoutMs: (waitSeconds + 15) * 1000,
      signal,
    });
  }

  async ack(actionId: number, ack: ActionAck): Promise<void> {
    await this.link.json(RemoteAction, 'ackAction', { authorization: this.#authorization, params: { actionId: String(actionId) }, body: ack, timeoutMs: 30_000 });
  }

  config(): Promise<SignedConfig> {
    return this.link.json(SignedConfig, 'terminalConfig', { authorization: this.#authorization });
  }

  async reportConfig(report: ConfigReport): Promise<void> {
    await this.link.ok('reportConfig', { authorization: this.#authorization, body: report });
  }

  /** The release this terminal should run; null when none is rolled out to it. */
  async hostFeed(): Promise<HostUpdateFeed | null> {
    try {
      return await this.link.json(HostUpdateFeed, 'hostUpdateFeed', { authorization: this.#authorization });
    } catch (error) {
      if (error instanceof PlatformHttpError && error.status === 404) return null;
      throw error;
    }
  }

  /** A release file, named as the feed names it (`files/<name>`, beside the feed). */
  async download(url: string): Promise<Buffer> {
    const fileName = /^files\/([A-Za-z0-9._-]{1,120})$/.exec(url)?.[1];
    if (!fileName) throw new Error(`update file ${url}: not a file of the platform's feed`);
    const answer = await this.link.ok('updateFile', { authorization: this.#authorization, params: { channel: 'chromium-host', fileName }, timeoutMs: DOWNLOAD_TIMEOUT_MS });
    return answer.bytes;
  }
}
