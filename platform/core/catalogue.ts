import { BundleDefinitionError, expandBundles } from '../../contract/platform/bundles';
import { Catalogue } from '../../contract/platform/catalogue';
import { PlatformError } from './errors';
import type { Database } from '../store/database';
import { canonicalJson, sha256Hex } from './secrets';

export interface StoredCatalogue {
  catalogue: Catalogue;
  /** Strong ETag over the canonical JSON: changes exactly when the content does. */
  etag: string;
  body: string;
}

/** The catalogue lives in the store (one row) so that every platform process serves the same one. */
export class CatalogueStore {
  private cached: StoredCatalogue | undefined;
  /** The store's external write mark when `cached` was last known current (SQLite). */
  private cachedMark: number | undefined;

  constructor(private readonly db: Database) {}

  async put(input: unknown, now: number): Promise<StoredCatalogue> {
    // A 一件事 is served with the union of its items' forms, so every terminal asks each shared answer once.
    let catalogue: Catalogue;
    try {
      catalogue = expandBundles(Catalogue.parse(input));
    } catch (error) {
      if (error instanceof BundleDefinitionError) throw new PlatformError(422, 'invalid-form', error.message, 'items');
      throw error;
    }
    const body = JSON.stringify(catalogue);
    const etag = `"${sha256Hex(canonicalJson(catalogue)).slice(0, 32)}"`;
    // Read before the write: a write by another connection after it moves the mark past this one.
    const mark = this.db.externalWriteMark?.();
    await this.db.run(
      `INSERT INTO catalogue (id, version, etag, body, updated_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, etag = excluded.etag, body = excluded.body, updated_at = excluded.updated_at`,
      [catalogue.version, etag, body, now],
    );
    this.cached = { catalogue, etag, body };
    this.cachedMark = mark;
    return this.cached;
  }

  async get(): Promise<StoredCatalogue | undefined> {
    // Nothing is read while no other connection has written the store (SQLite); else the ETag
    // alone (on every intake on PostgreSQL), and the body only when another process changed it.
    const mark = this.db.externalWriteMark?.();
    if (this.cached && mark !== undefined && mark === this.cachedMark) return this.cached;
    const current = await this.db.get<{ etag: string }>('SELECT etag FROM catalogue WHERE id = 1');
    if (!current) return undefined;
    this.cachedMark = mark;
    if (this.cached?.etag === current.etag) return this.cached;
    const row = await this.db.get<{ etag: string; body: string }>('SELECT etag, body FROM catalogue WHERE id = 1');
    if (!row) return undefined;
    this.cached = { catalogue: Catalogue.parse(JSON.parse(row.body)), etag: row.etag, body: row.body };
    return this.cached;
  }
}
