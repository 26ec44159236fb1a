import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { errorMessage } from '../../common/errors';
import type { PostgresDatabase } from '../store/postgres';

/** How often a process publishes its counts and reads the others'. */
export const RATE_SYNC_MS = 250;
/** Rows of windows that started this long ago are deleted (every limit's window is shorter). */
const STALE_MS = 10 * 60_000;

interface Window {
  /** The window's start, epoch ms (a multiple of its length). */
  win: number;
  ends: number;
  mine: number;
  others: number;
}

/** The result @fastify/rate-limit expects from a store's `incr`. */
type Counted = { current: number; ttl: number };

/**
 * Rate limits that hold across a city's platform processes. Each process counts its own requests
 * per key in fixed windows and, every RATE_SYNC_MS, writes its counts to `rate_counts` (one row
 * per key, window and process) and reads the sum of the other processes' rows for the keys it
 * served. A request is judged on its own count plus the others' last read: exact within a
 * process, and across processes late by at most one sync (a burst split over n processes may pass
 * the limit by what the other n−1 served in the last 250 ms). That slack is the price of not
 * adding a round trip to PostgreSQL to every request, which would cost more than the heartbeat
 * it limits; advisory locks would serialise every request of a key across the city.
 */
export class SharedRateCounts {
  private readonly windows = new Map<string, Window>();
  private readonly dirty = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private syncing: Promise<void> = Promise.resolve();
  private cleared = 0;

  constructor(
    private readonly db: PostgresDatabase,
    private readonly origin: string,
    private readonly log: (line: string) => void,
  ) {
    this.timer = setInterval(() => {
      this.syncing = this.sync().catch((error: unknown) => this.log(`cluster: sharing rate-limit counts failed: ${errorMessage(error)}`));
    }, RATE_SYNC_MS);
    this.timer.unref();
  }

  incr(key: string, windowMs: number, now = Date.now()): Counted {
    const win = Math.floor(now / windowMs) * windowMs;
    let window = this.windows.get(key);
    if (!window || window.win !== win) {
      window = { win, ends: win + windowMs, mine: 0, others: 0 };
      this.windows.set(key, window);
    }
    window.mine += 1;
    this.dirty.add(key);
    return { current: window.mine + window.others, ttl: window.ends - now };
  }

  /** Publishes this process's counts of the keys it served since the last sync, and reads the others'. */
  async sync(now = Date.now()): Promise<void> {
    for (const [key, window] of this.windows) if (window.ends <= now) this.windows.delete(key);
    const served = [...this.dirty].filter((key) => this.windows.has(key));
    this.dirty.clear();
    if (served.length === 0) return;
    const rows = served.map((key) => ({ key, win: this.windows.get(key)!.win, hits: this.windows.get(key)!.mine }));
    const payload = JSON.stringify(rows);
    await this.db.run(
      `INSERT INTO rate_counts (caller_key, win, origin, hits)
       SELECT key, win, ?, hits FROM json_to_recordset(?::json) AS x(key TEXT, win BIGINT, hits INTEGER)
       ON CONFLICT (caller_key, win, origin) DO UPDATE SET hits = GREATEST(rate_counts.hits, EXCLUDED.hits)`,
      [this.origin, payload],
    );
    const others = await this.db.all<{ caller_key: string; win: number; hits: number }>(
      `SELECT r.caller_key, r.win, SUM(r.hits)::BIGINT AS hits FROM rate_counts r
       JOIN json_to_recordset(?::json) AS x(key TEXT, win BIGINT) ON r.caller_key = x.key AND r.win = x.win
       WHERE r.origin <> ? GROUP BY r.caller_key, r.win`,
      [payload, this.origin],
    );
    for (const row of others) {
      const window = this.windows.get(row.caller_key);
      if (window?.win === row.win) window.others = row.hits;
    }
    // Past windows are of no use to anyone, a stopped process's included.
    if (now - this.cleared > STALE_MS) {
      this.cleared = now;
      await this.db.run('DELETE FROM rate_counts WHERE win < ?', [now - STALE_MS]);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.syncing;
  }
}

/**
 * A store class for @fastify/rate-limit (its `store` option) over the shared counts. A route
 * with a limit of its own (sign-in) gets a child that counts under its own prefix.
 */
export function sharedRateStore(counts: SharedRateCounts): FastifyRateLimitStoreCtor {
  class SharedRateStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: Counted) => void, timeWindow: number): void {
      callback(null, counts.incr(`${this.prefix}${key}`, timeWindow));
    }

    // The plugin passes the route's merged limit options, with the route under `routeInfo`.
    child(options: object): SharedRateStore {
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new SharedRateStore(options, `${String(route?.method ?? '')} ${route?.url ?? ''}|`);
    }
  }
  return SharedRateStore;
}
