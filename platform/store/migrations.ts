import type { Dialect } from './database';
import type { PostgresDatabase } from './postgres';
import { SqliteDatabase } from './sqlite';

/**
 * Schema migrations, written once with three dialect tokens:
 * {{id}} an auto-increment primary key, {{blob}} bytes, {{big}} a 64-bit integer.
 * Times are epoch milliseconds; JSON is TEXT; booleans are 0/1 integers.
 * Statements are separated by `;`, which must appear nowhere else in them.
 * Append new migrations; never edit one that has shipped.
 */
const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE centres (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at {{big}} NOT NULL
);
CREATE TABLE terminals (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at {{big}} NOT NULL,
  last_seen_at {{big}},
  health TEXT
);
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until {{big}},
  created_at {{big}} NOT NULL
);
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  created_at {{big}} NOT NULL,
  expires_at {{big}} NOT NULL
);
CREATE TABLE catalogue (
  id INTEGER PRIMARY KEY,
  version TEXT NOT NULL,
  etag TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at {{big}} NOT NULL
);
CREATE TABLE blobs (
  centre_id TEXT NOT NULL REFERENCES centres(id),
  sha256 TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  data {{blob}} NOT NULL,
  created_at {{big}} NOT NULL,
  PRIMARY KEY (centre_id, sha256)
);
CREATE TABLE queue_counters (
  centre_id TEXT NOT NULL,
  prefix TEXT NOT NULL,
  day TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (centre_id, prefix, day)
);
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres(id),
  terminal_id TEXT NOT NULL,
  source TEXT NOT NULL,
  service_code TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  request TEXT NOT NULL,
  status TEXT NOT NULL,
  queue_number TEXT NOT NULL,
  priority INTEGER NOT NULL,
  priority_reasons TEXT NOT NULL,
  submitted_at {{big}} NOT NULL,
  received_at {{big}} NOT NULL,
  queued_at {{big}} NOT NULL,
  claimed_by TEXT,
  claimed_at {{big}},
  first_claimed_at {{big}},
  completed_at {{big}},
  department TEXT,
  decision TEXT
);
CREATE INDEX cases_queue ON cases (centre_id, status, priority DESC, queued_at);
CREATE TABLE events (
  seq {{id}},
  centre_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  type TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  reason TEXT,
  details TEXT NOT NULL,
  at {{big}} NOT NULL
);
CREATE INDEX events_centre ON events (centre_id, seq);
CREATE INDEX events_case ON events (case_id, seq);
CREATE TABLE ratings (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  centre_id TEXT NOT NULL,
  visit_id TEXT NOT NULL,
  level INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  comment TEXT,
  body_hash TEXT NOT NULL,
  rated_at {{big}} NOT NULL
);
CREATE TABLE follow_ups (
  id {{id}},
  case_id TEXT NOT NULL REFERENCES cases(id),
  centre_id TEXT NOT NULL,
  opened_at {{big}} NOT NULL,
  closed_at {{big}},
  closed_by TEXT,
  resolution TEXT
);
CREATE TABLE audit_log (
  id {{id}},
  at {{big}} NOT NULL,
  centre_id TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  case_id TEXT,
  detail TEXT
);
CREATE INDEX audit_case ON audit_log (case_id);
CREATE TABLE notifications (
  id {{id}},
  case_id TEXT NOT NULL,
  event_seq {{big}} NOT NULL,
  channel TEXT NOT NULL,
  recipient_masked TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  created_at {{big}} NOT NULL
);
`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE signing_keys (
  key_id TEXT PRIMARY KEY,
  private_pem TEXT NOT NULL,
  created_at {{big}} NOT NULL
);
CREATE TABLE issued_documents (
  document_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  content TEXT NOT NULL,
  issued_at {{big}} NOT NULL
);
`,
  },
  {
    // Issue 12 (hardening): unguessable follow-up ids, which terminals may issue certificates,
    // the identity each certificate session is bound to, and when a case's personal data went.
    version: 10,
    sql: `
ALTER TABLE follow_ups ADD COLUMN public_id TEXT;
CREATE UNIQUE INDEX follow_ups_public_id ON follow_ups (public_id);
ALTER TABLE terminals ADD COLUMN can_issue_certificates INTEGER NOT NULL DEFAULT 1;
CREATE TABLE certificate_sessions (
  terminal_id TEXT NOT NULL,
  visit_id TEXT NOT NULL,
  identity_digest TEXT NOT NULL,
  started_at {{big}} NOT NULL,
  PRIMARY KEY (terminal_id, visit_id)
);
ALTER TABLE cases ADD COLUMN purged_at {{big}}
`,
  },
  {
    // Issue 12: a staff username is unique within its centre only, so that creating one tells an
    // administrator nothing about other centres. \`name\` is the username people type; the old
    // platform-wide \`username\` column stays as a unique key (\`<centre>/<name>\` for new accounts).
    version: 11,
    sql: `
ALTER TABLE staff ADD COLUMN name TEXT;
UPDATE staff SET name = username;
CREATE UNIQUE INDEX staff_centre_name ON staff (centre_id, name)
`,
  },
  {
    // 呼叫工作人员: one row per call, kept for the audit and the day's figures.
    version: 20,
    sql: `
CREATE TABLE help_calls (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres(id),
  terminal_id TEXT NOT NULL,
  location TEXT NOT NULL,
  screen TEXT NOT NULL,
  state TEXT NOT NULL,
  called_at {{big}} NOT NULL,
  taken_by TEXT,
  taken_by_name TEXT,
  taken_at {{big}},
  ended_at {{big}}
);
CREATE INDEX help_calls_open ON help_calls (centre_id, state)
`,
  },
  {
    // The public status page: a case is found by the SHA-256 of the random code on its receipt.
    version: 21,
    sql: `
CREATE TABLE case_status_codes (
  code_hash TEXT PRIMARY KEY,
  case_id TEXT NOT NULL UNIQUE REFERENCES cases(id)
)
`,
  },
  {
    // Issue 15 (departments, deadlines, back office, 一件事, 一口发证); numbered from 30 so that
    // other branches' migrations can be appended before it.
    version: 30,
    sql: `
CREATE TABLE departments (
  centre_id TEXT NOT NULL REFERENCES centres(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at {{big}} NOT NULL,
  PRIMARY KEY (centre_id, code)
);
CREATE TABLE calendar_days (
  centre_id TEXT NOT NULL REFERENCES centres(id),
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (centre_id, day)
);
ALTER TABLE staff ADD COLUMN department TEXT;
ALTER TABLE cases ADD COLUMN accepted_at {{big}};
ALTER TABLE cases ADD COLUMN deadline_at {{big}};
ALTER TABLE cases ADD COLUMN bundle_id TEXT;
ALTER TABLE cases ADD COLUMN result TEXT;
ALTER TABLE cases ADD COLUMN ready_at {{big}};
CREATE INDEX cases_department ON cases (centre_id, department, status);
CREATE INDEX cases_bundle ON cases (bundle_id);
CREATE TABLE case_notes (
  id {{id}},
  case_id TEXT NOT NULL REFERENCES cases(id),
  centre_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  text TEXT NOT NULL,
  at {{big}} NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id, id);
CREATE TABLE pickups (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres(id),
  code_hash TEXT NOT NULL,
  applicant_key TEXT NOT NULL,
  bundle_id TEXT,
  case_ids TEXT NOT NULL,
  created_at {{big}} NOT NULL,
  collected_at {{big}},
  collection TEXT,
  collection_hash TEXT
);
CREATE INDEX pickups_code ON pickups (centre_id, code_hash);
CREATE INDEX pickups_applicant ON pickups (centre_id, applicant_key)
`,
  },
  {
    // The fleet (platform/fleet): heartbeats, alerts, remote actions, signed configuration.
    version: 40,
    sql: `
CREATE TABLE fleet_heartbeats (
  id {{id}},
  terminal_id TEXT NOT NULL REFERENCES terminals(id),
  at {{big}} NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX fleet_heartbeats_terminal ON fleet_heartbeats (terminal_id, at);
CREATE TABLE fleet_terminals (
  terminal_id TEXT PRIMARY KEY REFERENCES terminals(id),
  centre_id TEXT NOT NULL REFERENCES centres(id),
  last_at {{big}} NOT NULL,
  last_body TEXT NOT NULL
);
CREATE INDEX fleet_terminals_last ON fleet_terminals (last_at);
CREATE TABLE fleet_alerts (
  id {{id}},
  centre_id TEXT NOT NULL REFERENCES centres(id),
  terminal_id TEXT NOT NULL REFERENCES terminals(id),
  rule TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL,
  first_seen_at {{big}} NOT NULL,
  raised_at {{big}},
  cleared_at {{big}}
);
CREATE INDEX fleet_alerts_open ON fleet_alerts (terminal_id, cleared_at);
CREATE TABLE fleet_deliveries (
  id {{id}},
  alert_id {{big}} NOT NULL,
  event TEXT NOT NULL,
  channel TEXT NOT NULL,
  target TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  error TEXT,
  at {{big}} NOT NULL
);
CREATE TABLE fleet_settings (
  centre_id TEXT PRIMARY KEY REFERENCES centres(id),
  technician_phone TEXT,
  webhook_url TEXT,
  webhook_secret TEXT,
  opening_hours TEXT
);
CREATE TABLE fleet_actions (
  id {{id}},
  centre_id TEXT NOT NULL REFERENCES centres(id),
  terminal_id TEXT NOT NULL REFERENCES terminals(id),
  kind TEXT NOT NULL,
  message TEXT,
  requested_by TEXT NOT NULL,
  requested_at {{big}} NOT NULL,
  state TEXT NOT NULL,
  detail TEXT,
  acked_at {{big}},
  screenshot {{blob}}
);
CREATE INDEX fleet_actions_terminal ON fleet_actions (terminal_id, state);
CREATE TABLE fleet_config_history (
  id {{id}},
  centre_id TEXT NOT NULL REFERENCES centres(id),
  target TEXT NOT NULL,
  body TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at {{big}} NOT NULL
);
CREATE INDEX fleet_config_target ON fleet_config_history (centre_id, target, id);
CREATE TABLE fleet_releases (
  channel TEXT NOT NULL,
  version TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha512 TEXT NOT NULL,
  size {{big}} NOT NULL,
  data {{blob}} NOT NULL,
  rollout_percent INTEGER NOT NULL,
  released_at {{big}} NOT NULL,
  PRIMARY KEY (channel, version)
);
CREATE TABLE fleet_config_reports (
  id {{id}},
  terminal_id TEXT NOT NULL REFERENCES terminals(id),
  version {{big}} NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT,
  at {{big}} NOT NULL
);
`,
  },
  {
    // Issue 20: the electronic licence library (电子证照) and the consents (一次授权) it is asked under.
    version: 50,
    sql: `
CREATE TABLE licences (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  number TEXT NOT NULL,
  issuer TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  holder_key TEXT NOT NULL,
  holder_sealed TEXT NOT NULL,
  media_type TEXT NOT NULL,
  document_sealed TEXT NOT NULL,
  signed TEXT NOT NULL,
  source_case_id TEXT,
  created_at {{big}} NOT NULL,
  UNIQUE (type, number)
);
CREATE INDEX licences_holder ON licences (holder_key, type);
CREATE TABLE licence_consents (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres(id),
  terminal_id TEXT NOT NULL,
  visit_id TEXT NOT NULL,
  holder_role TEXT NOT NULL,
  holder_key TEXT NOT NULL,
  types TEXT NOT NULL,
  granted_at {{big}} NOT NULL,
  recorded_at {{big}} NOT NULL
);
CREATE INDEX licence_consents_visit ON licence_consents (centre_id, visit_id)
`,
  },
  {
    // Issue 16 (the counter desk): keyed fingerprints of the applicant's name and ID number's
    // last 4, so that the desk finds sealed cases without opening them; notes sealed like cases.
    version: 60,
    sql: `
CREATE TABLE case_search_keys (
  case_id TEXT PRIMARY KEY REFERENCES cases(id),
  centre_id TEXT NOT NULL,
  name_key TEXT NOT NULL,
  id_tail_key TEXT NOT NULL
);
CREATE INDEX case_search_name ON case_search_keys (centre_id, name_key);
CREATE INDEX case_search_id_tail ON case_search_keys (centre_id, id_tail_key);
ALTER TABLE case_notes ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0
`,
  },
  {
    // Issue 16: "my cases" asks for a clerk's cases by status and by who holds them.
    version: 61,
    sql: `
CREATE INDEX cases_claimed_by ON cases (centre_id, claimed_by, status);
CREATE INDEX events_actor ON events (actor_id, case_id)
`,
  },
  {
    // Issue 16: 效能 (the warning time fixed at 受理 beside the deadline) and the 差评 follow-up's
    // deadline (5 working days), whether the citizen must be called back, and the call.
    version: 62,
    sql: `
ALTER TABLE cases ADD COLUMN warning_at {{big}};
CREATE INDEX cases_centre_deadline ON cases (centre_id, deadline_at);
ALTER TABLE follow_ups ADD COLUMN deadline_at {{big}};
ALTER TABLE follow_ups ADD COLUMN callback_required INTEGER NOT NULL DEFAULT 1;
ALTER TABLE follow_ups ADD COLUMN called_back_at {{big}};
ALTER TABLE follow_ups ADD COLUMN callback_outcome TEXT;
ALTER TABLE follow_ups ADD COLUMN callback_note TEXT
`,
  },
  {
    // Issue 16: the numbers each window calls, so a wall display can show every window's calls.
    version: 63,
    sql: `
CREATE TABLE calls (
  id {{id}},
  centre_id TEXT NOT NULL REFERENCES centres(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  window_name TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  recall INTEGER NOT NULL,
  at {{big}} NOT NULL
);
CREATE INDEX calls_centre_at ON calls (centre_id, at)
`,
  },
  {
    // Issue 19: appointments (预约) in slots of the centre's opening hours; the booker sealed, found by a keyed digest.
    version: 70,
    sql: `
CREATE TABLE visit_settings (
  centre_id TEXT PRIMARY KEY REFERENCES centres(id),
  body TEXT NOT NULL
);
CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres(id),
  service_code TEXT NOT NULL,
  slot_start {{big}} NOT NULL,
  slot_end {{big}} NOT NULL,
  holder_key TEXT NOT NULL,
  sealed TEXT,
  masked TEXT NOT NULL,
  code_hash TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  reminded_at {{big}},
  checked_in_at {{big}},
  ticket_id TEXT,
  created_at {{big}} NOT NULL
);
CREATE INDEX appointments_slot ON appointments (centre_id, service_code, slot_start, status);
CREATE INDEX appointments_holder ON appointments (centre_id, holder_key, status)
`,
  },
  {
    // Issue 19: the ticket queue that follows the citizen (取号, SMS at N ahead and when called, postpone once, cancel).
    version: 71,
    sql: `
CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  centre_id TEXT NOT NULL REFERENCES centres(id),
  service_code TEXT NOT NULL,
  number TEXT NOT NULL,
  source TEXT NOT NULL,
  appointment_id TEXT,
  slot_start {{big}},
  token_hash TEXT NOT NULL UNIQUE,
  token_sealed TEXT,
  phone_sealed TEXT,
  phone_masked TEXT,
  status TEXT NOT NULL,
  postponed INTEGER NOT NULL DEFAULT 0,
  near_notified INTEGER NOT NULL DEFAULT 0,
  taken_at {{big}} NOT NULL,
  queued_at {{big}} NOT NULL,
  called_at {{big}},
  called_by TEXT,
  window_name TEXT,
  ended_at {{big}},
  rating INTEGER
);
CREATE INDEX tickets_line ON tickets (centre_id, service_code, status, queued_at);
CREATE INDEX tickets_called ON tickets (centre_id, service_code, called_at);
CREATE TABLE visit_notices (
  id {{id}},
  centre_id TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  recipient_masked TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  created_at {{big}} NOT NULL
);
CREATE INDEX visit_notices_subject ON visit_notices (subject_id, kind)
`,
  },
  {
    // Issue 19: a city on several processes (platform/cluster). Event streams open in each process,
    // in the name of its LISTEN session, and each process's request counts per rate-limit window.
    // Used on PostgreSQL only; SQLite serves one process, so its tables stay empty.
    version: 75,
    sql: `
CREATE TABLE stream_slots (
  id TEXT PRIMARY KEY,
  holder INTEGER NOT NULL,
  caller_key TEXT NOT NULL,
  opened_at {{big}} NOT NULL
);
CREATE TABLE rate_counts (
  caller_key TEXT NOT NULL,
  win {{big}} NOT NULL,
  origin TEXT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (caller_key, win, origin)
);
CREATE INDEX rate_counts_win ON rate_counts (win)
`,
  },
  {
    // Issue 20: a licence the issuer withdrew (吊销/注销) stays in the library, marked from the day it was revoked.
    version: 85,
    sql: `ALTER TABLE licences ADD COLUMN revoked_at TEXT`,
  },
  {
    // Issue 19: multi-service visits (one number, up to five services, each its own case), tickets
    // transferred (same visit) or redirected (a new visit), and each ticket's events (叫号, 重呼, 未到, ...).
    // Tickets taken before it become visits of their one service.
    version: 90,
    sql: `
ALTER TABLE tickets ADD COLUMN target_window TEXT;
ALTER TABLE tickets ADD COLUMN transfers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN outcome TEXT;
ALTER TABLE tickets ADD COLUMN redirected_to TEXT;
CREATE TABLE ticket_services (
  ticket_id TEXT NOT NULL REFERENCES tickets(id),
  position INTEGER NOT NULL,
  service_code TEXT NOT NULL,
  case_id TEXT REFERENCES cases(id),
  PRIMARY KEY (ticket_id, position)
);
CREATE INDEX ticket_services_case ON ticket_services (case_id);
INSERT INTO ticket_services (ticket_id, position, service_code) SELECT id, 0, service_code FROM tickets;
CREATE TABLE ticket_events (
  id {{id}},
  centre_id TEXT NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES tickets(id),
  type TEXT NOT NULL,
  window_name TEXT,
  staff_id TEXT,
  detail TEXT,
  at {{big}} NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);
CREATE INDEX ticket_events_calls ON ticket_events (centre_id, type, at)
`,
  },
  {
    // Issue 19: a citizen cancels a booking by its code; when, kept apart from the no-show sweep.
    version: 91,
    sql: `ALTER TABLE appointments ADD COLUMN cancelled_at {{big}}`,
  },
  {
    // Issue 19: service-level targets (platform/service-levels): each service's waiting-time
    // thresholds per centre, and 开始办理 (the citizen reached the counter) on cases and tickets,
    // so that walking-to-counter and handling time can be told apart.
    version: 92,
    sql: `
CREATE TABLE service_level_targets (
  centre_id TEXT NOT NULL REFERENCES centres(id),
  service_code TEXT NOT NULL,
  warning_minutes INTEGER NOT NULL,
  critical_minutes INTEGER NOT NULL,
  PRIMARY KEY (centre_id, service_code)
);
ALTER TABLE cases ADD COLUMN started_at {{big}};
ALTER TABLE cases ADD COLUMN started_by TEXT;
ALTER TABLE tickets ADD COLUMN started_at {{big}};
ALTER TABLE tickets ADD COLUMN started_by TEXT;
CREATE INDEX cases_first_claimed ON cases (centre_id, first_claimed_at)
`,
  },
  {
    // Lookups on busy paths that scanned a whole table (found by EXPLAIN QUERY PLAN over the
    // platform suites): every 叫号 first releases abandoned claims across the city (partial, so
    // it holds only the few cases on a desk); every kiosk's status feed asks for the events of
    // its own cases; a rating looks up its case's follow-up; the fleet page reads a terminal's
    // configuration reports.
    version: 93,
    sql: `
CREATE INDEX cases_claimed_since ON cases (claimed_at) WHERE status = 'claimed';
CREATE INDEX cases_terminal ON cases (terminal_id);
CREATE INDEX follow_ups_case ON follow_ups (case_id);
CREATE INDEX fleet_config_reports_terminal ON fleet_config_reports (terminal_id, id)
`,
  },
];

const TOKENS: Record<Dialect, Record<string, string>> = {
  sqlite: { id: 'INTEGER PRIMARY KEY AUTOINCREMENT', blob: 'BLOB', big: 'INTEGER' },
  postgres: { id: 'BIGSERIAL PRIMARY KEY', blob: 'BYTEA', big: 'BIGINT' },
};

function render(sql: string, dialect: Dialect): string {
  return sql.replace(/\{\{(\w+)\}\}/g, (_, token: string) => {
    const value = TOKENS[dialect][token];
    if (!value) throw new Error(`migration token {{${token}}} is unknown`);
    return value;
  });
}

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export async function migrate(db: SqliteDatabase | PostgresDatabase): Promise<number> {
  if (db instanceof SqliteDatabase) {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    return db.transaction(async (tx) => {
      const row = await tx.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
      let applied = 0;
      for (const migration of MIGRATIONS.filter((m) => m.version > (row?.v ?? 0))) {
        db.exec(render(migration.sql, 'sqlite'));
        await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [migration.version, Date.now()]);
        applied += 1;
      }
      return applied;
    });
  }
  // Several platform processes may start together against one database: one migrates, the others wait.
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
  return db.transaction(async (tx) => {
    await tx.run("SELECT pg_advisory_xact_lock(hashtext('tongban-migrations'))");
    const row = await tx.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    let applied = 0;
    for (const migration of MIGRATIONS.filter((m) => m.version > (row?.v ?? 0))) {
      // One statement per query: the driver's statements are prepared, and a prepared statement is one statement.
      for (const sql of render(migration.sql, 'postgres').split(';').map((part) => part.trim()).filter(Boolean)) await tx.run(sql);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [migration.version, Date.now()]);
      applied += 1;
    }
    return applied;
  });
}
