import type { Handlers } from '../api/dispatcher';
import type { SessionService } from './session-service';

type SessionMethod = Extract<keyof Handlers, `session.${string}`>;

/** The `session.*` methods: the citizen's visit, begun by a touch, kept alive by activity. */
export function sessionHandlers(sessions: SessionService): Pick<Handlers, SessionMethod> {
  return {
    'session.begin': ({ via }) => sessions.begin(via),
    'session.activity': () => {
      sessions.activity();
      return { ok: true };
    },
    'session.end': ({ reason }) => {
      sessions.end(reason);
      return { ok: true };
    },
  };
}
