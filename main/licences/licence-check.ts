import type { LicenceLookupRequest, LicenceLookupResult } from '../../contract/platform/licences';
import type { Identity } from '../../contract/identity';
import type { LicenceCheckView, LicenceMaterialState } from '../../contract/terminal/licence-api';
import { errorMessage } from '../../common/errors';
import { ApiFailure } from '../api/dispatcher';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Logger } from '../logging/logger';

export interface LicenceCheckDeps {
  lookup(request: LicenceLookupRequest): Promise<LicenceLookupResult>;
  catalogue: CatalogueService;
  identity: () => Identity | undefined;
  /** The agent (代办人) whose own card was read in this session, if any. */
  agent?: () => Identity | undefined;
  session: () => { id: string } | undefined;
  log: Logger;
  now?: () => number;
}

export interface HeldLicence {
  code: string;
  type: string;
  number: string;
}

/**
 * The kiosk's side of 电子证照: with the citizen's consent for this case, asks the platform
 * which licences the applicant (and an agent, for the agent's own papers) holds, and keeps the
 * numbers here for the case's material references. Refused consent asks nothing. Wiped with
 * the session.
 */
export class LicenceCheck {
  #held = new Map<string, HeldLicence[]>();

  constructor(private readonly deps: LicenceCheckDeps) {}

  async check(serviceCode: string, consent: boolean, agentIdNumber?: string): Promise<LicenceCheckView> {
    const session = this.deps.session();
    if (!session) throw new ApiFailure('not-allowed', 'no citizen session');
    const item = (await this.deps.catalogue.get()).items.find((i) => i.code === serviceCode);
    if (!item) throw new ApiFailure('bad-request', `unknown service ${serviceCode}`);
    const materials = item.materials.filter((m) => m.electronicLicence !== undefined);
    this.#held.delete(serviceCode);
    if (!consent) return { consent: 'refused', materials: materials.map((m) => ({ code: m.code, state: 'not-asked' })) };
    const applicant = this.deps.identity()?.idNumber;
    // The agent's card, when it was read, is the agent; otherwise the number typed in the form.
    const holders = { applicant, agent: this.deps.agent?.()?.idNumber ?? agentIdNumber } as const;
    const held: HeldLicence[] = [];
    const states: LicenceCheckView['materials'] = [];
    const grantedAt = new Date((this.deps.now ?? Date.now)()).toISOString();
    for (const role of ['applicant', 'agent'] as const) {
      const mine = materials.filter((m) => (m.holder ?? 'applicant') === role);
      const idNumber = holders[role];
      if (mine.length === 0) continue;
      if (!idNumber) {
        for (const m of mine) states.push({ code: m.code, state: 'not-asked' });
        continue;
      }
      const types = [...new Set(mine.map((m) => m.electronicLicence as string))];
      let answer: LicenceLookupResult | undefined;
      try {
        answer = await this.deps.lookup({ visitId: session.id, consent: { grantedAt, scope: 'this-case' }, holderRole: role, holderIdNumber: idNumber, types });
      } catch (error) {
        this.deps.log.warn({ serviceCode, role, error: errorMessage(error) }, 'licence lookup failed');
      }
      for (const m of mine) {
        const result = answer?.results.find((r) => r.type === m.electronicLicence);
        const state: LicenceMaterialState = !answer ? 'unavailable' : result?.status === 'valid' ? 'held' : result?.status === 'expired' ? 'expired' : 'missing';
        if (state === 'held' && result?.number) held.push({ code: m.code, type: result.type, number: result.number });
        states.push({ code: m.code, state });
      }
    }
    this.#held.set(serviceCode, held);
    return { consent: 'granted', materials: item.materials.flatMap((m) => states.filter((s) => s.code === m.code)) };
  }

  /** The licences found for this service in this session: what the case names instead of paper. */
  held(serviceCode: string): readonly HeldLicence[] {
    return this.#held.get(serviceCode) ?? [];
  }

  wipe(): void {
    this.#held.clear();
  }
}
