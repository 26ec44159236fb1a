import type { Catalogue } from '../../contract/platform/catalogue';
import type { NoticePrint } from '../../contract/terminal/counter-api';
import { ApiFailure } from '../api/dispatcher';
import type { PrintService } from '../printing/print-service';
import { printResultView } from '../printing/result-view';
import type { CounterService } from './counter-service';
import { noticeDocument, type NoticeSettings } from './notice-document';

export interface DeskNoticesOptions {
  desk: Pick<CounterService, 'act'>;
  printing: PrintService;
  catalogue: () => Promise<Catalogue>;
  settings: NoticeSettings;
}

type Printed = Pick<NoticePrint, 'kind' | 'verificationCode'>;

/**
 * The 不予受理告知书 and 补正材料告知书 of a decision the clerk has just taken, printed on the
 * desk's A4 printer. Everything on the paper comes from the platform under the clerk's token —
 * the decision as recorded, the case with its holder masked, and the notice's signed code — so
 * the same notice prints again identically, and nothing is printed for a decision the platform
 * did not take. A failed print is kept; 重新打印 sends that same job again.
 */
export class DeskNotices {
  /** The kept jobs this desk was told of, with what they print. */
  readonly #kept = new Map<string, Printed>();

  constructor(private readonly options: DeskNoticesOptions) {}

  async print(caseId: string, retryId?: string): Promise<NoticePrint> {
    if (retryId) return this.reprint(retryId);
    const { detail, events, notices } = await this.options.desk.act(async (token, client) => {
      const [detail, page, found] = await Promise.all([client.caseDetail(token, caseId), client.caseEvents(token, caseId), client.caseNotices(token, caseId)]);
      return { detail, events: page.events, notices: found.notices };
    });
    const notice = notices.at(-1);
    const event = notice && events.find((e) => `notice-${e.seq}` === notice.documentId);
    if (!notice || !event) throw new ApiFailure('not-allowed', `case ${caseId} has no 不予受理 or 补正 decision to print a notice of`, { code: 'no-notice' });
    const item = (await this.options.catalogue()).items.find((i) => i.code === detail.serviceCode);
    const document = noticeDocument({ notice, event, detail, item, settings: this.options.settings });
    const printed: Printed = { kind: notice.kind, verificationCode: notice.verificationCode };
    return this.shown(printed, await this.options.printing.printDocument(document, { caseId }));
  }

  private async reprint(retryId: string): Promise<NoticePrint> {
    const printed = this.#kept.get(retryId);
    if (!printed) throw new ApiFailure('not-allowed', `no failed notice print of this desk has the id ${retryId}`, { code: 'no-notice' });
    const outcome = await this.options.printing.reprint(retryId);
    if (outcome.ok) this.#kept.delete(retryId);
    // A failed reprint keeps the same job (its count raised): the same id tries again.
    return this.shown(printed, outcome, retryId);
  }

  private shown(printed: Printed, outcome: Parameters<typeof printResultView>[0], retryId?: string): NoticePrint {
    const view = printResultView(outcome);
    const kept = view.retryId ?? (view.ok ? undefined : retryId);
    if (kept) this.#kept.set(kept, printed);
    return { ...printed, ...view, ...(kept ? { retryId: kept } : {}) };
  }
}
