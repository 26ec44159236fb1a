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

/**
 * From the reader to a session: a card read begins the citizen's session with their identity,
 * a card taken away ends it where the terminal is set up so, an expired card is turned away,
 * and a failed read asks for the card again. Nothing of a partly read card is kept.
 */
export class IdentityFlow {
  constructor(
    private readonly sessions: SessionService,
    private readonly identity: IdentityHolder,
    private readonly events: EventBus,
    private readonly options: { endOnCardRemoval: boolean; inSetup: () => boolean },
    private readonly log: Logger,
  ) {}

  cardRead(read: CardRead): void {
    // The technician's card test reads through the same reader; it is no citizen's visit.
    if (this.options.inSetup()) return;
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
    if (this.options.endOnCardRemoval && this.identity.current) this.sessions.end('card-removed');
  }

  cardFailed(error: IdCardError): void {
    const reason = CITIZEN_FAILURES[error.code as keyof typeof CITIZEN_FAILURES];
    if (reason) this.events.publish('identity.failed', { reason });
  }
}
