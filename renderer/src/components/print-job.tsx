import { useState } from 'preact/hooks';
import type { PrintResultView } from '../../../contract/terminal/api';
import { isMessageKey, type MessageKey } from '../i18n';
import { useApi } from '../state/api-context';
import { ErrorPanel } from './ErrorPanel';

export type PrintState = PrintResultView | 'printing' | 'failed' | null;

export interface PrintJob {
  printed: PrintState;
  /** The print did not come out: the call failed, or the printer said why. */
  failed: boolean;
  /** What to read aloud about the print (its outcome's message, or `failedKey` when the call itself failed). */
  spokenKey: MessageKey | undefined;
  /** Starts a print, showing 正在打印 until the terminal answers. */
  run(print: () => Promise<PrintResultView>): void;
  /** Prints a failed job again from the terminal's copy of it. */
  reprint(retryId: string): void;
  reset(): void;
}

/** A print a kiosk screen starts (the receipt, a certificate): its state, and a reprint of a failed job. */
export function usePrintJob(failedKey: MessageKey): PrintJob {
  const api = useApi();
  const [printed, setPrinted] = useState<PrintState>(null);
  const run = (print: () => Promise<PrintResultView>) => {
    setPrinted('printing');
    print().then(setPrinted, () => setPrinted('failed'));
  };
  return {
    printed,
    failed: printed === 'failed' || (typeof printed === 'object' && printed !== null && !printed.ok),
    spokenKey: printed && typeof printed === 'object' ? (isMessageKey(printed.message) ? printed.message : 'print.retryLater') : printed === 'failed' ? failedKey : undefined,
    run,
    reprint: (retryId) => run(() => api.call('print.retry', { retryId })),
    reset: () => setPrinted(null),
  };
}

/** A failed print in words, with 重新打印: the terminal's copy of the job when it kept one, otherwise `printAgain`. */
export function PrintFailure({ job, failedKey, testId, printAgain }: { job: PrintJob; failedKey: MessageKey; testId: string; printAgain: () => void }) {
  const printed = job.printed;
  if (!job.failed || printed === null || printed === 'printing') return null;
  return (
    <ErrorPanel
      testId={testId}
      message={printed === 'failed' ? failedKey : printed.message}
      nextStep={printed === 'failed' ? undefined : printed.nextStep}
      retryLabel="action.reprint"
      onRetry={() => (typeof printed === 'object' && printed.retryId ? job.reprint(printed.retryId) : printAgain())}
    />
  );
}
