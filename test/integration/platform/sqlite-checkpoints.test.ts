import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../../platform/store/sqlite';

/**
 * The WAL is copied into the database file by the checkpoint thread, not by the writer: the
 * writer's own automatic checkpoints are off, yet the file grows with what was committed, and
 * closing ends the thread's connection first so that the writer's close removes the WAL.
 */
describe('SQLite checkpoints on their own thread', () => {
  let dir: string;
  let file: string;
  let db: SqliteDatabase;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-checkpoints-'));
    file = path.join(dir, 'store.db');
    db = new SqliteDatabase(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies committed pages into the database file while the writer never checkpoints, and leaves a small WAL alone', async () => {
    expect(await db.get<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint')).toEqual({ wal_autocheckpoint: 0 });
    const before = statSync(file).size;
    // A few frames: below the threshold, nothing is copied yet.
    for (let i = 0; i < 20; i += 1) await db.run('INSERT INTO t (note) VALUES (?)', ['x'.repeat(4000)]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(statSync(file).size).toBe(before);
    // About 6 MB in 1500 commits: past the 1000 WAL frames at which the thread checkpoints.
    for (let i = 0; i < 1500; i += 1) await db.run('INSERT INTO t (note) VALUES (?)', ['x'.repeat(4000)]);
    const deadline = Date.now() + 20_000;
    while (statSync(file).size < before + 1_000_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
    // What the file holds is the committed data, readable by another connection.
    const outside = new BetterSqlite3(file, { readonly: true });
    try {
      expect(outside.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1520 });
    } finally {
      outside.close();
    }
  });

  it('ends the thread on close, so the writer closes last and the WAL goes', async () => {
    await db.run('INSERT INTO t (note) VALUES (?)', ['one']);
    expect(existsSync(`${file}-wal`)).toBe(true);
    await db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    db = new SqliteDatabase(file);
    expect(await db.get<{ note: string }>('SELECT note FROM t')).toEqual({ note: 'one' });
  });
});
