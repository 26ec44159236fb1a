import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { StoreError, type Database, type Queryable, type SqlParam } from './database';
import { SqliteCheckpoints } from './sqlite-checkpoints';

function bind(params: readonly SqlParam[]): unknown[] {
  return params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

/** SQLite's own default: the writer checkpoints after this many WAL pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** Transactions committed together at most (a bound on how long one batch holds the turn). */
const MAX_GROUP = 64;

interface Pending {
  fn: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * better-sqlite3 is synchronous and one connection is shared, so an open transaction must not
 * see statements of other requests that interleave at an `await`: every statement and every
 * transaction takes turns on one promise chain. SQLite has one writer anyway; WAL keeps
 * other processes' readers (the CLI) out of the way, and `BEGIN IMMEDIATE` plus a busy timeout
 * makes concurrent writers from other processes wait instead of failing.
 *
 * Group commit: the transactions (and single writes) that queued while the turn was taken run
 * together, each in a savepoint of one `BEGIN IMMEDIATE … COMMIT`. A failing one rolls back to
 * its savepoint and fails alone; none is answered before the COMMIT, so what a caller is told
 * is committed is on disk exactly as before. What is saved is the commit itself: the pages a
 * commit writes to the WAL (table and index pages shared by the batch) go once per batch
 * instead of once per case, and BEGIN/COMMIT run once.
 */
export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  private readonly db: BetterSqlite3.Database;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly waiting: Pending[] = [];
  private groupScheduled = false;
  private readonly checkpoints: SqliteCheckpoints | undefined;
  private readonly dataVersion: BetterSqlite3.Statement;

  constructor(file: string) {
    try {
      if (file !== ':memory:') {
        mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
        // Created 0600 before SQLite opens it (its -wal and -shm files take the same mode), and an
        // older file made world-readable is closed to others: it holds every citizen's case.
        closeSync(openSync(file, 'a', 0o600));
        for (const companion of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(companion)) chmodSync(companion, 0o600);
      }
      this.db = new BetterSqlite3(file);
    } catch (error) {
      throw new StoreError(`cannot open the SQLite file ${file}: ${(error as Error).message}`, { cause: error });
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // Deleted content is overwritten with zeros, so a purged case does not linger in free pages.
    this.db.pragma('secure_delete = ON');
    // Prepared once: asked on every request that serves from memory (well under a microsecond).
    this.dataVersion = this.db.prepare('PRAGMA data_version').pluck();
    if (file !== ':memory:') {
      // Checkpoints (and their fsyncs) run on a thread of their own; should it end, the writer takes them back.
      this.db.pragma('wal_autocheckpoint = 0');
      this.checkpoints = new SqliteCheckpoints(file, (why) => {
        process.emitWarning(why);
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
      });
    }
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private readonly direct: Queryable = {
    all: async <T>(sql: string, params: readonly SqlParam[] = []) => this.statement(sql).all(...bind(params)) as T[],
    get: async <T>(sql: string, params: readonly SqlParam[] = []) => this.statement(sql).get(...bind(params)) as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) => {
      const statement = this.statement(sql);
      if (statement.reader) {
        statement.all(...bind(params));
        return { changes: 0 };
      }
      return { changes: statement.run(...bind(params)).changes };
    },
  };

  private inTurn<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.turn.then(fn, fn);
    this.turn = result.catch(() => undefined);
    return result;
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.inTurn(() => this.direct.all<T>(sql, params));
  }

  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.inTurn(() => this.direct.get<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }> {
    // A write on its own is a transaction of one statement: it commits with the group.
    if (!this.statement(sql).reader) return this.transaction((tx) => tx.run(sql, params));
    return this.inTurn(() => this.direct.run(sql, params));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleGroup();
    });
  }

  /**
   * The group forms until the event loop's check phase: the requests read from the sockets in one
   * poll phase reach their transactions in the microtasks that follow, and commit together.
   */
  private scheduleGroup(): void {
    if (this.groupScheduled || this.waiting.length === 0) return;
    this.groupScheduled = true;
    setImmediate(() => {
      void this.inTurn(async () => {
        this.groupScheduled = false;
        await this.commitGroup(this.waiting.splice(0, MAX_GROUP));
        this.scheduleGroup();
      });
    });
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    for (const pending of group) {
      this.db.exec('SAVEPOINT tx');
      try {
        outcomes.push({ ok: true, value: await pending.fn(this.direct) });
        this.db.exec('RELEASE tx');
      } catch (error) {
        outcomes.push({ ok: false, error });
        if (!this.db.inTransaction) {
          // SQLite rolled the whole transaction back itself (a full disk, an I/O error): nothing
          // of this group was kept, so every one of its transactions fails with that error.
          for (const rest of group) rest.reject(error);
          return;
        }
        this.db.exec('ROLLBACK TO tx');
        this.db.exec('RELEASE tx');
      }
    }
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const pending of group) pending.reject(error);
      return;
    }
    group.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  externalWriteMark(): number {
    return this.dataVersion.get() as number;
  }

  /** Runs a multi-statement script (migrations). */
  exec(sql: string): void {
    this.db.exec(sql);
  }

  compact(): Promise<void> {
    return this.inTurn(async () => {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.exec('VACUUM');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    });
  }

  async close(): Promise<void> {
    await this.turn;
    await this.checkpoints?.stop();
    this.db.close();
  }
}
