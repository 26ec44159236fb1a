import { EventEmitter } from 'node:events';
import { Catalogue } from '../../contract/platform/catalogue';
import type { CatalogueSource } from '../catalogue/catalogue-service';
import type { LocalStore } from '../store/local-store';
import type { PlatformClient } from './platform-client';
import { logFailure } from '../../common/errors';
import { Repeating } from '../../common/repeat';
import type { SyncLog } from './sync-log';

export interface CatalogueCacheOptions {
  store: LocalStore;
  client: Pick<PlatformClient, 'catalogue'>;
  /** A copy younger than this is served without asking the platform. Default 60 s. */
  freshMs?: number;
  /** Background refresh while started. Default 15 min. */
  refreshIntervalMs?: number;
  now?: () => number;
  log?: SyncLog;
}

/** Neither the platform nor the store has a catalogue (a terminal that never reached the platform). */
export class CatalogueUnavailableError extends Error {
  override name = 'CatalogueUnavailableError';
}

const KEYS = { body: 'catalogue.body', etag: 'catalogue.etag', checkedAt: 'catalogue.checkedAt' } as const;

/**
 * The service catalogue with an offline copy in the store. It revalidates with the stored ETag
 * (a 304 costs no body) and, when the platform cannot be reached, serves the copy it has, so a
 * kiosk that loses the network keeps its menu.
 */
export class CatalogueCache extends EventEmitter<{ updated: [{ version: string }] }> {
  private readonly repeating: Repeating;
  private readonly now: () => number;

  constructor(private readonly options: CatalogueCacheOptions) {
    super();
    this.repeating = new Repeating(
      () => this.refresh(),
      this.options.refreshIntervalMs ?? 15 * 60_000,
      (error) => logFailure(this.options.log, 'warn', error, 'catalogue refresh failed'),
    );
    this.now = options.now ?? Date.now;
  }

  /** Plugs into CatalogueService as its source. */
  readonly source: CatalogueSource = () => this.get();

  /** The copy in the store, if any, without asking the platform. */
  stored(): Catalogue | undefined {
    const body = this.options.store.getState(KEYS.body);
    return body === undefined ? undefined : Catalogue.parse(JSON.parse(body));
  }

  /** Asks the platform; returns whether the catalogue changed. Throws when the platform cannot be asked. */
  async refresh(): Promise<boolean> {
    const { store, client } = this.options;
    const etag = store.getState(KEYS.body) === undefined ? undefined : store.getState(KEYS.etag);
    const answer = await client.catalogue(etag);
    store.setState(KEYS.checkedAt, String(this.now()));
    if (answer.notModified) return false;
    store.db.transaction(() => {
      store.setState(KEYS.body, JSON.stringify(answer.catalogue));
      store.setState(KEYS.etag, answer.etag ?? '');
    })();
    this.emit('updated', { version: answer.catalogue.version });
    return true;
  }

  async get(): Promise<Catalogue> {
    const checkedAt = Number(this.options.store.getState(KEYS.checkedAt) ?? 0);
    if (this.now() - checkedAt >= (this.options.freshMs ?? 60_000) || this.stored() === undefined) {
      try {
        await this.refresh();
      } catch (error) {
        logFailure(this.options.log, 'warn', error, 'catalogue not refreshed; serving the stored copy');
      }
    }
    const stored = this.stored();
    if (!stored) throw new CatalogueUnavailableError('the platform cannot be reached and no catalogue was stored yet');
    return stored;
  }

  start(): void {
    this.repeating.start();
  }

  stop(): Promise<void> {
    return this.repeating.stop();
  }
}
