/**
 * The platform's one storage interface. SQL is written once with `?` placeholders and portable
 * syntax (ON CONFLICT, RETURNING); the two implementations differ only where the databases do
 * (placeholders, types, locking), and say so through `dialect`.
 */
export type Dialect = 'sqlite' | 'postgres';
export type SqlParam = string | number | boolean | null | Buffer;

export interface Queryable {
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }>;
}

export interface Database extends Queryable {
  readonly dialect: Dialect;
  /**
   * Runs `fn` in one transaction that takes the write lock up front (SQLite `BEGIN IMMEDIATE`,
   * PostgreSQL a pooled connection in `BEGIN`). Use only `tx` inside `fn`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * A mark that moves whenever another connection (the command line, another tool) has
   * committed to the store since this process last looked: what the process keeps in memory
   * from the store is good while the mark stands. SQLite's `PRAGMA data_version`; absent on
   * PostgreSQL, whose other processes announce their changes through platform/cluster.
   */
  externalWriteMark?(): number;
  /**
   * After personal data was deleted: make sure it is gone from the files too (SQLite: the
   * freed pages are zeroed by secure_delete; the WAL is checkpointed and truncated and the file
   * vacuumed. PostgreSQL: VACUUM, so the dead rows' space is reclaimed for reuse).
   */
  compact(): Promise<void>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
