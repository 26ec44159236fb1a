import type { PrintResultView } from '../../contract/terminal/api';
import { ApiFailure } from '../api/dispatcher';
import type { PrintService } from './print-service';
import { printResultView } from './result-view';

/**
 * 重新打印 for the citizen at the machine: a failed job the print service kept may be sent
 * again from the screen, but only one that failed in this session — the ids are forgotten
 * when it ends, and staff reprint anything older.
 */
export class CitizenReprints {
  readonly #offered = new Set<string>();

  constructor(private readonly printing: PrintService) {}

  /** A result shown to the citizen: its kept job, if any, may be retried from now on. */
  offer(view: PrintResultView): PrintResultView {
    if (view.retryId) this.#offered.add(view.retryId);
    return view;
  }

  async retry(retryId: string): Promise<PrintResultView> {
    if (!this.#offered.has(retryId)) throw new ApiFailure('not-allowed', 'no failed print of this session has that id');
    const view = printResultView(await this.printing.reprint(retryId));
    if (view.ok) {
      this.#offered.delete(retryId);
      return view;
    }
    // A failed reprint keeps the same job (its count raised): the same id tries again.
    return { ...view, retryId };
  }

  clear(): void {
    this.#offered.clear();
  }
}
