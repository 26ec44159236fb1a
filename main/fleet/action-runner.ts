import type { ActionAck, RemoteAction } from '../../contract/platform/fleet';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../logging/logger';
import { Sleeper } from '../../common/wait';
import type { FleetClient } from './fleet-client';
import type { ServiceState } from './service-state';

export interface ActionRunnerDeps {
  client: Pick<FleetClient, 'actions' | 'ack'>;
  events: EventBus;
  service: ServiceState;
  /** A citizen is at the machine: their data may be on screen. */
  sessionActive: () => boolean;
  /** Ends the citizen's session (and wipes it) when the kiosk goes out of service under them. */
  endSession: () => void;
  /** Exits so the supervisor starts the terminal again; called after the acknowledgement is sent. */
  restart: () => void;
  waitSeconds: number;
  log: Logger;
}

const SCREENSHOT_WAIT_MS = 10_000;

/** The page's picture of itself, and whether it covered every personal area as asked. */
export interface ScreenPicture {
  png: string;
  blanked: boolean;
}
const RETRY_MS = 5000;

/**
 * Waits for remote actions (a long poll, so an action reaches the kiosk in about a second),
 * carries each one out once and acknowledges it with what happened. A screenshot taken while a
 * citizen's session is on comes with every personal area blanked by the page (what they entered
 * is never sent to anyone); one the page could not blank is refused, never sent.
 */
export class ActionRunner {
  private readonly sleeper = new Sleeper();
  private readonly abort = new AbortController();
  private readonly screenshots = new Map<string, (picture: ScreenPicture) => void>();
  private loop: Promise<void> | undefined;
  private lastId = 0;

  constructor(private readonly deps: ActionRunnerDeps) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.sleeper.wake();
    await this.loop;
  }

  /** The page's answer to a screenshot request. */
  screenshotTaken(requestId: string, picture: ScreenPicture): boolean {
    const waiting = this.screenshots.get(requestId);
    if (!waiting) return false;
    waiting(picture);
    return true;
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        const actions = await this.deps.client.actions(this.lastId, this.deps.waitSeconds, this.abort.signal);
        for (const action of actions) {
          this.lastId = Math.max(this.lastId, action.id);
          await this.handle(action);
        }
      } catch (error) {
        if (this.abort.signal.aborted) return;
        this.deps.log.warn({ err: error }, 'remote actions: the platform did not answer; trying again');
        await this.sleeper.sleep(RETRY_MS);
      }
    }
  }

  private async handle(action: RemoteAction): Promise<void> {
    let ack: ActionAck;
    try {
      ack = await this.carryOut(action);
    } catch (error) {
      ack = { outcome: 'failed', detail: (error as Error).message.slice(0, 300) };
    }
    this.deps.log.info({ action: action.id, kind: action.kind, outcome: ack.outcome, requestedBy: action.requestedBy }, 'remote action');
    await this.deps.client.ack(action.id, ack);
    if (action.kind === 'restart' && ack.outcome === 'done') this.deps.restart();
  }

  private async carryOut(action: RemoteAction): Promise<ActionAck> {
    switch (action.kind) {
      case 'reload-ui':
        this.deps.events.publish('ui.reload', {});
        return { outcome: 'done' };
      case 'restart':
        return { outcome: 'done', detail: 'restarting' };
      case 'out-of-service':
        if (this.deps.sessionActive()) this.deps.endSession();
        this.deps.service.outOfService(action.message ?? '');
        return { outcome: 'done' };
      case 'back-in-service':
        this.deps.service.backInService();
        return { outcome: 'done' };
      case 'screenshot':
        return this.screenshot(action);
    }
  }

  private async screenshot(action: RemoteAction): Promise<ActionAck> {
    const blank = this.deps.sessionActive();
    const requestId = `action-${action.id}`;
    const picture = await new Promise<ScreenPicture | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), SCREENSHOT_WAIT_MS);
      this.screenshots.set(requestId, (taken) => {
        clearTimeout(timer);
        resolve(taken);
      });
      this.deps.events.publish('fleet.screenshotRequested', { requestId, blank });
    });
    this.screenshots.delete(requestId);
    if (!picture) return { outcome: 'failed', detail: `no screen answered within ${SCREENSHOT_WAIT_MS / 1000} s` };
    // A citizen may have touched the screen while an unblanked picture was taken: it is not sent.
    if (!picture.blanked && (blank || this.deps.sessionActive())) return { outcome: 'refused', detail: 'a citizen session is on screen and the picture was not blanked' };
    return { outcome: 'done', screenshot: picture.png, ...(picture.blanked ? { detail: 'a citizen session was on: personal areas blanked' } : {}) };
  }
}
