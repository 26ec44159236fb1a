import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable, SqlParam } from './database';

const INT8 = 20;

const prepared = new Map<string, pg.QueryConfig>();

/**
 * `?` → `$1, $2, …` (the platform's SQL never has a literal question mark), as a named
 * statement so that each connection parses and plans it once rather than on every call.
 */
function statement(sql: string, params: readonly SqlParam[]): pg.QueryConfig {
  let config = prepared.get(sql);
  if (!config) {
    let n = 0;
    config = { name: `tb_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`, text: sql.replace(/\?/g, () => `$${(n += 1)}`) };
    prepared.set(sql, config);
  }
  return { ...config, values: params as unknown[] };
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    all: async <T>(sql: string, params: readonly SqlParam[] = []) => (await client.query(statement(sql, params))).rows as T[],
    get: async <T>(sql: string, params: readonly SqlParam[] = []) => (await client.query(statement(sql, params))).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) => ({ changes: (await client.query(statement(sql, params))).rowCount ?? 0 }),
  };
}

/**
 * PostgreSQL through a pg pool. BIGINT columns hold epoch milliseconds and sequence numbers,
 * all far below 2^53, so they are parsed as numbers rather than strings.
 */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly direct: Queryable;
  private readonly types = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };

  constructor(
    private readonly connectionString: string,
    poolSize = 10,
  ) {
    this.pool = new pg.Pool({ connectionString, max: poolSize, types: this.types });
    this.direct = queryable(this.pool);
  }

  /**
   * A connection of its own, outside the pool, for what holds a session open: LISTEN
   * (platform/cluster). The caller ends it.
   */
  async dedicatedClient(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, types: this.types });
    await client.connect();
    return client;
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.direct.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.direct.get<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }> {
    return this.direct.run(sql, params);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(queryable(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Runs a multi-statement script (migrations). */
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async compact(): Promise<void> {
    await this.pool.query('VACUUM');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
