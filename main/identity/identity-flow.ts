import type { AgentCardView } from '../../contract/terminal/api';
import type { CardRead } from '../../drivers/idcard';
import { ApiFailure } from '../api/dispatcher';
import type { IdCardError } from '../../drivers/idcard/errors';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../logging/logger';
import type { SessionService } from '../session/session-service';
import { viewOf, type IdentityHolder } from './identity-holder';

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
  /** The cards that may come back: the applicant's, and the agent's once read (代办). */
  idNumbers: readonly string[];
  timer: NodeJS.Timeout;
}

/**
 * From the reader to a session: a card read begins the citizen's session with their identity,
 * a card taken away ends it where the terminal is set up so — after a countdown in which the
 * same card may come back and nothing is lost —, an expired card is turned away, and a failed
 * read asks for the card again. Nothing of a partly read card is kept.
 *
 * 代办: while the page waits for the agent's card (`readAgent`), the applicant's card may leave
 * the reader without a countdown, and the next other card read is held as the agent's for the
 * session, beside the applicant's — not a new visit.
 */
export class IdentityFlow {
  #away: CardAway | undefined;
  /** The session waiting for its agent's card. */
  #awaitingAgent: string | undefined;

  constructor(
    private readonly sessions: SessionService,
    private readonly identity: IdentityHolder,
    private readonly events: EventBus,
    private readonly options: IdentityFlowOptions,
    private readonly log: Logger,
  ) {
    sessions.onWipe(() => {
      this.#clearAway();
      this.#awaitingAgent = undefined;
    });
  }

  /** The page asks for the agent's card: the next other card on the reader is the agent's. */
  readAgent(): AgentCardView {
    const session = this.sessions.current;
    if (!session || !this.identity.current) throw new ApiFailure('not-allowed', "no applicant's card has been read in this session");
    // The applicant's card may already be off the reader, counting down: that was this step.
    this.#clearAway();
    this.identity.dropAgent();
    this.#awaitingAgent = session.id;
    this.sessions.activity();
    return this.#agentState('waiting');
  }

  cancelAgent(): AgentCardView {
    this.#awaitingAgent = undefined;
    return this.#agentState('cancelled');
  }

  #agentState(state: AgentCardView['state']): AgentCardView {
    const agent = this.identity.agent;
    const view: AgentCardView = { state, agent: state === 'read' && agent ? viewOf(agent) : null };
    this.events.publish('identity.agent', view);
    return view;
  }

  /** A card read while the page waits for the agent's: held as the agent's, or refused with a reason. */
  #agentCard(read: CardRead): void {
    this.sessions.activity();
    if (read.identity.idNumber === this.identity.current?.idNumber) {
      this.#agentState('applicant-card');
      return;
    }
    if (read.identity.expired) {
      this.#agentState('expired');
      return;
    }
    this.#awaitingAgent = undefined;
    this.identity.holdAgent(read.identity);
    this.log.info({ kind: read.identity.kind, totalMs: read.timings.totalMs }, 'agent ID card read');
    this.#agentState('read');
  }

  cardRead(read: CardRead): void {
    // The technician's card test reads through the same reader; it is no citizen's visit.
    if (this.options.inSetup()) return;
    if (this.#awaitingAgent !== undefined && this.sessions.current?.id === this.#awaitingAgent) {
      this.#agentCard(read);
      return;
    }
    const away = this.#away;
    if (away && this.sessions.current?.id === away.sessionId && away.idNumbers.includes(read.identity.idNumber)) {
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
    // The applicant's card makes way for the agent's: asked for, so no countdown.
    if (session && this.#awaitingAgent === session.id) return;
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
    const agent = this.identity.agent;
    this.#away = { sessionId: session.id, idNumbers: agent ? [held.idNumber, agent.idNumber] : [held.idNumber], timer };
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
