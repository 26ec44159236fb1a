import type { CaseEvent } from '../../contract/platform/events';
import { caseNumberOf } from '../../contract/platform/case-number';
import type { DeskNotice, PublicNotice } from '../../contract/platform/public-status';
import { iso, type PlatformContext } from '../core/context';
import type { DocumentService } from '../documents/service';
import { verificationCode, verificationUrl, type SignedDocument } from '../documents/signing';

/** The decisions that give the citizen a notice on paper, and the kind of that notice. */
const NOTICE_KINDS = { rejected: 'rejection-notice', 'materials-requested': 'supplement-notice' } as const;
type NoticeEvent = keyof typeof NOTICE_KINDS;

function isNoticeEvent(type: string): type is NoticeEvent {
  return type in NOTICE_KINDS;
}

function isNoticeKind(kind: string): kind is PublicNotice['kind'] {
  return Object.values(NOTICE_KINDS).some((k) => k === kind);
}

/**
 * The public status page's address of one notice (what its QR code carries), relative to the
 * platform's public URL so a platform published under a path keeps it.
 */
export function noticePageUrl(baseUrl: string, document: Pick<SignedDocument, 'documentId' | 'signature'>): string {
  const url = new URL(`status/notices/${encodeURIComponent(document.documentId)}`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('code', verificationCode(document));
  return url.toString();
}

/** What a code typed or scanned from a notice comes to: the notice and its case, or why not. */
export type NoticeCheck =
  | { verified: true; notice: PublicNotice; issuer: string; caseId: string }
  | { verified: false; why: 'bad-code' | 'not-found' | 'altered' };

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
  async forCase(caseId: string): Promise<DeskNotice[]> {
    const rows = await this.ctx.db.all<{ seq: number; type: string; at: number }>(
      "SELECT seq, type, at FROM events WHERE case_id = ? AND type IN ('rejected', 'materials-requested') ORDER BY seq",
      [caseId],
    );
    const notices: DeskNotice[] = [];
    for (const row of rows) {
      if (!isNoticeEvent(row.type)) continue;
      notices.push(await this.issue({ seq: Number(row.seq), caseId, type: row.type, at: Number(row.at) }));
    }
    return notices;
  }

  async issue(event: { seq: number; caseId: string; type: NoticeEvent; at: number }): Promise<DeskNotice> {
    const documentId = `notice-${event.seq}`;
    const kind = NOTICE_KINDS[event.type];
    const signed =
      (await this.documents.registry.get(documentId)) ??
      (await this.documents.issue({ kind, documentId, issuedAt: iso(event.at), issuer: await this.issuer(event.caseId), data: await this.data(event) })).signed;
    return this.shown(kind, signed);
  }

  /**
   * The check behind a notice's QR code: the document key's verdict on the id and code, and
   * the case the notice answers (found by the decision event its id is derived from).
   */
  async check(documentId: string, code: string): Promise<NoticeCheck> {
    const result = await this.documents.verify(documentId, code);
    if (result.status === 'bad-code' || result.status === 'not-found') return { verified: false, why: result.status };
    if (result.status === 'altered') return { verified: false, why: 'altered' };
    const seq = /^notice-(\d+)$/.exec(documentId)?.[1];
    const signed = await this.documents.registry.get(documentId);
    const event = seq ? await this.ctx.db.get<{ case_id: string }>('SELECT case_id FROM events WHERE seq = ?', [Number(seq)]) : undefined;
    // Only a decision notice opens here: a certificate's code is checked where its own QR code points.
    if (!signed || !event || !isNoticeKind(result.document.kind)) return { verified: false, why: 'not-found' };
    return { verified: true, notice: this.shown(result.document.kind, signed), issuer: signed.issuer, caseId: event.case_id };
  }

  private shown(kind: PublicNotice['kind'], signed: SignedDocument): DeskNotice {
    return {
      kind,
      documentId: signed.documentId,
      issuedAt: signed.issuedAt,
      verificationCode: verificationCode(signed),
      verifyUrl: verificationUrl(this.ctx.publicUrl(), signed),
      pageUrl: noticePageUrl(this.ctx.publicUrl(), signed),
      issuer: signed.issuer,
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
