import type { DataCipher } from '../secrets/cipher';
import type { Queryable } from '../store/database';
import { openRequest } from '../core/stored-request';

/**
 * Names and ID numbers are sealed in `cases.request`, so the desk's search matches keyed
 * fingerprints of them (under the platform's key file, per centre) kept in `case_search_keys`:
 * the table tells two values equal without holding either. A case is indexed the first time a
 * search of its centre runs after it arrived, so intake stays as it is.
 */
export function normalisedName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, '');
}

export function nameKey(cipher: DataCipher, centreId: string, name: string): string {
  return cipher.fingerprint(normalisedName(name), `desk-search:name:${centreId}`);
}

export function idTailKey(cipher: DataCipher, centreId: string, tail: string): string {
  return cipher.fingerprint(tail.toUpperCase(), `desk-search:id-tail:${centreId}`);
}

/** How many unindexed cases one search indexes at most; the rest wait for the next search. */
const INDEX_BATCH = 5000;

export async function indexNewCases(db: Queryable, cipher: DataCipher, centreId: string): Promise<number> {
  const rows = await db.all<{ id: string; request: string }>(
    `SELECT cases.id, cases.request FROM cases LEFT JOIN case_search_keys k ON k.case_id = cases.id
     WHERE cases.centre_id = ? AND cases.purged_at IS NULL AND k.case_id IS NULL LIMIT ${INDEX_BATCH}`,
    [centreId],
  );
  for (const row of rows) {
    const { applicant } = openRequest(cipher, row);
    await db.run('INSERT INTO case_search_keys (case_id, centre_id, name_key, id_tail_key) VALUES (?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING', [
      row.id,
      centreId,
      nameKey(cipher, centreId, applicant.name),
      idTailKey(cipher, centreId, applicant.idNumber.slice(-4)),
    ]);
  }
  return rows.length;
}
