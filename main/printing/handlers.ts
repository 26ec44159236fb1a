import type { Handlers } from '../api/dispatcher';
import { ApiFailure } from '../api/dispatcher';
import type { CitizenReprints } from './citizen-reprints';
import type { PrintService } from './print-service';

type PrintMethod = 'print.readiness' | 'print.retry';

/** Whether the A4 printer can print before a service starts, and 重新打印 of the session's failed jobs. */
export function printHandlers(printing: PrintService, reprints: CitizenReprints | undefined): Pick<Handlers, PrintMethod> {
  return {
    'print.readiness': () => printing.a4Readiness(),
    'print.retry': ({ retryId }) => {
      if (!reprints) throw new ApiFailure('unavailable', 'this terminal prints nothing for citizens');
      return reprints.retry(retryId);
    },
  };
}
