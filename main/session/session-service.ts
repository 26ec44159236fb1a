import { randomUUID } from 'node:crypto';
import type { SessionEndReason, SessionInfo } from '../../contract/terminal/api';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../logging/logger';

export interface SessionTimings {
  idleSeconds: number;
  warnSeconds: number;
}

/** Something that holds a citizen's data for the length of a session and must forget it. */
export type Wipe = () => void;

interface ActiveSession {
  info: SessionInfo;
  warnTimer?: NodeJS.Timeout;
  endTimer?: NodeJS.Timeout;
  countdown?: NodeJS.Timeout;
}

/**
 * One citizen at a time. The idle clock runs here, not in the UI, so that a frozen or reloaded
 * page cannot keep a citizen's data alive; every service that holds personal data registers a
 * wipe that runs when the session ends, whatever ends it.
 */
export class SessionService {
  #active: ActiveSession | undefined;
  readonly #wipes = new Set<Wipe>();

  constructor(
    private readonly timings: SessionTimings,
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {}

  get current(): SessionInfo | undefined {
    return this.#active?.info;
  }

  onWipe(wipe: Wipe): () => void {
    this.#wipes.add(wipe);
    return () => this.#wipes.delete(wipe);
  }

  begin(via: 'touch' | 'idcard' | 'qr'): SessionInfo {
    if (this.#active) this.end('cancelled');
    const info: SessionInfo = {
      id: randomUUID(),
      startedAt: new Date().toISOString(),
      idleSeconds: this.timings.idleSeconds,
      warnSeconds: this.timings.warnSeconds,
    };
    this.#active = { info };
    this.#startClock(this.#active);
    this.log.info({ sessionId: info.id, via }, 'session began');
    this.bus.publish('session.began', { session: info, via });
    return info;
  }

  /** The citizen touched something: the idle clock starts again. */
  activity(): void {
    const active = this.#active;
    if (!active) return;
    const wasWarning = active.countdown !== undefined;
    this.#stopClock(active);
    this.#startClock(active);
    if (wasWarning) this.bus.publish('session.resumed', { sessionId: active.info.id });
  }

  end(reason: SessionEndReason): void {
    const active = this.#active;
    if (!active) return;
    this.#stopClock(active);
    this.#active = undefined;
    for (const wipe of this.#wipes) {
      try {
        wipe();
      } catch (error) {
        this.log.error({ err: error }, 'a session wipe failed');
      }
    }
    this.log.info({ sessionId: active.info.id, reason }, 'session ended');
    this.bus.publish('session.ended', { sessionId: active.info.id, reason });
  }

  dispose(): void {
    this.end('cancelled');
  }

  #startClock(active: ActiveSession): void {
    const { idleSeconds, warnSeconds } = this.timings;
    const sessionId = active.info.id;
    active.warnTimer = setTimeout(() => {
      let secondsLeft = warnSeconds;
      this.bus.publish('session.warning', { sessionId, secondsLeft });
      active.countdown = setInterval(() => {
        secondsLeft = Math.max(0, secondsLeft - 1);
        this.bus.publish('session.warning', { sessionId, secondsLeft });
      }, 1000);
    }, (idleSeconds - warnSeconds) * 1000);
    active.endTimer = setTimeout(() => this.end('idle'), idleSeconds * 1000);
  }

  #stopClock(active: ActiveSession): void {
    clearTimeout(active.warnTimer);
    clearTimeout(active.endTimer);
    if (active.countdown) clearInterval(active.countdown);
    active.countdown = undefined;
  }
}
