import type { Identity } from '../../contract/identity';
import { maskIdNumber } from '../../contract/identity';
import type { IdentityView } from '../../contract/terminal/api';

/**
 * The one place the citizen's identity lives while they are at the machine. The page gets a
 * view with the ID number masked; services that need the full record (a case's applicant)
 * ask here, and the session's end clears it.
 */
export class IdentityHolder {
  #current: Identity | undefined;

  get current(): Identity | undefined {
    return this.#current;
  }

  hold(identity: Identity): IdentityView {
    this.#current = identity;
    return viewOf(identity);
  }

  wipe(): void {
    this.#current = undefined;
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
