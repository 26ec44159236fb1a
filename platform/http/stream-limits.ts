import type { Cluster } from '../cluster/cluster';
import { PlatformError } from '../core/errors';

/**
 * How many long-lived streams (server-sent events) may be open: per credential, and on the
 * whole platform, since each one holds a socket and reads the store on every keepalive. A new
 * streaming route takes a slot with `acquire(rateLimitKey(request))` before it hijacks the reply
 * and calls the release function when the socket closes. With other processes in the city
 * (PostgreSQL), the caps count their streams too (platform/cluster/stream-slots.ts).
 */
export class StreamLimits {
  private readonly open = new Map<string, number>();
  private total = 0;

  constructor(
    readonly perCaller: number,
    readonly overall: number,
    private readonly shared?: Cluster['streamSlots'],
  ) {}

  private tooManyOfCaller(held: number): PlatformError {
    return new PlatformError(429, 'too-many-streams', `this credential already holds ${held} event streams (at most ${this.perCaller}); close one first`);
  }

  private tooMany(): PlatformError {
    return new PlatformError(503, 'too-many-streams', `the platform is serving its ${this.overall} event streams; poll GET /v1/events or retry later`);
  }

  async acquire(key: string): Promise<() => void> {
    this.checkLocal(key);
    if (!this.shared) return this.local(key);
    const shared = await this.shared.take(key, this.perCaller, this.overall);
    if (typeof shared !== 'function') throw shared.refused === 'caller' ? this.tooManyOfCaller(shared.held) : this.tooMany();
    try {
      // Checked again: other requests of this process may have taken slots during the await.
      this.checkLocal(key);
    } catch (error) {
      shared();
      throw error;
    }
    return this.local(key, shared);
  }

  private checkLocal(key: string): void {
    const mine = this.open.get(key) ?? 0;
    if (mine >= this.perCaller) throw this.tooManyOfCaller(mine);
    if (this.total >= this.overall) throw this.tooMany();
  }

  private local(key: string, releaseShared?: () => void): () => void {
    this.open.set(key, (this.open.get(key) ?? 0) + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      releaseShared?.();
      this.total -= 1;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }
}
