import { EventEmitter } from 'node:events';
import type { ActionAck, ActionRequest, RemoteAction } from '../../contract/platform/fleet';
import { iso, isoOrNull, type PlatformContext } from '../core/context';
import { notFound, PlatformError } from '../core/errors';

interface ActionRow {
  id: number;
  terminal_id: string;
  kind: RemoteAction['kind'];
  message: string | null;
  requested_by: string;
  requested_at: number;
  state: RemoteAction['state'];
  detail: string | null;
  acked_at: number | null;
  has_screenshot: number | boolean;
}

const COLUMNS = 'id, terminal_id, kind, message, requested_by, requested_at, state, detail, acked_at, (screenshot IS NOT NULL) AS has_screenshot';

const toAction = (row: ActionRow): RemoteAction => ({
  id: Number(row.id),
  terminalId: row.terminal_id,
  kind: row.kind,
  message: row.message,
  requestedBy: row.requested_by,
  requestedAt: iso(Number(row.requested_at)),
  state: row.state,
  detail: row.detail,
  ackedAt: isoOrNull(row.acked_at === null ? null : Number(row.acked_at)),
  hasScreenshot: Boolean(row.has_screenshot),
});

/** An action not acknowledged within this long is no longer handed out (a terminal that comes back an hour later must not reboot). */
const ACTION_LIFETIME_MS = 10 * 60_000;

/**
 * Remote actions: requested by staff (the row is the audit line: who, what, when), handed to the
 * terminal by a long poll, and closed by the terminal's acknowledgement with what it did.
 */
export class RemoteActions {
  private readonly waiters = new EventEmitter<Record<string, []>>();

  constructor(private readonly ctx: PlatformContext) {
    this.waiters.setMaxListeners(0);
    // Through the hub, so that an action queued in another process of the city wakes this poll.
    ctx.hub.on('action', (terminalId) => this.waiters.emit(terminalId));
  }

  async request(centreId: string, terminalId: string, request: ActionRequest, requestedBy: string): Promise<RemoteAction> {
    const terminal = await this.ctx.db.get<{ centre_id: string }>('SELECT centre_id FROM terminals WHERE id = ?', [terminalId]);
    if (!terminal || terminal.centre_id !== centreId) throw notFound(`terminal ${terminalId} of this centre`);
    const row = await this.ctx.db.get<ActionRow>(
      `INSERT INTO fleet_actions (centre_id, terminal_id, kind, message, requested_by, requested_at, state) VALUES (?, ?, ?, ?, ?, ?, 'pending') RETURNING ${COLUMNS}`,
      [centreId, terminalId, request.kind, request.kind === 'out-of-service' ? request.message : null, requestedBy, this.ctx.now()],
    );
    this.ctx.hub.publishAction(terminalId);
    return toAction(row!);
  }

  /** What the terminal has not yet acknowledged, after the last id it saw; waits up to `waitMs` for one to come. */
  async poll(terminalId: string, afterId: number, waitMs: number, signal?: AbortSignal): Promise<RemoteAction[]> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const rows = await this.ctx.db.all<ActionRow>(
        `SELECT ${COLUMNS} FROM fleet_actions WHERE terminal_id = ? AND id > ? AND state IN ('pending', 'delivered') AND requested_at > ? ORDER BY id`,
        [terminalId, afterId, this.ctx.now() - ACTION_LIFETIME_MS],
      );
      if (rows.length > 0) {
        await this.ctx.db.run(`UPDATE fleet_actions SET state = 'delivered' WHERE terminal_id = ? AND state = 'pending' AND id <= ?`, [terminalId, Number(rows.at(-1)!.id)]);
        return rows.map((row) => toAction({ ...row, state: 'delivered' }));
      }
      const left = deadline - Date.now();
      if (left <= 0 || signal?.aborted) return [];
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.off(terminalId, done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.once(terminalId, done);
        signal?.addEventListener('abort', done, { once: true });
      });
    }
  }

  async ack(terminalId: string, actionId: number, ack: ActionAck): Promise<RemoteAction> {
    const screenshot = ack.screenshot ? Buffer.from(ack.screenshot, 'base64') : null;
    if (screenshot && screenshot.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') {
      throw new PlatformError(400, 'invalid-request', 'screenshot: not a PNG image', 'screenshot');
    }
    const row = await this.ctx.db.get<ActionRow>(
      `UPDATE fleet_actions SET state = ?, detail = ?, acked_at = ?, screenshot = ? WHERE id = ? AND terminal_id = ? AND acked_at IS NULL RETURNING ${COLUMNS}`,
      [ack.outcome, ack.detail ?? null, this.ctx.now(), screenshot, actionId, terminalId],
    );
    if (!row) throw notFound(`unacknowledged action ${actionId} of this terminal`);
    return toAction(row);
  }

  async list(centreId: string, terminalId: string, limit = 50): Promise<RemoteAction[]> {
    const rows = await this.ctx.db.all<ActionRow>(`SELECT ${COLUMNS} FROM fleet_actions WHERE centre_id = ? AND terminal_id = ? ORDER BY id DESC LIMIT ?`, [
      centreId,
      terminalId,
      limit,
    ]);
    return rows.map(toAction);
  }

  async screenshot(centreId: string, actionId: number): Promise<Buffer> {
    const row = await this.ctx.db.get<{ screenshot: Buffer | Uint8Array | null }>('SELECT screenshot FROM fleet_actions WHERE id = ? AND centre_id = ?', [actionId, centreId]);
    if (!row?.screenshot) throw notFound(`a screenshot for action ${actionId}`);
    return Buffer.from(row.screenshot);
  }
}
