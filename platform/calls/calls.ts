import { startOfShanghaiDay } from '../../contract/dates/shanghai-day';
import type { CallReport, WallCall } from '../../contract/platform/calls';
import { requireStaff, requireWindowStaff, type Caller } from '../core/caller';
import type { CaseRow } from '../core/cases';
import { iso, type PlatformContext } from '../core/context';
import { forbidden, notFound } from '../core/errors';
import { timelinessOf } from '../timeliness/timeliness';
import { ticketCallsSince } from '../visits/ticket-events';

type CallRow = Pick<CaseRow, 'status' | 'queue_number' | 'deadline_at' | 'warning_at' | 'ready_at' | 'completed_at'> & {
  case_id: string;
  window_name: string;
  recall: number;
  at: number;
};

/** 叫号 kept by the platform: each window reports its calls; any wall of the centre reads them. */
export class CallService {
  constructor(private readonly ctx: PlatformContext) {}

  /**
   * Window staff of the case's centre call its number: first from the queue, or again when the
   * citizen comes back (补正, 领取) to whichever window serves them.
   */
  async report(caller: Caller, call: CallReport): Promise<void> {
    const staff = requireWindowStaff(caller);
    const row = await this.ctx.db.get<Pick<CaseRow, 'centre_id' | 'queue_number'>>('SELECT centre_id, queue_number FROM cases WHERE id = ?', [call.caseId]);
    if (!row || row.centre_id !== staff.centreId) throw notFound(`case ${call.caseId}`);
    await this.ctx.db.run('INSERT INTO calls (centre_id, case_id, window_name, staff_id, recall, at) VALUES (?, ?, ?, ?, ?, ?)', [
      staff.centreId,
      call.caseId,
      call.windowName,
      staff.id,
      call.recall ? 1 : 0,
      this.ctx.now(),
    ]);
    // Walls of every window hear it on the event stream and read the calls again.
    this.ctx.hub.publishCall({ centreId: staff.centreId, windowName: call.windowName, queueNumber: row.queue_number });
  }

  /** Today's calls of the centre (or of one window), newest first, the latest call of each case, with its 效能. */
  async today(caller: Caller, window: string | undefined, limit: number): Promise<WallCall[]> {
    const centreId = caller.kind === 'terminal' ? counterCentre(caller) : requireStaff(caller).centreId;
    const now = this.ctx.now();
    const rows = await this.ctx.db.all<CallRow>(
      `SELECT k.case_id, k.window_name, k.recall, k.at, c.status, c.queue_number, c.deadline_at, c.warning_at, c.ready_at, c.completed_at
       FROM calls k JOIN cases c ON c.id = k.case_id
       WHERE k.centre_id = ? AND k.at >= ?${window ? ' AND k.window_name = ?' : ''} ORDER BY k.at DESC, k.id DESC LIMIT 500`,
      [centreId, startOfShanghaiDay(now).getTime(), ...(window ? [window] : [])],
    );
    const seen = new Set<string>();
    const calls: WallCall[] = [];
    for (const row of rows) {
      if (seen.has(row.case_id) || calls.length >= limit) continue;
      seen.add(row.case_id);
      calls.push({
        caseId: row.case_id,
        queueNumber: row.queue_number,
        windowName: row.window_name,
        at: iso(Number(row.at)),
        recall: Number(row.recall) === 1,
        timeliness: timelinessOf(row, now),
      });
    }
    // Tickets called at the windows (platform/visits) hang on the same wall, newest first among the cases.
    for (const row of await ticketCallsSince(this.ctx.db, centreId, startOfShanghaiDay(now).getTime(), window)) {
      if (seen.has(row.ticket_id)) continue;
      seen.add(row.ticket_id);
      calls.push({ caseId: row.ticket_id, ticket: true, queueNumber: row.number, windowName: row.window_name, at: iso(Number(row.at)), recall: row.type === 'recalled', timeliness: null });
    }
    return calls.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, limit);
  }
}

/** A counter terminal hangs the wall display; a kiosk has no business with the calls. */
function counterCentre(caller: Extract<Caller, { kind: 'terminal' }>): string {
  if (caller.terminalKind !== 'counter') throw forbidden('only a counter terminal or staff read the calls');
  return caller.centreId;
}
