/**
 * The centres' day: China Standard Time, UTC+8 all year (no daylight saving since 1991), so a
 * fixed offset is exact. Plain code without imports, so the renderer may use it at run time.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Midnight, in Shanghai, of the day `now` (ms since the epoch) falls in. */
export function startOfShanghaiDay(now: number): Date {
  return new Date(Math.floor((now + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** The Shanghai calendar date `now` falls on, as YYYY-MM-DD. */
export function shanghaiIsoDate(now: number): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A moment (ms or ISO text) as a Shanghai wall-clock time, 2026/12/1 09:30:00, for papers and notices. */
export function shanghaiDateTime(at: number | string): string {
  return new Date(at).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}
