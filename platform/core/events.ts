import type { Actor, CaseStatus } from '../../contract/platform/cases';
import type { CaseEvent, CaseEventType, EventsPage } from '../../contract/platform/events';
import type { Dialect, Queryable } from '../store/database';
import { iso } from './context';

/** The NOTIFY channel of platform/cluster (its relay listens; a constant so core imports nothing of it). */
export const STORED_CHANNEL = 'tongban_signals';

interface EventRow {
  seq: number;
  centre_id: string;
  case_id: string;
  type: string;
  from_status: string | null;
  to_status: string;
  actor_kind: string;
  actor_id: string;
  reason: string | null;
  details: string;
  at: number;
}

export interface NewEvent {
  centreId: string;
  caseId: string;
  queueNumber: string;
  type: CaseEventType;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actor: Actor;
  reason?: string | null;
  details?: Record<string, unknown>;
  at: number;
}

/**
 * Readers page through a centre's events by `seq`, so a smaller seq must never commit after a
 * larger one has been read. SQLite has one writer at a time; on PostgreSQL a transaction takes
 * the centre's advisory lock before inserting an event and holds it to commit, so each centre's
 * events are numbered and committed in one order.
 */
export async function lockCentreEvents(tx: Queryable, dialect: Dialect, centreId: string): Promise<void> {
  if (dialect === 'postgres') await tx.run("SELECT pg_advisory_xact_lock(hashtext('events:' || ?))", [centreId]);
}

export async function appendEvent(tx: Queryable, dialect: Dialect, event: NewEvent): Promise<CaseEvent> {
  await lockCentreEvents(tx, dialect, event.centreId);
  return appendLockedEvent(tx, dialect, event);
}

/** appendEvent in a transaction that took the centre's event lock already (intake takes it first): one round trip fewer on PostgreSQL. */
export async function appendLockedEvent(tx: Queryable, dialect: Dialect, event: NewEvent): Promise<CaseEvent> {
  const details = { queueNumber: event.queueNumber, ...event.details };
  const row = await tx.get<{ seq: number }>(
    dialect === 'postgres'
      ? // The city's other processes hear of it by NOTIFY in the same statement: delivered exactly
        // when the transaction commits, in commit order, at no extra round trip or commit.
        `WITH e AS (INSERT INTO events (centre_id, case_id, type, from_status, to_status, actor_kind, actor_id, reason, details, at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq, centre_id)
         SELECT seq, pg_notify('${STORED_CHANNEL}', json_build_object('k', 'stored', 'd', json_build_array(json_build_object('centreId', centre_id, 'seq', seq)))::text) FROM e`
      : `INSERT INTO events (centre_id, case_id, type, from_status, to_status, actor_kind, actor_id, reason, details, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
    [
      event.centreId,
      event.caseId,
      event.type,
      event.fromStatus,
      event.toStatus,
      event.actor.kind,
      event.actor.id,
      event.reason ?? null,
      JSON.stringify(details),
      event.at,
    ],
  );
  return {
    seq: row!.seq,
    caseId: event.caseId,
    centreId: event.centreId,
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actor: event.actor,
    at: iso(event.at),
    reason: event.reason ?? null,
    queueNumber: event.queueNumber,
    details: event.details ?? {},
  };
}

function toEvent(row: EventRow): CaseEvent {
  const { queueNumber, ...details } = JSON.parse(row.details) as Record<string, unknown>;
  return {
    seq: row.seq,
    caseId: row.case_id,
    centreId: row.centre_id,
    type: row.type as CaseEventType,
    fromStatus: row.from_status as CaseStatus | null,
    toStatus: row.to_status as CaseStatus,
    actor: { kind: row.actor_kind as Actor['kind'], id: row.actor_id },
    at: iso(row.at),
    reason: row.reason,
    queueNumber: String(queueNumber ?? ''),
    details,
  };
}

/**
 * `terminalId`: a kiosk sees only the events of the cases it submitted, not staff's reasons on
 * other people's cases; staff and counter terminals see their whole centre.
 */
export type EventFilter = { centreId: string; caseId?: string; terminalId?: string };

export async function listEvents(db: Queryable, filter: EventFilter, after: number, limit: number): Promise<EventsPage> {
  const clauses = ['centre_id = ?', 'seq > ?'];
  const params: Array<string | number> = [filter.centreId, after];
  if (filter.caseId) {
    clauses.push('case_id = ?');
    params.push(filter.caseId);
  }
  if (filter.terminalId) {
    clauses.push('case_id IN (SELECT id FROM cases WHERE terminal_id = ?)');
    params.push(filter.terminalId);
  }
  const rows = await db.all<EventRow>(`SELECT * FROM events WHERE ${clauses.join(' AND ')} ORDER BY seq LIMIT ?`, [...params, limit + 1]);
  const events = rows.slice(0, limit).map(toEvent);
  return { events, cursor: events.at(-1)?.seq ?? after, hasMore: rows.length > limit };
}
