import type { CardRead } from '../../drivers/idcard';
import type { IdCardError } from '../../drivers/idcard/errors';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../logging/logger';
import type { SessionService } from '../session/session-service';
import type { IdentityHolder } from './identity-holder';

const CITIZEN_FAILURES = {
  'card-removed-during-read': 'removed-during-read',
  'bad-card-data': 'unreadable',
  'reader-status': 'unreadable',
} as const;

export interface IdentityFlowOptions {
  endOnCardRemoval: boolean;
  /** With endOnCardRemoval: seconds the citizen has to put the same card back (0 ends at once). */
  cardReturnSeconds?: number;
  inSetup: () => boolean;
}

interface CardAway {
  sessionId: string;
  idNumber: string;
  timer: NodeJS.Timeout;
}

/**
 * From the reader to a session: a card read begins the citizen's session with their identity,
 * a card taken away ends it where the terminal is set up so — after a countdown in which the
 * same card may come back and nothing is lost —, an expired card is turned away, and a failed
 * read asks for the card again. Nothing of a partly read card is kept.
 */
export class IdentityFlow {
  #away: CardAway | undefined;

  constructor(
    private readonly sessions: SessionService,
    private readonly identity: IdentityHolder,
    private readonly events: EventBus,
    private readonly options: IdentityFlowOptions,
    private readonly log: Logger,
  ) {
    sessions.onWipe(() => this.#clearAway());
  }

  cardRead(read: CardRead): void {
    // The technician's card test reads through the same reader; it is no citizen's visit.
    if (this.options.inSetup()) return;
    const away = this.#away;
    if (away && this.sessions.current?.id === away.sessionId && read.identity.idNumber === away.idNumber) {
      this.#clearAway();
      this.sessions.activity();
      this.log.info({ sessionId: away.sessionId }, 'card put back in time');
      this.events.publish('session.cardBack', { sessionId: away.sessionId });
      return;
    }
    // Another card while one was away: the first citizen's session ends as if its card never came back.
    if (away) this.sessions.end('card-removed');
    if (read.identity.expired) {
      this.events.publish('identity.failed', { reason: 'expired' });
      return;
    }
    this.sessions.begin('idcard');
    const view = this.identity.hold(read.identity);
    this.log.info({ kind: read.identity.kind, totalMs: read.timings.totalMs }, 'ID card read');
    this.events.publish('identity.read', view);
  }

  cardRemoved(): void {
    if (this.options.inSetup()) return;
    this.events.publish('identity.removed', {});
    const held = this.identity.current;
    const session = this.sessions.current;
    if (!this.options.endOnCardRemoval || !held || !session || this.#away) return;
    let secondsLeft = this.options.cardReturnSeconds ?? 0;
    if (secondsLeft === 0) {
      this.sessions.end('card-removed');
      return;
    }
    this.events.publish('session.cardAway', { sessionId: session.id, secondsLeft });
    const timer = setInterval(() => {
      secondsLeft -= 1;
      if (secondsLeft > 0) {
        this.events.publish('session.cardAway', { sessionId: session.id, secondsLeft });
        return;
      }
      this.#clearAway();
      if (this.sessions.current?.id === session.id) this.sessions.end('card-removed');
    }, 1000);
    this.#away = { sessionId: session.id, idNumber: held.idNumber, timer };
  }

  cardFailed(error: IdCardError): void {
    const reason = CITIZEN_FAILURES[error.code as keyof typeof CITIZEN_FAILURES];
    if (reason) this.events.publish('identity.failed', { reason });
  }

  #clearAway(): void {
    if (this.#away) clearInterval(this.#away.timer);
    this.#away = undefined;
  }
}
