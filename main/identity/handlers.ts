import type { Handlers } from '../api/dispatcher';
import type { IdentityFlow } from './identity-flow';

type IdentityMethod = Extract<keyof Handlers, `identity.${string}`>;

/** The `identity.*` methods: 代办, the agent's own card read beside the applicant's. */
export function identityHandlers(flow: IdentityFlow): Pick<Handlers, IdentityMethod> {
  return {
    'identity.readAgent': () => flow.readAgent(),
    'identity.cancelAgent': () => flow.cancelAgent(),
  };
}
