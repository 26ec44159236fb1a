import type { PlatformContext } from '../core/context';
import { iso } from '../core/context';
import { blobsOf, purgedRequest } from '../core/stored-request';
import { retentionDays, type RetentionPolicy } from './policy';

const DAY_MS = 86_400_000;
/** A certificate session binds a visit to an identity for minutes; a day later it is only a risk. */
const CERTIFICATE_SESSION_DAYS = 1;

export interface PurgeReport {
  cases: number;
  blobs: number;
  at: string;
}

/**
 * Deletes the personal data of finished cases past their service's retention period: the
 * sealed applicant and form, the material scans no case still needs, the rating's free-text
 * comment, old certificate-session bindings. The case row, its events and the audit trail stay
 * (the purge itself is audited per centre), and the store is compacted so the deleted bytes are
 * gone from the database files too, not only from the rows a query sees.
 */
export async function purgeExpired(ctx: PlatformContext, policy: RetentionPolicy): Promise<PurgeReport> {
  const now = ctx.now();
  const finished = await ctx.db.all<{ id: string; centre_id: string; service_code: string; request: string; completed_at: number }>(
    "SELECT id, centre_id, service_code, request, completed_at FROM cases WHERE status IN ('completed', 'rejected') AND purged_at IS NULL AND completed_at IS NOT NULL",
  );
  const due = finished.filter((row) => Number(row.completed_at) + retentionDays(policy, row.service_code) * DAY_MS <= now);
  const byCentre = new Map<string, number>();
  let blobs = 0;
  for (const row of due) {

    await ctx.db.transaction(async (tx) => {
      await tx.run('UPDATE cases SET request = ?, purged_at = ? WHERE id = ?', [purgedRequest(row), now, row.id]);
      await tx.run('UPDATE ratings SET comment = NULL WHERE case_id = ?', [row.id]);
      // The desk's search keys and the notes may identify the citizen: they go with the case's personal data.
      await tx.run('DELETE FROM case_search_keys WHERE case_id = ?', [row.id]);
      await tx.run('DELETE FROM case_notes WHERE case_id = ?', [row.id]);
      for (const sha of new Set(blobsOf(row))) {
        // A scan is content-addressed: another case of the centre not yet purged may hold the same one.
        const needed = await tx.get(
          `SELECT 1 AS needed FROM cases WHERE centre_id = ? AND purged_at IS NULL AND id <> ? AND request LIKE ?`,
          [row.centre_id, row.id, `%${sha}%`],
        );
        if (!needed) blobs += (await tx.run('DELETE FROM blobs WHERE centre_id = ? AND sha256 = ?', [row.centre_id, sha])).changes;
      }
    });
    byCentre.set(row.centre_id, (byCentre.get(row.centre_id) ?? 0) + 1);
  }
  await ctx.db.run('DELETE FROM certificate_sessions WHERE started_at < ?', [now - CERTIFICATE_SESSION_DAYS * DAY_MS]);
  // Printed certificates stay verifiable for the default period, then their record goes too.
  const documents = await ctx.db.run('DELETE FROM issued_documents WHERE issued_at < ?', [now - policy.defaultDays * DAY_MS]);
  for (const [centreId, count] of byCentre) {
    await ctx.db.run('INSERT INTO audit_log (at, centre_id, actor_kind, actor_id, action, case_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      now,
      centreId,
      'system',
      'retention',
      'retention-purge',
      null,
      `${count} finished cases past their retention period: personal data deleted`,
    ]);
  }
  if (due.length > 0 || documents.changes > 0) await ctx.db.compact();
  return { cases: due.length, blobs, at: iso(now) };
}
