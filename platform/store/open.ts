import { migrate } from './migrations';
import { SqliteDatabase } from './sqlite';
import type { Database } from './database';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//.test(db);
}

/** `postgres://…` opens PostgreSQL; anything else is a SQLite file path (created if missing). */
export async function openDatabase(db: string): Promise<Database> {
  // pg loads only for a PostgreSQL URL: one centre's SQLite platform (and the demo's) never needs it.
  const database = isPostgresUrl(db) ? new (await import('./postgres')).PostgresDatabase(db) : new SqliteDatabase(db);
  try {
    await migrate(database);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  return database;
}
