import { EventEmitter } from 'node:events';
import type { CaseEvent } from '../../contract/platform/events';
import type { HelpCall } from '../../contract/platform/help';
import type { CaseStore, StatusChange } from '../store/case-store';
import type { LocalStore } from '../store/local-store';
import type { PlatformClient } from './platform-client';
import { errorMessage, logFailure } from '../../common/errors';
import { Sleeper } from '../../common/wait';
import type { SyncLog } from './sync-log';

export interface StatusFeedOptions {
  store: LocalStore;
  cases: CaseStore;
  client: Pick<PlatformClient, 'events' | 'streamEvents'>;
  /** Follow the server-sent event stream between catch-up pulls (default true); false polls only. */
  stream?: boolean;
  /** Between pulls when not streaming, and before trying again after a failure. Default 5 s. */
  pollIntervalMs?: number;
  log?: SyncLog;
}

export interface StatusFeedEvents {
  /** A case of this terminal changed status on the platform. */
  status: [StatusChange];
  /** Every event of the centre, ours or not (a counter's queue view wants them all); may repeat after a reconnect. */
  event: [CaseEvent];
  /** This terminal's help call changed (a staff member took it, the call was cancelled). */
  help: [HelpCall];
  /** The event stream (re)opened: live signals sent while it was down were not heard. */
  streaming: [];
  /** A pull or the stream failed; the feed carries on. */
  problem: [{ error: string }];
}

const CURSOR_KEY = 'feed.cursor';

/**
 * Keeps the local cases' status and history in step with the platform. The cursor (the last
 * event seq applied) is stored, so a restart resumes where it stopped. Each round first pulls
 * pages up to the present, then follows the event stream until it drops; applying an event
 * twice is harmless, so the overlap between a pull and the stream costs nothing.
 */
export class StatusFeed extends EventEmitter<StatusFeedEvents> {
  private readonly sleeper = new Sleeper();
  private loop: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private stopping = false;

  constructor(private readonly options: StatusFeedOptions) {
    super();
  }

  cursor(): number {
    return Number(this.options.store.getState(CURSOR_KEY) ?? 0);
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.abort?.abort();
    this.sleeper.wake();
    await this.loop;
    this.loop = undefined;
  }

  /** Pulls every event after the cursor; returns how many local cases changed. */
  async catchUp(): Promise<number> {
    let changed = 0;
    for (;;) {
      const page = await this.options.client.events(this.cursor(), 200);
      for (const event of page.events) if (this.apply(event)) changed += 1;
      this.options.store.setState(CURSOR_KEY, String(page.cursor));
      if (!page.hasMore || this.stopping) return changed;
    }
  }

  private apply(event: CaseEvent): boolean {
    const change = this.options.cases.applyEvent(event);
    if (event.seq > this.cursor()) this.options.store.setState(CURSOR_KEY, String(event.seq));
    this.emit('event', event);
    if (change) this.emit('status', change);
    return change !== undefined;
  }

  private report(error: unknown): void {
    const message = errorMessage(error);
    logFailure(this.options.log, 'warn', error, 'status feed interrupted');
    this.emit('problem', { error: message });
  }

  private async run(): Promise<void> {
    const interval = this.options.pollIntervalMs ?? 5_000;
    while (!this.stopping) {
      try {
        await this.catchUp();
      } catch (error) {
        this.report(error);
        await this.sleeper.sleep(interval);
        continue;
      }
      if (this.stopping) break;
      if (this.options.stream === false) {
        await this.sleeper.sleep(interval);
        continue;
      }
      this.abort = new AbortController();
      try {
        await this.options.client.streamEvents(this.cursor(), (event) => this.apply(event), this.abort.signal, {
          onHelp: (call) => this.emit('help', call),
          onOpen: () => this.emit('streaming'),
        });
        // The platform closed the stream (a restart, a proxy's limit): reconnect soon, not in a tight loop.
        if (!this.stopping) await this.sleeper.sleep(Math.min(interval, 1_000));
      } catch (error) {
        this.report(error);
        await this.sleeper.sleep(interval);
      }
    }
  }
}
