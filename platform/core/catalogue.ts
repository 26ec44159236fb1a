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
    await this.db.run(
      `INSERT INTO catalogue (id, version, etag, body, updated_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, etag = excluded.etag, body = excluded.body, updated_at = excluded.updated_at`,
      [catalogue.version, etag, body, now],
    );
    this.cached = { catalogue, etag, body };
    return this.cached;
  }

  async get(): Promise<StoredCatalogue | undefined> {
    // The ETag alone is read on every intake; the body only when another process changed it.
    const current = await this.db.get<{ etag: string }>('SELECT etag FROM catalogue WHERE id = 1');
    if (!current) return undefined;
    if (this.cached?.etag === current.etag) return this.cached;
    const row = await this.db.get<{ etag: string; body: string }>('SELECT etag, body FROM catalogue WHERE id = 1');
    if (!row) return undefined;
    this.cached = { catalogue: Catalogue.parse(JSON.parse(row.body)), etag: row.etag, body: row.body };
    return this.cached;
  }
}
