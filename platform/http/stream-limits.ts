import { PlatformError } from '../core/errors';

/**
 * How many long-lived streams (server-sent events) may be open: per credential, and on the
 * whole platform, since each one holds a socket and reads the store on every keepalive. A new
 * streaming route takes a slot with `acquire(rateLimitKey(request))` before it hijacks the reply
 * and calls the release function when the socket closes.
 */
export class StreamLimits {
  private readonly open = new Map<string, number>();
  private total = 0;

  constructor(
    readonly perCaller: number,
    readonly overall: number,
  ) {}

  acquire(key: string): () => void {
    const mine = this.open.get(key) ?? 0;
    if (mine >= this.perCaller) {
      throw new PlatformError(429, 'too-many-streams', `this credential already holds ${mine} event streams (at most ${this.perCaller}); close one first`);
    }
    if (this.total >= this.overall) {
      throw new PlatformError(503, 'too-many-streams', `the platform is serving its ${this.overall} event streams; poll GET /v1/events or retry later`);
    }
    this.open.set(key, mine + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }
}
