import type BetterSqlite3 from 'better-sqlite3';

/**
 * The store's schema, one entry per version (`PRAGMA user_version`). Entries are never edited
 * once shipped: a change is a new entry, applied in its own transaction.
 * Columns named `sealed_*` hold AES-256-GCM values (see FieldCipher); everything else is
 * non-personal so that the terminal can query it in clear.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL
  );

  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    service_code TEXT NOT NULL,
    visit_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    submitted_at TEXT NOT NULL,
    -- The intake request exactly as it is sent, so that every resend is byte-identical.
    sealed_request BLOB NOT NULL,
    sync_state TEXT NOT NULL CHECK (sync_state IN ('pending', 'synced', 'refused')),
    synced_at INTEGER,
    refusal_code TEXT,
    refusal_field TEXT,
    refusal_message TEXT,
    status TEXT,
    status_seq INTEGER NOT NULL DEFAULT 0,
    status_at TEXT,
    queue_number TEXT,
    received_at TEXT,
    priority_reasons TEXT
  );
  CREATE INDEX cases_created ON cases (created_at);

  CREATE TABLE materials (
    case_id TEXT NOT NULL REFERENCES cases (id),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    -- NULL once the platform has the material: the kiosk keeps no scan longer than it must.
    sealed_data BLOB,
    uploaded_at INTEGER,
    PRIMARY KEY (case_id, position)
  );

  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL UNIQUE REFERENCES cases (id),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );

  CREATE TABLE case_events (
    case_id TEXT NOT NULL REFERENCES cases (id),
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    at TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    -- reason and details (a clerk's words may name the citizen)
    sealed_detail BLOB NOT NULL,
    PRIMARY KEY (case_id, seq)
  );

  CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE print_records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    what TEXT NOT NULL,
    case_id TEXT,
    printer TEXT NOT NULL,
    result TEXT NOT NULL,
    detail TEXT
  );
  CREATE INDEX print_records_case ON print_records (case_id);

  CREATE TABLE certificate_prints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    service_code TEXT NOT NULL,
    visit_id TEXT NOT NULL,
    document_id TEXT,
    printer TEXT NOT NULL,
    result TEXT NOT NULL,
    detail TEXT
  );
  `,
  // Issue 12: when a synced case's personal data (sealed request, scans) was purged from the kiosk.
  `
  ALTER TABLE cases ADD COLUMN purged_at INTEGER;
  ALTER TABLE cases ADD COLUMN proof_digest TEXT;
  `,
];

export function migrate(db: BetterSqlite3.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the store is at schema version ${current}, newer than this terminal knows (${MIGRATIONS.length}); update the terminal`);
  }
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
