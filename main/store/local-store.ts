import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, StoreKeyError } from './errors';
import { FieldCipher } from './field-cipher';
import type { KeyProvider } from './key-file';
import { migrate } from './migrations';
import { errorMessage } from '../../common/errors';

export interface LocalStoreOptions {
  /** The SQLite file, e.g. `<dataDir>/terminal.db`; created with its directory on first use. */
  file: string;
  /** Where the field-encryption key comes from; keep it outside the data directory. */
  keys: KeyProvider;
}

const KEY_CHECK = 'tongban-store-key-check';

/**
 * The terminal's SQLite file: WAL, and `synchronous = FULL` so that a commit is on disk before
 * it returns (in WAL mode NORMAL may lose the last commits on a power cut, and a case
 * acknowledged to a citizen must survive one). Opening it checks that the key opens it.
 */
export class LocalStore {
  readonly db: Database.Database;
  readonly cipher: FieldCipher;

  private constructor(db: Database.Database, cipher: FieldCipher) {
    this.db = db;
    this.cipher = cipher;
  }

  static open(options: LocalStoreOptions): LocalStore {
    const { file, keys } = options;
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    let db: Database.Database;
    try {
      db = new Database(file);
    } catch (error) {
      throw new StoreError(`cannot open the terminal store: ${errorMessage(error)}`, file);
    }
    try {
      chmodSync(file, 0o600);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // Purged values are overwritten with zeros, not left in free pages.
      db.pragma('secure_delete = ON');
      migrate(db);
      const key = keys.load();
      let cipher: FieldCipher;
      try {
        cipher = new FieldCipher(key, keys.description, file);
      } finally {
        key.fill(0);
      }
      checkKey(db, cipher, file, keys.description);
      return new LocalStore(db, cipher);
    } catch (error) {
      db.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot prepare the terminal store: ${errorMessage(error)}`, file);
    }
  }

  /** A small key-value table for sync cursors, the catalogue copy and timestamps. */
  getState(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setState(key: string, value: string): void {
    this.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** The first open seals a known value; later opens must open it, or the key is the wrong one. */
function checkKey(db: Database.Database, cipher: FieldCipher, file: string, keySource: string): void {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'key_check'").get() as { value: Buffer } | undefined;
  if (!row) {
    db.prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?)").run(cipher.seal(KEY_CHECK, 'meta:key_check'));
    return;
  }
  let opened: string;
  try {
    opened = cipher.openText(row.value, 'meta:key_check');
  } catch {
    throw new StoreKeyError(`the ${keySource} does not open this store: it was created under another key (restore the right key file, or move the store aside)`, file);
  }
  if (opened !== KEY_CHECK) throw new StoreKeyError(`the store's key check holds an unexpected value`, file);
}
