import type { Handlers } from '../api/dispatcher';
import { provided } from '../api/dispatcher';
import type { CaseService } from './case-service';

type CaseMethod = Extract<keyof Handlers, `cases.${string}`> | 'print.caseReceipt';

/** The `cases.*` methods and the case receipt; a terminal that records no cases (a counter) refuses them. */
export function caseHandlers(service: CaseService | undefined): Pick<Handlers, CaseMethod> {
  const cases = provided(service, 'unavailable', 'this terminal records no cases');
  return {
    'cases.submit': ({ serviceCode, values }) => cases().submit(serviceCode, values),
    'cases.lookup': (query) => cases().lookupWithBundle(query),
    'cases.rate': async ({ caseId, level, reasons, comment }) => {
      await cases().rate(caseId, level, reasons, comment);
      return { ok: true };
    },
    'print.caseReceipt': ({ caseId }) => cases().printReceipt(caseId),
  };
}
