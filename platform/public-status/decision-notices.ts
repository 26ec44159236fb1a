import type { CaseEvent } from '../../contract/platform/events';
import { caseNumberOf } from '../../contract/platform/case-number';
import type { PublicNotice } from '../../contract/platform/public-status';
import { iso, type PlatformContext } from '../core/context';
import type { DocumentService } from '../documents/service';
import { verificationCode, verificationUrl } from '../documents/signing';

/** The decisions that give the citizen a notice on paper, and the kind of that notice. */
const NOTICE_KINDS = { rejected: 'rejection-notice', 'materials-requested': 'supplement-notice' } as const;
type NoticeEvent = keyof typeof NOTICE_KINDS;

function isNoticeEvent(type: string): type is NoticeEvent {
  return type in NOTICE_KINDS;
}

/**
 * The 不予受理告知书 and 补正材料告知书 a decision gives the citizen, issued signed with the
 * platform's document key (the DocumentSigner behind `DocumentService`), so the code printed on
 * the notice is verifiable at `/v1/documents/verify` and on the case's public status page.
 *
 * A notice is derived from its decision event alone — id `notice-{seq}`, issued at the event's
 * time, by the centre — and Ed25519 signatures are deterministic, so issuing is idempotent: a
 * notice missed when its event was published (a crash between) is issued, identical, when it
 * is first asked for. The signed data is what may be shown to whoever holds the code: the case
 * number, the service and the decision, no name, number or staff's reason.
 */
export class DecisionNotices {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly documents: DocumentService,
  ) {}

  /** Issues the notices of new decision events (the platform's event hub calls this). */
  async onEvents(events: readonly CaseEvent[]): Promise<void> {
    for (const event of events) if (isNoticeEvent(event.type)) await this.issue({ seq: event.seq, caseId: event.caseId, type: event.type, at: Date.parse(event.at) });
  }

  /** Every notice of one case, oldest first, issued now where it was not yet. */
  async forCase(caseId: string): Promise<PublicNotice[]> {
    const rows = await this.ctx.db.all<{ seq: number; type: string; at: number }>(
      "SELECT seq, type, at FROM events WHERE case_id = ? AND type IN ('rejected', 'materials-requested') ORDER BY seq",
      [caseId],
    );
    const notices: PublicNotice[] = [];
    for (const row of rows) {
      if (!isNoticeEvent(row.type)) continue;
      notices.push(await this.issue({ seq: Number(row.seq), caseId, type: row.type, at: Number(row.at) }));
    }
    return notices;
  }

  async issue(event: { seq: number; caseId: string; type: NoticeEvent; at: number }): Promise<PublicNotice> {
    const documentId = `notice-${event.seq}`;
    const kind = NOTICE_KINDS[event.type];
    const signed =
      (await this.documents.registry.get(documentId)) ??
      (await this.documents.issue({ kind, documentId, issuedAt: iso(event.at), issuer: await this.issuer(event.caseId), data: await this.data(event) })).signed;
    return {
      kind,
      documentId,
      issuedAt: signed.issuedAt,
      verificationCode: verificationCode(signed),
      verifyUrl: verificationUrl(this.ctx.publicUrl(), signed),
    };
  }

  private async issuer(caseId: string): Promise<string> {
    const row = await this.ctx.db.get<{ name: string }>('SELECT t.name FROM cases c JOIN centres t ON t.id = c.centre_id WHERE c.id = ?', [caseId]);
    return row?.name ?? 'unknown centre';
  }

  private async data(event: { caseId: string; type: NoticeEvent }): Promise<Record<string, unknown>> {
    const row = await this.ctx.db.get<{ service_code: string }>('SELECT service_code FROM cases WHERE id = ?', [event.caseId]);
    const item = (await this.ctx.catalogue()).items.find((i) => i.code === row?.service_code);
    return { caseNumber: caseNumberOf(event.caseId), serviceCode: row?.service_code ?? null, serviceName: item?.name['zh-CN'] ?? null, decision: event.type };
  }
}
