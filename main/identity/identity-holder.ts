import type { Identity } from '../../contract/identity';
import { maskIdNumber } from '../../contract/identity';
import type { IdentityView } from '../../contract/terminal/api';

/**
 * The one place the citizen's identity lives while they are at the machine: the applicant's
 * card and, when someone applies for them (代办), the agent's card too. The page gets views
 * with the ID numbers masked; services that need the full record (a case's applicant, the
 * agent's fields) ask here, and the session's end clears both.
 */
export class IdentityHolder {
  #current: Identity | undefined;
  #agent: Identity | undefined;

  /** The applicant: the card that began the session. */
  get current(): Identity | undefined {
    return this.#current;
  }

  /** The agent (代办人) whose own card was read for this session, if any. */
  get agent(): Identity | undefined {
    return this.#agent;
  }

  hold(identity: Identity): IdentityView {
    this.#current = identity;
    this.#agent = undefined;
    return viewOf(identity);
  }

  holdAgent(identity: Identity): IdentityView {
    this.#agent = identity;
    return viewOf(identity);
  }

  /** A new agent's card is asked for: the one held before no longer speaks for the case. */
  dropAgent(): void {
    this.#agent = undefined;
  }

  wipe(): void {
    this.#current = undefined;
    this.#agent = undefined;
  }
}

export function viewOf(identity: Identity): IdentityView {
  return {
    kind: identity.kind,
    name: identity.name,
    sex: identity.sex,
    ...(identity.nation ? { nation: identity.nation } : {}),
    birthDate: identity.birthDate,
    ...(identity.address ? { address: identity.address } : {}),
    idNumberMasked: maskIdNumber(identity.idNumber),
    expired: identity.expired,
    photoAvailable: false,
  };
}
