import { caseNumberOf } from '../../contract/platform/case-number';
import type { CaseEventType } from '../../contract/platform/events';
import type { CaseStatus } from '../../contract/platform/cases';
import type { PublicCaseStatus } from '../../contract/platform/public-status';
import { iso, type PlatformContext } from '../core/context';
import { sameDigest, sha256Hex } from '../core/secrets';
import type { DecisionNotices } from './decision-notices';

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
    const row = await this.ctx.db.get<{ service_code: string; status: CaseStatus; submitted_at: number; centre_name: string }>(
      'SELECT c.service_code, c.status, c.submitted_at, t.name AS centre_name FROM cases c JOIN centres t ON t.id = c.centre_id WHERE c.id = ?',
      [found.case_id],
    );
    if (!row) return undefined;
    const events = await this.ctx.db.all<{ type: CaseEventType; to_status: CaseStatus; at: number }>(
      'SELECT type, to_status, at FROM events WHERE case_id = ? ORDER BY seq',
      [found.case_id],
    );
    const item = (await this.ctx.catalogue()).items.find((i) => i.code === row.service_code);
    return {
      caseNumber: caseNumberOf(found.case_id),
      service: { code: row.service_code, name: item ? { 'zh-CN': item.name['zh-CN'], ...(item.name.en ? { en: item.name.en } : {}) } : { 'zh-CN': row.service_code } },
      centreName: row.centre_name,
      status: row.status,
      submittedAt: iso(Number(row.submitted_at)),
      history: events.map((e) => ({ at: iso(Number(e.at)), type: e.type, status: e.to_status })),
      notices: this.notices ? await this.notices.forCase(found.case_id) : [],
    };
  }
}
