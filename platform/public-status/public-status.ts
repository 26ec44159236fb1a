import { caseNumberOf } from '../../contract/platform/case-number';
import type { CaseEventType } from '../../contract/platform/events';
import type { CaseStatus } from '../../contract/platform/cases';
import type { PublicCaseStatus, PublicNotice } from '../../contract/platform/public-status';
import { iso, type PlatformContext } from '../core/context';
import { sameDigest, sha256Hex } from '../core/secrets';
import type { DecisionNotices, NoticeCheck } from './decision-notices';

/** A notice's QR code answered: the notice verified with its case's public status, or why it is not. */
export type NoticeOnStatusPage =
  | { verified: true; notice: PublicNotice; issuer: string; status: PublicCaseStatus }
  | Extract<NoticeCheck, { verified: false }>;

/**
 * A case found by the code on its receipt. The platform holds only the code's SHA-256: the
 * digest of the code given is looked up and compared in constant time, and the answer carries
 * nothing personal, so a receipt found in the street tells its finder no more than its paper.
 */
export class PublicStatus {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly notices?: DecisionNotices,
  ) {}

  async byCode(code: string): Promise<PublicCaseStatus | undefined> {
    const digest = sha256Hex(code);
    const found = await this.ctx.db.get<{ code_hash: string; case_id: string }>('SELECT code_hash, case_id FROM case_status_codes WHERE code_hash = ?', [digest]);
    if (!found || !sameDigest(found.code_hash, digest)) return undefined;
    return this.ofCase(found.case_id);
  }

  /**
   * The same public status, reached by a notice's id and the code printed on it: whoever holds
   * a genuine notice may see no more than whoever holds the receipt.
   */
  async byNotice(documentId: string, code: string): Promise<NoticeOnStatusPage> {
    if (!this.notices) return { verified: false, why: 'not-found' };
    const checked = await this.notices.check(documentId, code);
    if (!checked.verified) return checked;
    const status = await this.ofCase(checked.caseId);
    if (!status) return { verified: false, why: 'not-found' };
    return { verified: true, notice: checked.notice, issuer: checked.issuer, status };
  }

  private async ofCase(caseId: string): Promise<PublicCaseStatus | undefined> {
    const row = await this.ctx.db.get<{ service_code: string; status: CaseStatus; submitted_at: number; centre_name: string }>(
      'SELECT c.service_code, c.status, c.submitted_at, t.name AS centre_name FROM cases c JOIN centres t ON t.id = c.centre_id WHERE c.id = ?',
      [caseId],
    );
    if (!row) return undefined;
    const events = await this.ctx.db.all<{ type: CaseEventType; to_status: CaseStatus; at: number }>('SELECT type, to_status, at FROM events WHERE case_id = ? ORDER BY seq', [
      caseId,
    ]);
    const item = (await this.ctx.catalogue()).items.find((i) => i.code === row.service_code);
    const notices = this.notices ? await this.notices.forCase(caseId) : [];
    return {
      caseNumber: caseNumberOf(caseId),
      service: { code: row.service_code, name: item ? { 'zh-CN': item.name['zh-CN'], ...(item.name.en ? { en: item.name.en } : {}) } : { 'zh-CN': row.service_code } },
      centreName: row.centre_name,
      status: row.status,
      submittedAt: iso(Number(row.submitted_at)),
      history: events.map((e) => ({ at: iso(Number(e.at)), type: e.type, status: e.to_status })),
      notices: notices.map(({ issuer: _issuer, ...notice }) => notice),
    };
  }
}
