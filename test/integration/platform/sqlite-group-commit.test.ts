import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../../platform/store/sqlite';

/**
 * Group commit on a real SQLite file: the transactions queued in one turn of the event loop
 * commit together, a failing one fails alone, and none is answered before the shared COMMIT
 * (another connection, as another process would, sees nothing of the group until then).
 */
describe('SQLite group commit', () => {
  let dir: string;
  let db: SqliteDatabase;
  let outside: BetterSqlite3.Database;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-group-'));
    const file = path.join(dir, 'store.db');
    db = new SqliteDatabase(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
    outside = new BetterSqlite3(file, { readonly: true });
  });

  afterEach(async () => {
    outside.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const visibleOutside = () => (outside.prepare('SELECT id FROM t ORDER BY id').all() as { id: number }[]).map((r) => r.id);

  it('commits the queued transactions and writes together; a failing one is rolled back alone', async () => {
    let seenByThird: number[] | undefined;
    const first = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (id, note) VALUES (?, ?)', [1, 'first']);
      return 'first';
    });
    const failing = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (id, note) VALUES (?, ?)', [2, 'rolled back']);
      throw new Error('refused by the caller');
    });
    const third = db.transaction(async (tx) => {
      // The first one's row is written but not committed: it commits with this one.
      seenByThird = visibleOutside();
      await tx.run('INSERT INTO t (id, note) VALUES (?, ?)', [3, 'third']);
      return (await tx.all<{ id: number }>('SELECT id FROM t ORDER BY id')).map((r) => r.id);
    });
    const single = db.run('INSERT INTO t (id, note) VALUES (?, ?)', [4, 'a write on its own']);
    const duplicate = db.run('INSERT INTO t (id, note) VALUES (?, ?)', [1, 'same key']);

    const outcomes = await Promise.allSettled([first, failing, third, single, duplicate]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'refused by the caller' });
    expect((outcomes[4] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(seenByThird).toEqual([]);
    expect((outcomes[2] as PromiseFulfilledResult<number[]>).value).toEqual([1, 3]);
    expect(visibleOutside()).toEqual([1, 3, 4]);
    expect(await db.get<{ note: string }>('SELECT note FROM t WHERE id = 1')).toEqual({ note: 'first' });
  });

  it('a transaction started after a group committed sees it, and reads between writes see committed state', async () => {
    await db.run('INSERT INTO t (id, note) VALUES (?, ?)', [10, 'before']);
    expect(visibleOutside()).toEqual([10]);
    const count = await db.transaction(async (tx) => (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))!.n);
    expect(count).toBe(1);
  });
});
