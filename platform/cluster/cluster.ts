import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { EventHub } from '../core/context';
import type { Database } from '../store/database';
import { isPostgresUrl } from '../store/open';
import type { PostgresDatabase } from '../store/postgres';
import { PostgresRelay } from './postgres-relay';
import { SharedRateCounts, sharedRateStore } from './rate-counts';
import { SqliteOwner } from './sqlite-owner';
import { PostgresStreamSlots, type SlotRefusal } from './stream-slots';

/**
 * What one serving platform process shares with the others of its city. On PostgreSQL: the
 * hub's signals (LISTEN/NOTIFY), the stream caps and the rate limits. On SQLite there are no
 * others: the store is claimed for this process alone and a second one is refused.
 */
export interface Cluster {
  /** Streams open in every process; absent where this process is the only one. */
  streamSlots?: { take(key: string, perCaller: number, overall: number): Promise<SlotRefusal | (() => void)> };
  /** A @fastify/rate-limit store whose counts every process shares; absent: the plugin's own. */
  rateStore?: FastifyRateLimitStoreCtor;
  close(): Promise<void>;
}

/** Before the store is opened: SQLite's file is claimed for this process (throws if another holds it). */
export function claimStore(db: string): { release(): void } | undefined {
  return isPostgresUrl(db) ? undefined : SqliteOwner.claim(db);
}

export async function joinCluster(db: Database, hub: EventHub, log: (line: string) => void): Promise<Cluster> {
  if (db.dialect !== 'postgres') return { close: async () => undefined };
  const pg = db as PostgresDatabase;
  const relay = new PostgresRelay(pg, hub, log);
  await relay.start();
  const counts = new SharedRateCounts(pg, relay.origin, log);
  const slots = new PostgresStreamSlots(pg, relay, log);
  return {
    streamSlots: slots,
    rateStore: sharedRateStore(counts),
    close: async () => {
      await counts.close();
      await relay.close();
    },
  };
}
