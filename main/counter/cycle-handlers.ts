import type { Handlers } from '../api/dispatcher';
import { ApiFailure } from '../api/dispatcher';
import type { DeskCycle } from './desk-cycle';

type CycleMethod = Extract<keyof Handlers, `backOffice.${string}` | `pickup.${string}` | `desk.${string}`>;
export type CycleHandlers = Pick<Handlers, CycleMethod>;

/** The back-office and pickup methods; refused on a kiosk, which has no desk. */
export function cycleHandlers(cycle: DeskCycle | undefined): CycleHandlers {
  const desk = (): DeskCycle => {
    if (!cycle) throw new ApiFailure('not-allowed', 'this terminal is not a counter (terminal.role)');
    return cycle;
  };
  return {
    'desk.departments': () => desk().departments(),
    'desk.bundle': ({ caseId }) => desk().bundle(caseId),
    'desk.notes': ({ caseId }) => desk().notes(caseId),
    'desk.note': ({ caseId, text }) => desk().note(caseId, text),
    'backOffice.queue': ({ status }) => desk().backOfficeQueue(status),
    'backOffice.case': ({ caseId }) => desk().backOfficeCase(caseId),
    'backOffice.decide': ({ caseId, decision }) => desk().backOfficeDecide(caseId, decision),
    'pickup.findByCard': () => desk().findByCard(),
    'pickup.find': (search) => desk().find(search),
    'pickup.collect': (input) => desk().collect(input),
    'pickup.post': ({ pickupId, carrier, trackingNumber }) => desk().post(pickupId, carrier, trackingNumber),
    'desk.myCases': ({ list }) => desk().myCases(list),
    'desk.search': (search) => desk().search(search),
    'desk.colleagues': () => desk().colleagues(),
    'desk.handover': ({ caseId, staffId, note }) => desk().handover(caseId, staffId, note),
    'pickup.collectBatch': (input) => desk().collectBatch(input),
    'pickup.rate': ({ caseId, visitId, level, reasons }) => desk().rate(caseId, visitId, level, reasons),
  };
}
