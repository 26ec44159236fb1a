import type { DocumentSigner } from '../documents/signing';
import { mergeConfigSections, type ConfigHistoryEntry, type ConfigPayload, type ConfigReport, type FleetKey, type SignedConfig } from '../../contract/platform/fleet';
import { iso, type PlatformContext } from '../core/context';
import { notFound, PlatformError } from '../core/errors';

/**
 * The sections the platform may set. The terminal's identity, its credential, where it keeps
 * its data and its technician PIN stay in the local file: a platform that could move them could
 * lock a terminal out of itself.
 */
export const REMOTE_SECTIONS = ['devices', 'services', 'session', 'counter', 'ui', 'logging', 'fleet'] as const;

type Json = Record<string, unknown>;

interface HistoryRow {
  id: number;
  target: string;
  body: string;
  changed_by: string;
  changed_at: number;
}

/**
 * Each terminal's configuration: the profile of its role (kiosk, counter) with its own
 * overrides on top. Every change is a new history row (who, when, what), never an update, so
 * the history is the record and the latest row of a target is its current value.
 */
export class FleetConfig {
  /** Told of every change, so that caches of the current version forget it. */
  onChange: () => void = () => undefined;

  constructor(
    private readonly ctx: PlatformContext,
    /** The platform's signing key from its key file, the one its documents are signed with. */
    private readonly signer: DocumentSigner,
  ) {}

  async change(centreId: string, target: { role: string } | { terminalId: string }, config: Json, changedBy: string): Promise<ConfigHistoryEntry> {
    const bad = Object.keys(config).find((key) => !(REMOTE_SECTIONS as readonly string[]).includes(key));
    if (bad) throw new PlatformError(400, 'invalid-request', `config.${bad}: only ${REMOTE_SECTIONS.join(', ')} may be set from the platform`, `config.${bad}`);
    if ('terminalId' in target) {
      const terminal = await this.ctx.db.get<{ centre_id: string }>('SELECT centre_id FROM terminals WHERE id = ?', [target.terminalId]);
      if (!terminal || terminal.centre_id !== centreId) throw notFound(`terminal ${target.terminalId} of this centre`);
    }
    const name = 'role' in target ? `role:${target.role}` : `terminal:${target.terminalId}`;
    const row = await this.ctx.db.get<HistoryRow>(
      'INSERT INTO fleet_config_history (centre_id, target, body, changed_by, changed_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
      [centreId, name, JSON.stringify(config), changedBy, this.ctx.now()],
    );
    this.onChange();
    return toEntry(row!);
  }

  async history(centreId: string, limit = 100): Promise<ConfigHistoryEntry[]> {
    const rows = await this.ctx.db.all<HistoryRow>('SELECT * FROM fleet_config_history WHERE centre_id = ? ORDER BY id DESC LIMIT ?', [centreId, limit]);
    return rows.map(toEntry);
  }

  /** The version a terminal should run: the newest change to its role's profile or to itself. */
  /** The latest version of each target (`role:<kind>`, `terminal:<id>`) of a centre. */
  async versions(centreId: string): Promise<Map<string, number>> {
    const rows = await this.ctx.db.all<{ target: string; v: number }>('SELECT target, MAX(id) AS v FROM fleet_config_history WHERE centre_id = ? GROUP BY target', [centreId]);
    return new Map(rows.map((row) => [row.target, Number(row.v)]));
  }

  /** A terminal's configuration version: the later of its role's and its own; null while it has neither. */
  static versionOf(targets: Map<string, number>, terminalId: string, kind: string): number | null {
    const versions = [targets.get(`role:${kind}`), targets.get(`terminal:${terminalId}`)].filter((v): v is number => v !== undefined);
    return versions.length > 0 ? Math.max(...versions) : null;
  }

  async signedFor(centreId: string, terminalId: string, kind: string): Promise<SignedConfig> {
    const latest = async (target: string) =>
      this.ctx.db.get<HistoryRow>('SELECT * FROM fleet_config_history WHERE centre_id = ? AND target = ? ORDER BY id DESC LIMIT 1', [centreId, target]);
    const role = await latest(`role:${kind}`);
    const own = await latest(`terminal:${terminalId}`);
    if (!role && !own) throw notFound(`a platform configuration for terminal ${terminalId}`);
    const config = mergeConfigSections(role ? (JSON.parse(role.body) as Json) : {}, own ? (JSON.parse(own.body) as Json) : {});
    const payload: ConfigPayload = { terminalId, version: Math.max(Number(role?.id ?? 0), Number(own?.id ?? 0)), issuedAt: iso(this.ctx.now()), config };
    const text = JSON.stringify(payload);
    return { payload: text, keyId: this.signer.keyId, algorithm: 'Ed25519', signature: this.signer.signBytes(Buffer.from(text, 'utf8')) };
  }

  async publicKey(): Promise<FleetKey> {
    return { keyId: this.signer.keyId, algorithm: 'Ed25519', publicKey: this.signer.publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
  }

  async report(terminalId: string, report: ConfigReport): Promise<void> {
    await this.ctx.db.run('INSERT INTO fleet_config_reports (terminal_id, version, outcome, reason, at) VALUES (?, ?, ?, ?, ?)', [
      terminalId,
      report.version,
      report.outcome,
      report.reason ?? null,
      this.ctx.now(),
    ]);
  }

  async reports(centreId: string, terminalId: string): Promise<Array<ConfigReport & { at: string }>> {
    const rows = await this.ctx.db.all<{ version: number; outcome: ConfigReport['outcome']; reason: string | null; at: number }>(
      `SELECT r.version, r.outcome, r.reason, r.at FROM fleet_config_reports r JOIN terminals t ON t.id = r.terminal_id
       WHERE r.terminal_id = ? AND t.centre_id = ? ORDER BY r.id DESC LIMIT 50`,
      [terminalId, centreId],
    );
    return rows.map((r) => ({ version: Number(r.version), outcome: r.outcome, ...(r.reason ? { reason: r.reason } : {}), at: iso(Number(r.at)) }));
  }
}

function toEntry(row: HistoryRow): ConfigHistoryEntry {
  return { id: Number(row.id), target: row.target, config: JSON.parse(row.body) as Json, changedBy: row.changed_by, changedAt: iso(Number(row.changed_at)) };
}
