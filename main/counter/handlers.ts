import type { Handlers } from '../api/dispatcher';
import { provided } from '../api/dispatcher';
import type { CounterService } from './counter-service';
import type { DeskNotices } from './desk-notices';

type CounterMethod = Extract<keyof Handlers, `counter.${string}`>;
export type CounterHandlers = Pick<Handlers, CounterMethod>;

const ok = { ok: true } as const;

/**
 * The `counter.*` methods. On a kiosk (no service) every one of them is refused: a citizen's
 * machine has no desk to sign in to.
 */
export function counterHandlers(service: CounterService | undefined, notices?: DeskNotices): CounterHandlers {
  const desk = provided(service, 'not-allowed', 'this terminal is not a counter (terminal.role)');
  const printer = provided(notices, 'not-allowed', 'this terminal is not a counter (terminal.role)');
  return {
    'counter.status': () => desk().status(),
    'counter.signIn': ({ username, password }) => desk().signIn(username, password),
    'counter.unlock': ({ password }) => desk().unlock(password),
    'counter.lock': () => {
      desk().lock();
      return ok;
    },
    'counter.signOut': async () => {
      await desk().signOut();
      return ok;
    },
    'counter.activity': () => {
      desk().activity();
      return ok;
    },
    'counter.queue': () => desk().queue(),
    'counter.callNext': () => desk().callNext(),
    'counter.recall': ({ caseId }) => desk().recall(caseId),
    'counter.skip': ({ caseId, note }) => desk().skip(caseId, note),
    'counter.case': ({ caseId }) => desk().review(caseId),
    'counter.reveal': ({ caseId, purpose }) => desk().reveal(caseId, purpose),
    'counter.material': ({ caseId, sha256 }) => desk().material(caseId, sha256),
    'counter.licences': ({ caseId }) => desk().licences(caseId),
    'counter.decide': ({ caseId, decision }) => desk().decide(caseId, decision),
    'counter.printNotice': ({ caseId, retryId }) => printer().print(caseId, retryId),
    'counter.startCase': ({ caseId }) => desk().startCase(caseId),
    'counter.createCase': (args) => desk().createCase(args),
    'counter.stats': () => desk().stats(),
    'counter.wall': ({ windows }) => desk().wall(windows),
    'counter.helpCalls': () => ({ calls: desk().helpCalls() }),
    'counter.takeHelpCall': ({ id }) => desk().takeHelpCall(id),
  };
}
