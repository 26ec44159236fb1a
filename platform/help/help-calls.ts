import { randomUUID } from 'node:crypto';
import type { HelpCall, HelpCallState } from '../../contract/platform/help';
import { audit } from '../core/audit';
import { requireCentre, requireStaff, type Caller } from '../core/caller';
import { iso, isoOrNull, type PlatformContext } from '../core/context';
import { forbidden, notFound, PlatformError } from '../core/errors';

interface HelpCallRow {
  id: string;
  centre_id: string;
  terminal_id: string;
  location: string;
  screen: string;
  state: HelpCallState;
  called_at: number;
  taken_by: string | null;
  taken_by_name: string | null;
  taken_at: number | null;
  ended_at: number | null;
}

function toCall(row: HelpCallRow): HelpCall {
  return {
    id: row.id,
    centreId: row.centre_id,
    terminalId: row.terminal_id,
    location: row.location,
    screen: row.screen,
    state: row.state,
    calledAt: iso(row.called_at),
    takenBy: row.taken_by ? { id: row.taken_by, displayName: row.taken_by_name ?? row.taken_by } : null,
    takenAt: isoOrNull(row.taken_at),
    endedAt: isoOrNull(row.ended_at),
  };
}

/** A call still open for longer than this is no longer shown: the citizen has surely gone. */
const OPEN_CALL_HOURS = 2;

/**
 * 呼叫工作人员 on the platform: a kiosk calls, every desk of its centre hears of it through the
 * event stream, the first staff member to take it has it (a second gets 409), and the calling
 * kiosk may cancel while it is open. Every step is in the audit log.
 */
export class HelpCalls {
  constructor(private readonly ctx: PlatformContext) {}

  async call(who: Caller, request: { location: string; screen: string }): Promise<HelpCall> {
    if (who.kind !== 'terminal' || who.terminalKind !== 'kiosk') throw forbidden('only a kiosk calls for help');
    const at = this.ctx.now();
    const id = randomUUID();
    await this.ctx.db.run(
      'INSERT INTO help_calls (id, centre_id, terminal_id, location, screen, state, called_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [id, who.centreId, who.id, request.location, request.screen, 'open', at],
    );
    await audit(this.ctx.db, who, 'help-called', null, at, `${id} ${request.screen}`);
    return this.#announce(id);
  }

  async get(who: Caller, id: string): Promise<HelpCall> {
    const row = await this.#row(id);
    requireCentre(who, row.centre_id);
    if (who.kind === 'terminal' && who.terminalKind === 'kiosk' && row.terminal_id !== who.id) throw forbidden('another kiosk made this call');
    return toCall(row);
  }

  /** The centre's open calls, oldest first: what a desk shows when it signs in. */
  async open(who: Caller): Promise<HelpCall[]> {
    if (who.kind === 'terminal' && who.terminalKind === 'kiosk') throw forbidden('a kiosk sees only its own calls');
    const since = this.ctx.now() - OPEN_CALL_HOURS * 3_600_000;
    const rows = await this.ctx.db.all<HelpCallRow>(
      "SELECT * FROM help_calls WHERE centre_id = ? AND state = 'open' AND called_at > ? ORDER BY called_at",
      [who.centreId, since],
    );
    return rows.map(toCall);
  }

  async take(who: Caller, id: string): Promise<HelpCall> {
    const staff = requireStaff(who);
    const row = await this.#row(id);
    requireCentre(staff, row.centre_id);
    const at = this.ctx.now();
    // One statement decides who has it, so two desks taking the same call cannot both succeed.
    const changed = await this.ctx.db.run(
      "UPDATE help_calls SET state = 'taken', taken_by = ?, taken_by_name = ?, taken_at = ? WHERE id = ? AND state = 'open'",
      [staff.id, staff.displayName, at, id],
    );
    if (changed.changes === 0) throw this.#notOpen(await this.#row(id));
    await audit(this.ctx.db, staff, 'help-taken', null, at, id);
    return this.#announce(id);
  }

  async cancel(who: Caller, id: string): Promise<HelpCall> {
    const row = await this.#row(id);
    if (who.kind !== 'terminal' || row.terminal_id !== who.id) throw forbidden('only the calling kiosk cancels its call');
    const at = this.ctx.now();
    const changed = await this.ctx.db.run("UPDATE help_calls SET state = 'cancelled', ended_at = ? WHERE id = ? AND state = 'open'", [at, id]);
    if (changed.changes === 0) throw this.#notOpen(await this.#row(id));
    await audit(this.ctx.db, who, 'help-cancelled', null, at, id);
    return this.#announce(id);
  }

  async #announce(id: string): Promise<HelpCall> {
    const call = toCall(await this.#row(id));
    this.ctx.hub.publishHelp(call);
    return call;
  }

  async #row(id: string): Promise<HelpCallRow> {
    const row = await this.ctx.db.get<HelpCallRow>('SELECT * FROM help_calls WHERE id = ?', [id]);
    if (!row) throw notFound(`help call ${id}`);
    return row;
  }

  #notOpen(row: HelpCallRow): PlatformError {
    return new PlatformError(409, 'conflict', `help call ${row.id} is ${row.state}${row.taken_by_name ? ` (taken by ${row.taken_by_name})` : ''}`);
  }
}
