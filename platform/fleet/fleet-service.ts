import { EventEmitter } from 'node:events';
import type {
  Alert,
  AlertRule,
  FleetSettings,
  FleetTerminal,
  FleetTerminalDetail,
  Heartbeat,
  HeartbeatAnswer,
  OpeningHours,
} from '../../contract/platform/fleet';
import { iso, isoOrNull, type PlatformContext } from '../core/context';
import { notFound } from '../core/errors';
import type { Queryable } from '../store/database';
import type { AlertNotices} from './alert-notices';
import { type AlertEvent, type AlertTarget } from './alert-notices';
import { conditionsOf, statusOf, type Condition, type FleetRuleSettings } from './rules';

export interface FleetOptions {
  rules: FleetRuleSettings;
  /** How much heartbeat history each terminal keeps (default 6 h: 720 beats at 30 s). */
  historyMs: number;
  notices: AlertNotices;
  /** The configuration version the terminal should run, for the heartbeat's answer. */
  configVersion: (centreId: string, terminalId: string, kind: string) => Promise<number | null>;
}

interface AlertRow {
  id: number;
  terminal_id: string;
  rule: AlertRule;
  subject: string;
  detail: string;
  first_seen_at: number;
  raised_at: number | null;
  cleared_at: number | null;
}

const toAlert = (row: AlertRow): Alert => ({
  id: Number(row.id),
  terminalId: row.terminal_id,
  rule: row.rule,
  subject: row.subject,
  detail: row.detail,
  raisedAt: iso(Number(row.raised_at ?? row.first_seen_at)),
  clearedAt: isoOrNull(row.cleared_at === null ? null : Number(row.cleared_at)),
});

const keyOf = (c: { rule: string; subject: string }) => `${c.rule}\u0000${c.subject}`;

const TRIM_EVERY = 20;
/**
 * How long a heartbeat waits for others to share its transaction. A terminal beats every 30 s
 * and reads nothing urgent in the answer, so 50 ms of its time buys a city's platform a commit
 * per ten beats rather than per beat (at 200 beats/s); it is answered after the commit, as before.
 */
const GATHER_MS = 50;
/** At most this many beats in one group (bound on the statements' parameters: 4 × 200). */
const MAX_GROUP = 200;
/** How stale the heartbeat's answer (opening hours, configuration version) may be in another platform process. */
export const ANSWER_CACHE_MS = 5000;

interface BeatRow {
  centreId: string;
  terminalId: string;
  at: number;
  body: string;
}
type Announced = { centreId: string; events: Array<[AlertEvent, Alert]> };
interface Trim {
  terminalId: string;
  before: number;
}

/** SQLite: statements in-process cost little; a few of them, each over the whole group, in the group's transaction. */
async function writeBeatsSqlite(tx: Queryable, rows: BeatRow[], trims: Trim[]): Promise<void> {
  const values = (columns: number) => rows.map(() => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');
  await tx.run(
    `INSERT INTO fleet_heartbeats (terminal_id, at, body) VALUES ${values(3)}`,
    rows.flatMap((r) => [r.terminalId, r.at, r.body]),
  );
  if (trims.length > 0) {
    await tx.run(
      `DELETE FROM fleet_heartbeats WHERE ${trims.map(() => '(terminal_id = ? AND at < ?)').join(' OR ')}`,
      trims.flatMap(({ terminalId, before }) => [terminalId, before]),
    );
  }
  await tx.run(
    `INSERT INTO fleet_terminals (terminal_id, centre_id, last_at, last_body) VALUES ${values(4)}
     ON CONFLICT (terminal_id) DO UPDATE SET last_at = excluded.last_at, last_body = excluded.last_body`,
    rows.flatMap((r) => [r.terminalId, r.centreId, r.at, r.body]),
  );
}

/** The open alerts of a group's terminals, in one statement. */
function openAlertsOf(tx: Queryable, rows: BeatRow[]): Promise<AlertRow[]> {
  return tx.all<AlertRow>(
    `SELECT * FROM fleet_alerts WHERE cleared_at IS NULL AND terminal_id IN (${rows.map(() => '?').join(', ')})`,
    rows.map((r) => r.terminalId),
  );
}

/**
 * PostgreSQL: each statement is a round trip, so the group is one statement of the same text
 * whatever its size (prepared once per connection): the beats and trims arrive as two JSON
 * arrays, the writes are data-modifying WITH clauses, and the open alerts are what it returns.
 */
async function writeBeatsPostgres(db: Queryable, rows: BeatRow[], trims: Trim[]): Promise<AlertRow[]> {
  return db.all<AlertRow>(
    `WITH beats AS (SELECT * FROM json_to_recordset(?::json) AS b(terminal_id text, centre_id text, at bigint, body text)),
     history AS (INSERT INTO fleet_heartbeats (terminal_id, at, body) SELECT terminal_id, at, body FROM beats),
     trimmed AS (DELETE FROM fleet_heartbeats h USING json_to_recordset(?::json) AS t(terminal_id text, before bigint)
       WHERE h.terminal_id = t.terminal_id AND h.at < t.before),
     latest AS (INSERT INTO fleet_terminals (terminal_id, centre_id, last_at, last_body) SELECT terminal_id, centre_id, at, body FROM beats
       ON CONFLICT (terminal_id) DO UPDATE SET last_at = excluded.last_at, last_body = excluded.last_body)
     SELECT * FROM fleet_alerts WHERE cleared_at IS NULL AND terminal_id IN (SELECT terminal_id FROM beats)`,
    [
      JSON.stringify(rows.map((r) => ({ terminal_id: r.terminalId, centre_id: r.centreId, at: r.at, body: r.body }))),
      JSON.stringify(trims.map((t) => ({ terminal_id: t.terminalId, before: t.before }))),
    ],
  );
}

/**
 * Heartbeats in, alerts out. A heartbeat's conditions are reconciled with the terminal's open
 * alerts in one transaction: a new condition opens a row (raised at once, or after its hold
 * time by a later heartbeat or the sweep), a condition gone clears its alert. Only raises and
 * clears are announced, so a flapping condition below its hold time disturbs nobody.
 */
export class FleetService extends EventEmitter<{ alert: [AlertEvent, Alert] }> {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly options: FleetOptions,
  ) {
    super();
  }

  /** Beats per terminal since its history was last trimmed: trimming every 20th keeps it bounded at a twentieth of the cost. */
  private readonly sinceTrim = new Map<string, number>();
  /** Each centre's opening hours, read at most every few seconds (a change reaches the terminals with their next beats). */
  private readonly hoursCache = new Map<string, { hours: Promise<OpeningHours | null>; at: number }>();

  private queue: Array<{ centreId: string; terminalId: string; beat: Heartbeat; at: number; done: (error?: unknown) => void }> = [];
  private writing = false;
  private gathering: NodeJS.Timeout | undefined;
  private written: Promise<void> = Promise.resolve();

  /**
   * Heartbeats are written in groups: those that arrive within GATHER_MS, or while one
   * transaction runs, go into the next one together, so a busy platform pays one transaction
   * (and a fixed number of statements) per group instead of per terminal.
   */
  async heartbeat(centreId: string, terminalId: string, kind: string, beat: Heartbeat): Promise<HeartbeatAnswer> {
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ centreId, terminalId, beat, at: this.ctx.now(), done: (error) => (error ? reject(error) : resolve()) });
      this.scheduleWrite();
    });
    return { openingHours: await this.openingHours(centreId), configVersion: await this.options.configVersion(centreId, terminalId, kind) };
  }

  /** The promise is what is cached: the beats of one group that miss together read the row once. */
  private async openingHours(centreId: string): Promise<OpeningHours | null> {
    const cached = this.hoursCache.get(centreId);
    if (cached && this.ctx.now() - cached.at < ANSWER_CACHE_MS) return cached.hours;
    const hours = this.ctx.db
      .get<{ opening_hours: string | null }>('SELECT opening_hours FROM fleet_settings WHERE centre_id = ?', [centreId])
      .then((row) => (row?.opening_hours ? (JSON.parse(row.opening_hours) as OpeningHours) : null));
    this.hoursCache.set(centreId, { hours, at: this.ctx.now() });
    hours.catch(() => this.hoursCache.delete(centreId));
    return hours;
  }

  private scheduleWrite(): void {
    if (this.writing || this.gathering) return;
    this.gathering = setTimeout(() => {
      this.gathering = undefined;
      void this.write();
    }, GATHER_MS);
    this.gathering.unref();
  }

  /** Writes the beats still gathering now (the platform is stopping) and waits for them. */
  async flush(): Promise<void> {
    if (this.gathering) {
      clearTimeout(this.gathering);
      this.gathering = undefined;
      await this.write();
    }
    await this.written;
  }

  private write(): Promise<void> {
    this.written = this.writeQueued();
    return this.written;
  }

  private async writeQueued(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      // One beat per terminal in a group: a second one (a terminal resending) waits for the next.
      const seen = new Set<string>();
      const group: typeof this.queue = [];
      this.queue = this.queue.filter((item) => {
        if (seen.has(item.terminalId) || group.length >= MAX_GROUP) return true;
        seen.add(item.terminalId);
        group.push(item);
        return false;
      });
      try {
        const announced = await this.writeGroup(group);
        for (const { centreId, events } of announced) await this.announce(centreId, events);
        for (const item of group) item.done();
      } catch (error) {
        for (const item of group) item.done(error);
      }
    }
    this.writing = false;
  }

  /**
   * A group's beats in a fixed number of statements, whatever its size: the history rows, the
   * trim of old history, the last beats and the open alerts of all its terminals. Only what
   * changes an alert is written per terminal, and that is rare. On PostgreSQL that one
   * statement commits by itself, and only the terminals with a condition or an open alert go
   * on to a transaction (which reads their alerts again, inside it): most groups are one round
   * trip instead of four.
   */
  private async writeGroup(group: typeof this.queue): Promise<Announced[]> {
    const rows = group.map((item) => ({ ...item, body: JSON.stringify(item.beat), conditions: conditionsOf(item.beat, this.options.rules) }));
    const trims = rows
      .filter(({ terminalId }) => {
        const beats = (this.sinceTrim.get(terminalId) ?? 0) + 1;
        this.sinceTrim.set(terminalId, beats % TRIM_EVERY);
        return beats === 1;
      })
      .map(({ terminalId, at }) => ({ terminalId, before: at - this.options.historyMs }));
    if (this.ctx.db.dialect === 'postgres') {
      const open = await writeBeatsPostgres(this.ctx.db, rows, trims);
      const touched = rows.filter((r) => r.conditions.length > 0 || open.some((a) => a.terminal_id === r.terminalId));
      if (touched.length === 0) return [];
      return this.ctx.db.transaction(async (tx) => this.reconcileGroup(tx, touched, await openAlertsOf(tx, touched)));
    }
    return this.ctx.db.transaction(async (tx) => {
      await writeBeatsSqlite(tx, rows, trims);
      return this.reconcileGroup(tx, rows, await openAlertsOf(tx, rows));
    });
  }

  private async reconcileGroup(tx: Queryable, rows: Array<BeatRow & { conditions: Condition[] }>, open: AlertRow[]): Promise<Announced[]> {
    const out: Announced[] = [];
    for (const { centreId, terminalId, conditions, at } of rows) {
      const mine = open.filter((row) => row.terminal_id === terminalId);
      out.push({ centreId, events: await this.reconcile(tx, centreId, terminalId, conditions, at, true, mine) });
    }
    return out;
  }

  /**
   * Judges what only time shows: terminals silent for longer than the no-heartbeat limit, and
   * conditions that have now held long enough (a device still disconnected after 2 min).
   */
  async sweep(): Promise<void> {
    const now = this.ctx.now();
    const silent = await this.ctx.db.all<{ terminal_id: string; centre_id: string; last_at: number }>(
      `SELECT f.terminal_id, f.centre_id, f.last_at FROM fleet_terminals f WHERE f.last_at < ?
       AND NOT EXISTS (SELECT 1 FROM fleet_alerts a WHERE a.terminal_id = f.terminal_id AND a.rule = 'no-heartbeat' AND a.cleared_at IS NULL)`,
      [now - this.options.rules.noHeartbeatMs],
    );
    for (const row of silent) {
      const seconds = Math.round((now - Number(row.last_at)) / 1000);
      const announced = await this.ctx.db.transaction((tx) =>
        this.open(tx, row.centre_id, row.terminal_id, { rule: 'no-heartbeat', subject: '', detail: `no heartbeat for ${seconds} s`, holdMs: 0 }, now),
      );
      await this.announce(row.centre_id, announced);
    }
    const due = await this.ctx.db.all<AlertRow & { centre_id: string }>(
      'SELECT * FROM fleet_alerts WHERE raised_at IS NULL AND cleared_at IS NULL AND first_seen_at <= ?',
      [now - Math.min(this.options.rules.deviceDownMs, this.options.rules.noHeartbeatMs)],
    );
    for (const row of due) {
      if (now - Number(row.first_seen_at) < this.holdOf(row.rule)) continue;
      const { changes } = await this.ctx.db.run('UPDATE fleet_alerts SET raised_at = ? WHERE id = ? AND raised_at IS NULL AND cleared_at IS NULL', [now, row.id]);
      if (changes > 0) await this.announce(row.centre_id, [['alert.raised', toAlert({ ...row, raised_at: now })]]);
    }
  }

  private holdOf(rule: AlertRule): number {
    return rule === 'device-disconnected' ? this.options.rules.deviceDownMs : 0;
  }

  private async reconcile(
    tx: Queryable,
    centreId: string,
    terminalId: string,
    conditions: Condition[],
    now: number,
    heard: boolean,
    /** The terminal's open alerts, when the caller read them already (a heartbeat group). */
    known?: AlertRow[],
  ): Promise<Array<[AlertEvent, Alert]>> {
    const open = known ?? (await tx.all<AlertRow>('SELECT * FROM fleet_alerts WHERE terminal_id = ? AND cleared_at IS NULL', [terminalId]));
    const wanted = new Map(conditions.map((c) => [keyOf(c), c]));
    const out: Array<[AlertEvent, Alert]> = [];
    for (const row of open) {
      const still = wanted.get(keyOf(row));
      const gone = row.rule === 'no-heartbeat' ? heard : !still;
      if (gone) {
        if (row.raised_at === null) await tx.run('DELETE FROM fleet_alerts WHERE id = ?', [row.id]);
        else {
          await tx.run('UPDATE fleet_alerts SET cleared_at = ? WHERE id = ?', [now, row.id]);
          out.push(['alert.cleared', toAlert({ ...row, cleared_at: now })]);
        }
      } else if (still && row.raised_at === null && now - Number(row.first_seen_at) >= still.holdMs) {
        await tx.run('UPDATE fleet_alerts SET raised_at = ?, detail = ? WHERE id = ?', [now, still.detail, row.id]);
        out.push(['alert.raised', toAlert({ ...row, raised_at: now, detail: still.detail })]);
      }
      wanted.delete(keyOf(row));
    }
    for (const condition of wanted.values()) out.push(...(await this.open(tx, centreId, terminalId, condition, now)));
    return out;
  }

  private async open(tx: Queryable, centreId: string, terminalId: string, c: Condition, now: number): Promise<Array<[AlertEvent, Alert]>> {
    const raisedAt = c.holdMs <= 0 ? now : null;
    const row = await tx.get<{ id: number }>(
      'INSERT INTO fleet_alerts (centre_id, terminal_id, rule, subject, detail, first_seen_at, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
      [centreId, terminalId, c.rule, c.subject, c.detail, now, raisedAt],
    );
    if (raisedAt === null || !row) return [];
    return [['alert.raised', { id: Number(row.id), terminalId, rule: c.rule, subject: c.subject, detail: c.detail, raisedAt: iso(now), clearedAt: null }]];
  }

  private async announce(centreId: string, events: Array<[AlertEvent, Alert]>): Promise<void> {
    if (events.length === 0) return;
    const target = await this.target(centreId);
    for (const [event, alert] of events) {
      const terminal = await this.ctx.db.get<{ name: string }>('SELECT name FROM terminals WHERE id = ?', [alert.terminalId]);
      this.options.notices.notify(event, alert, terminal?.name ?? alert.terminalId, target);
      this.emit('alert', event, alert);
    }
  }

  private async target(centreId: string): Promise<AlertTarget> {
    const row = await this.ctx.db.get<{ technician_phone: string | null; webhook_url: string | null; webhook_secret: string | null }>(
      'SELECT technician_phone, webhook_url, webhook_secret FROM fleet_settings WHERE centre_id = ?',
      [centreId],
    );
    return { centreId, technicianPhone: row?.technician_phone ?? null, webhookUrl: row?.webhook_url ?? null, webhookSecret: row?.webhook_secret ?? null };
  }

  async terminals(centreId: string): Promise<FleetTerminal[]> {
    const rows = await this.ctx.db.all<{ id: string; kind: 'kiosk' | 'counter'; name: string; last_at: number | null; last_body: string | null }>(
      `SELECT t.id, t.kind, t.name, f.last_at, f.last_body FROM terminals t LEFT JOIN fleet_terminals f ON f.terminal_id = t.id
       WHERE t.centre_id = ? ORDER BY t.id`,
      [centreId],
    );
    const alerts = await this.ctx.db.all<AlertRow>('SELECT * FROM fleet_alerts WHERE centre_id = ? AND cleared_at IS NULL ORDER BY id', [centreId]);
    return rows.map((row) => {
      const mine = alerts.filter((a) => a.terminal_id === row.id);
      const raised = mine.filter((a) => a.raised_at !== null);
      const lastAt = row.last_at === null ? null : Number(row.last_at);
      return {
        terminalId: row.id,
        kind: row.kind,
        name: row.name,
        status: statusOf(raised.map((a) => a.rule), lastAt, mine.length - raised.length),
        lastHeartbeatAt: isoOrNull(lastAt),
        heartbeat: row.last_body ? (JSON.parse(row.last_body) as Heartbeat) : null,
        alerts: raised.map(toAlert),
      };
    });
  }

  /** One terminal's page: its state, heartbeat history (newest first) and every alert it had. */
  async terminal(centreId: string, terminalId: string, historyLimit = 120): Promise<Omit<FleetTerminalDetail, 'actions'>> {
    const summary = (await this.terminals(centreId)).find((t) => t.terminalId === terminalId);
    if (!summary) throw notFound(`terminal ${terminalId} of this centre`);
    const history = await this.ctx.db.all<{ at: number; body: string }>('SELECT at, body FROM fleet_heartbeats WHERE terminal_id = ? ORDER BY at DESC LIMIT ?', [
      terminalId,
      historyLimit,
    ]);
    const past = await this.ctx.db.all<AlertRow>('SELECT * FROM fleet_alerts WHERE terminal_id = ? AND raised_at IS NOT NULL AND cleared_at IS NOT NULL ORDER BY id DESC LIMIT 100', [
      terminalId,
    ]);
    return {
      ...summary,
      history: history.map((h) => ({ at: iso(Number(h.at)), heartbeat: JSON.parse(h.body) as Heartbeat })),
      pastAlerts: past.map(toAlert),
    };
  }

  async settings(centreId: string): Promise<FleetSettings> {
    const row = await this.ctx.db.get<{ technician_phone: string | null; webhook_url: string | null; webhook_secret: string | null; opening_hours: string | null }>(
      'SELECT * FROM fleet_settings WHERE centre_id = ?',
      [centreId],
    );
    return {
      technicianPhone: row?.technician_phone ?? null,
      webhookUrl: row?.webhook_url ?? null,
      // Write-only: the page shows that one is set, never what it is.
      webhookSecret: row?.webhook_secret ? '****************' : null,
      openingHours: row?.opening_hours ? (JSON.parse(row.opening_hours) as OpeningHours) : null,
    };
  }

  async putSettings(centreId: string, settings: FleetSettings): Promise<FleetSettings> {
    const current = await this.ctx.db.get<{ webhook_secret: string | null }>('SELECT webhook_secret FROM fleet_settings WHERE centre_id = ?', [centreId]);
    // Sending back the masked value keeps the stored secret.
    const secret = settings.webhookSecret && /^\*+$/.test(settings.webhookSecret) ? (current?.webhook_secret ?? null) : settings.webhookSecret;
    await this.ctx.db.run(
      `INSERT INTO fleet_settings (centre_id, technician_phone, webhook_url, webhook_secret, opening_hours) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (centre_id) DO UPDATE SET technician_phone = excluded.technician_phone, webhook_url = excluded.webhook_url,
       webhook_secret = excluded.webhook_secret, opening_hours = excluded.opening_hours`,
      [centreId, settings.technicianPhone, settings.webhookUrl, secret, settings.openingHours ? JSON.stringify(settings.openingHours) : null],
    );
    this.hoursCache.delete(centreId);
    return this.settings(centreId);
  }
}
