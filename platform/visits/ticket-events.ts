import type { TicketEvent } from '../../contract/platform/visits';
import { iso } from '../core/context';
import type { Queryable } from '../store/database';

export interface NewTicketEvent {
  centreId: string;
  ticketId: string;
  type: TicketEvent['type'];
  at: number;
  window?: string | null;
  staffId?: string | null;
  detail?: string | null;
}

/**
 * Every step of a ticket (taken, 叫号, 重呼, 未到, 完成, transfer, redirect, a case linked), kept
 * in the same transaction as the step: the wall reads its calls from here, and a transfer is
 * told from a redirect afterwards.
 */
export async function recordTicketEvent(q: Queryable, event: NewTicketEvent): Promise<void> {
  await q.run('INSERT INTO ticket_events (centre_id, ticket_id, type, window_name, staff_id, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    event.centreId,
    event.ticketId,
    event.type,
    event.window ?? null,
    event.staffId ?? null,
    event.detail ?? null,
    event.at,
  ]);
}

export async function ticketEvents(q: Queryable, ticketId: string): Promise<TicketEvent[]> {
  const rows = await q.all<{ type: TicketEvent['type']; at: number; window_name: string | null; staff_id: string | null; detail: string | null }>(
    'SELECT type, at, window_name, staff_id, detail FROM ticket_events WHERE ticket_id = ? ORDER BY id',
    [ticketId],
  );
  return rows.map((r) => ({ type: r.type, at: iso(Number(r.at)), window: r.window_name, staffId: r.staff_id, detail: r.detail }));
}

/** Today's ticket calls of a centre (or one window) as the wall shows them, newest first. */
export async function ticketCallsSince(
  q: Queryable,
  centreId: string,
  since: number,
  window: string | undefined,
): Promise<{ ticket_id: string; number: string; window_name: string; type: 'called' | 'recalled'; at: number }[]> {
  return q.all(
    `SELECT e.ticket_id, t.number, e.window_name, e.type, e.at FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
     WHERE e.centre_id = ? AND e.type IN ('called', 'recalled') AND e.at >= ?${window ? ' AND e.window_name = ?' : ''} ORDER BY e.at DESC, e.id DESC LIMIT 500`,
    [centreId, since, ...(window ? [window] : [])],
  );
}
