import { proofAad, requestAad } from './case-store';
import type { LocalStore } from './local-store';

/**
 * How long a kiosk keeps what it no longer needs. A case the platform has acknowledged keeps
 * its sealed request only while the citizen may still be at the machine (the receipt is printed
 * from it); after `syncedGraceMinutes` the request and every scan go, and what stays is what the
 * kiosk needs offline: case number, service, state, queue number and the status history. A
 * finished case (completed, rejected) leaves the kiosk altogether after `finishedDays`.
 */
export interface KioskRetention {
  syncedGraceMinutes: number;
  finishedDays: number;
}

export const DEFAULT_KIOSK_RETENTION: KioskRetention = { syncedGraceMinutes: 60, finishedDays: 90 };

export interface KioskPurgeReport {
  purged: number;
  deleted: number;
}

/**
 * One pass of the purge. The store runs with secure_delete, so freed pages are zeroed; the WAL
 * is then checkpointed and truncated so no copy of the deleted values stays in the -wal file.
 * Cases not yet acknowledged (pending, or refused and kept for a technician) are never touched.
 */
export function purgeSyncedCases(store: LocalStore, now: number, retention: KioskRetention = DEFAULT_KIOSK_RETENTION): KioskPurgeReport {
  const db = store.db;
  const result = db
    .transaction(() => {
      const due = db
        .prepare("SELECT id, sealed_request FROM cases WHERE sync_state = 'synced' AND purged_at IS NULL AND synced_at <= ?")
        .all(now - retention.syncedGraceMinutes * 60_000) as { id: string; sealed_request: Buffer }[];
      const wipe = db.prepare("UPDATE cases SET sealed_request = X'', proof_digest = ?, purged_at = ? WHERE id = ?");
      for (const row of due) {
        // What a citizen proves a case with (case number + last 4 of the ID number) stays checkable.
        const idNumber = (JSON.parse(store.cipher.openText(row.sealed_request, requestAad(row.id))) as { applicant: { idNumber: string } }).applicant.idNumber;
        wipe.run(store.cipher.fingerprint(idNumber.slice(-4), proofAad(row.id)), now, row.id);
      }
      const purged = due.length;
      db.prepare("DELETE FROM materials WHERE case_id IN (SELECT id FROM cases WHERE sync_state = 'synced' AND purged_at IS NOT NULL)").run();
      const finished = db
        .prepare(
          `SELECT id FROM cases WHERE sync_state = 'synced' AND purged_at IS NOT NULL AND status IN ('completed', 'rejected')
           AND status_at IS NOT NULL AND julianday(status_at) <= julianday(?, 'unixepoch')`,
        )
        .all((now - retention.finishedDays * 86_400_000) / 1000) as { id: string }[];
      for (const { id } of finished) {
        db.prepare('DELETE FROM case_events WHERE case_id = ?').run(id);
        db.prepare('DELETE FROM cases WHERE id = ?').run(id);
      }
      return { purged, deleted: finished.length };
    })
    .immediate();
  if (result.purged + result.deleted > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}
