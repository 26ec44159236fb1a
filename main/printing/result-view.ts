import type { PrintResultView } from '../../contract/terminal/api';
import type { PrintOutcome } from './print-service';

/** How a print ended, for the citizen's screen: message keys, and the job to send again when it was kept. */
export function printResultView(outcome: PrintOutcome): PrintResultView {
  return outcome.ok
    ? { ok: true, message: 'print.done', warnings: outcome.warnings }
    : {
        ok: false,
        message: outcome.citizenMessage,
        ...(outcome.nextStep ? { nextStep: outcome.nextStep } : {}),
        ...(outcome.failedJobId ? { retryId: outcome.failedJobId } : {}),
        warnings: [],
      };
}
