import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceMode } from '../../contract/platform/fleet';
import type { ServiceStateView } from '../../contract/terminal/fleet-api';
import type { EventBus } from '../api/event-bus';

const FILE = 'service-state.json';

/**
 * Whether the kiosk serves citizens now. Out of service (a remote action) outranks the opening
 * hours and is kept in the data directory, so a terminal restarted while out of service stays
 * out of service until staff put it back.
 */
export class ServiceState {
  #outOfService: { message: string } | null;
  #closed: { opensAt: string | null } | null = null;
  readonly #file: string;

  constructor(
    private readonly events: EventBus,
    dataDir: string,
  ) {
    this.#file = path.join(dataDir, FILE);
    this.#outOfService = readKept(this.#file);
  }

  mode(): ServiceMode {
    return this.view().mode;
  }

  view(): ServiceStateView {
    if (this.#outOfService) return { mode: 'out-of-service', message: this.#outOfService.message, opensAt: null };
    if (this.#closed) return { mode: 'closed', message: null, opensAt: this.#closed.opensAt };
    return { mode: 'in-service', message: null, opensAt: null };
  }

  outOfService(message: string): void {
    this.#outOfService = { message };
    this.keep();
    this.changed();
  }

  backInService(): void {
    this.#outOfService = null;
    this.keep();
    this.changed();
  }

  /** From the opening hours: closed (with when it opens next) or open. */
  setClosed(closed: { opensAt: string | null } | null): void {
    if (JSON.stringify(closed) === JSON.stringify(this.#closed)) return;
    this.#closed = closed;
    this.changed();
  }

  private changed(): void {
    this.events.publish('service.state', this.view());
  }

  private keep(): void {
    mkdirSync(path.dirname(this.#file), { recursive: true });
    writeFileSync(`${this.#file}.tmp`, JSON.stringify({ outOfService: this.#outOfService }));
    renameSync(`${this.#file}.tmp`, this.#file);
  }
}

function readKept(file: string): { message: string } | null {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { outOfService?: { message?: unknown } | null };
    const message = kept.outOfService?.message;
    return typeof message === 'string' ? { message } : null;
  } catch {
    return null;
  }
}
