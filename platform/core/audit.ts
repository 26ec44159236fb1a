import type { AuditEntry } from '../../contract/platform/access';
import type { Queryable } from '../store/database';
import type { Caller } from './caller';
import { iso } from './context';

export type AuditAction = AuditEntry['action'];

/** Who looked at a citizen's case, and when: every read and every reveal leaves a line. */
export async function audit(
  db: Queryable,
  caller: Caller,
  action: AuditAction,
  caseId: string | null,
  at: number,
  detail: string | null = null,
): Promise<void> {
  await db.run('INSERT INTO audit_log (at, centre_id, actor_kind, actor_id, action, case_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    at,
    caller.centreId,
    caller.kind,
    caller.id,
    action,
    caseId,
    detail,
  ]);
}

export async function auditTrail(db: Queryable, centreId: string, caseId: string | undefined, limit: number): Promise<AuditEntry[]> {
  const rows = await db.all<{
    id: number;
    at: number;
    actor_kind: AuditEntry['actor']['kind'];
    actor_id: string;
    action: AuditAction;
    case_id: string | null;
    detail: string | null;
  }>(
    caseId
      ? 'SELECT * FROM audit_log WHERE centre_id = ? AND case_id = ? ORDER BY id DESC LIMIT ?'
      : 'SELECT * FROM audit_log WHERE centre_id = ? ORDER BY id DESC LIMIT ?',
    caseId ? [centreId, caseId, limit] : [centreId, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    at: iso(row.at),
    actor: { kind: row.actor_kind, id: row.actor_id },
    action: row.action,
    caseId: row.case_id,
    detail: row.detail,
  }));
}
