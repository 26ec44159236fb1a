import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { StoreError } from '../store/database';

/**
 * SQLite serves one platform process. A second one on the same file would keep its own event
 * hub, stream caps and rate limits, and its desks would not hear the first one's kiosks: it is
 * refused at start. The claim is an exclusive lock on a small SQLite file beside the store
 * (`<db>.owner`), held by the operating system for as long as the process lives, so a crashed
 * platform leaves nothing to clean up. The command line's own subcommands (terminal add, purge)
 * open the store without claiming it, as they always did.
 */
export class SqliteOwner {
  private constructor(private readonly lock: BetterSqlite3.Database) {}

  static claim(dbFile: string): SqliteOwner | undefined {
    if (dbFile === ':memory:' || dbFile === '') return undefined;
    const file = `${path.resolve(dbFile)}.owner`;
    let lock: BetterSqlite3.Database;
    try {
      // The store's directory may not exist yet: SqliteDatabase makes it the same way.
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      lock = new BetterSqlite3(file, { timeout: 0 });
    } catch (error) {
      throw new StoreError(`cannot open the lock ${file} for ${dbFile}: ${(error as Error).message}`, { cause: error });
    }
    try {
      lock.pragma('locking_mode = EXCLUSIVE');
      // The first write takes the exclusive lock; in this mode it is kept until the connection closes.
      lock.exec('CREATE TABLE IF NOT EXISTS owner (pid INTEGER NOT NULL, started_at INTEGER NOT NULL)');
      lock.exec('DELETE FROM owner');
      lock.prepare('INSERT INTO owner (pid, started_at) VALUES (?, ?)').run(process.pid, Date.now());
    } catch (error) {
      lock.close();
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new StoreError(
          `another platform process is already serving ${dbFile}: SQLite serves one platform process (its lock is ${file}); ` +
            'stop the other one, or run several processes on one PostgreSQL (--db postgres://…)',
        );
      }
      throw new StoreError(`cannot take the lock ${file} for ${dbFile}: ${(error as Error).message}`, { cause: error });
    }
    return new SqliteOwner(lock);
  }

  release(): void {
    this.lock.close();
  }
}
