import { errorMessage } from '../../common/errors';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigPayload, mergeConfigSections, type ConfigReport, type SignedConfig } from '../../contract/platform/fleet';
import { problemsOf } from '../../kiosk-config/load';
import { TerminalConfig } from '../../kiosk-config/schema';
import type { Logger } from '../logging/logger';
import type { DeviceProblem } from './device-check';
import type { FleetClient } from './fleet-client';

export const APPLIED_FILE = 'platform-config.json';
export const PREVIOUS_FILE = 'platform-config.previous.json';

/** What the terminal keeps of the platform's configuration it accepted. */
interface Applied {
  version: number;
  appliedAt: string;
  config: Record<string, unknown>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readApplied(dataDir: string): Applied | undefined {
  try {
    const kept = JSON.parse(readFileSync(path.join(dataDir, APPLIED_FILE), 'utf8')) as Applied;
    return typeof kept.version === 'number' && isObject(kept.config) ? kept : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The configuration the terminal runs: its local file (the source of everything where no
 * platform is configured), with the platform's last accepted sections on top. A kept file that
 * no longer fits the schema (a terminal updated since) is ignored, and the local file stands.
 */
export function withAppliedConfig(local: TerminalConfig, log: Logger): { config: TerminalConfig; version: number | null } {
  const applied = readApplied(local.storage.dataDir);
  if (!applied) return { config: local, version: null };
  const merged = TerminalConfig.safeParse(mergeConfigSections(local as unknown as Json, applied.config));
  if (!merged.success) {
    log.warn({ version: applied.version, problems: problemsOf(merged.error, applied.config) }, 'the kept platform configuration no longer fits the schema; running the local file');
    return { config: local, version: null };
  }
  return { config: merged.data, version: applied.version };
}

/** The key from `fleet.platformKey`; a value that is not an Ed25519 public key stops the terminal at start, naming the key. */
export function pinnedKey(base64: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  } catch (error) {
    throw new Error(`fleet.platformKey: not a public key in base64 SPKI DER (${errorMessage(error)}); copy publicKey from GET /v1/fleet/key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`fleet.platformKey: a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, expected Ed25519`);
  return key;
}

export interface RemoteConfigDeps {
  client: Pick<FleetClient, 'config' | 'reportConfig'>;
  /** The local file's configuration, before any platform sections. */
  local: TerminalConfig;
  /** Who the platform knows this terminal as (its credential's id). */
  terminalId: string;
  key: KeyObject | undefined;
  appliedVersion: number | null;
  checkDevices: (devices: TerminalConfig['devices']) => Promise<DeviceProblem[]>;
  /** Called once a new configuration is kept: the terminal restarts into it when no citizen is at it. */
  onApplied: (version: number) => void;
  log: Logger;
}

/**
 * Fetches the platform's configuration for this terminal and takes it only whole: the
 * signature must verify against the key pinned at registration, the merged result must pass
 * the schema, and the devices it names must come up; otherwise the running configuration
 * stays (rolled back) and the platform is told why. Nothing is written until all three pass.
 */
export class RemoteConfig {
  private version: number | null;
  /** The last version judged, applied or not: a refused one is not fetched again until the platform holds another. */
  private seen: number | null;
  private checking: Promise<ConfigReport | undefined> | undefined;

  constructor(private readonly deps: RemoteConfigDeps) {
    this.version = deps.appliedVersion;
    this.seen = deps.appliedVersion;
  }

  appliedVersion(): number | null {
    return this.version;
  }

  /** The heartbeat answered with the version the platform holds: fetch it when it is not ours. */
  offered(version: number | null): Promise<ConfigReport | undefined> {
    if (version === null || version === this.seen) return Promise.resolve(undefined);
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async check(): Promise<ConfigReport | undefined> {
    const signed = await this.deps.client.config();
    const report = await this.judge(signed);
    this.deps.log[report.outcome === 'applied' ? 'info' : 'warn']({ version: report.version, outcome: report.outcome, reason: report.reason }, 'platform configuration');
    await this.deps.client.reportConfig(report);
    this.seen = report.version;
    if (report.outcome === 'applied') {
      this.version = report.version;
      this.deps.onApplied(report.version);
    }
    return report;
  }

  private async judge(signed: SignedConfig): Promise<ConfigReport> {
    const claimed = ConfigPayload.safeParse(safeJson(signed.payload));
    const version = claimed.success ? claimed.data.version : 0;
    if (!this.deps.key) return { version, outcome: 'refused', reason: 'signature: no platform key is pinned (fleet.platformKey)' };
    const genuine = verify(null, Buffer.from(signed.payload, 'utf8'), this.deps.key, Buffer.from(signed.signature, 'base64url'));
    if (!genuine) return { version, outcome: 'refused', reason: `signature: does not verify with the pinned platform key (key id ${signed.keyId})` };
    if (!claimed.success) return { version, outcome: 'refused', reason: `payload: ${claimed.error.issues[0]?.path.join('.')} ${claimed.error.issues[0]?.message}` };
    const payload = claimed.data;
    if (payload.terminalId !== this.deps.terminalId) return { version, outcome: 'refused', reason: `payload: for terminal ${payload.terminalId}, not ${this.deps.terminalId}` };
    const merged = TerminalConfig.safeParse(mergeConfigSections(this.deps.local as unknown as Json, payload.config));
    if (!merged.success) {
      const problems = problemsOf(merged.error, payload.config).map((p) => `${p.key} = ${p.value}: expected ${p.expected}`);
      return { version, outcome: 'refused', reason: `schema: ${problems.join('; ')}`.slice(0, 500) };
    }
    const down = await this.deps.checkDevices(merged.data.devices);
    if (down.length > 0) {
      return { version, outcome: 'rolled-back', reason: `devices: ${down.map((d) => `${d.role}: ${d.problem}`).join('; ')}; kept version ${this.version ?? 'local'}`.slice(0, 500) };
    }
    this.keep({ version, appliedAt: new Date().toISOString(), config: payload.config });
    return { version, outcome: 'applied' };
  }

  private keep(applied: Applied): void {
    const dir = this.deps.local.storage.dataDir;
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, APPLIED_FILE);
    if (existsSync(file)) copyFileSync(file, path.join(dir, PREVIOUS_FILE));
    writeFileSync(`${file}.tmp`, JSON.stringify(applied, null, 2));
    renameSync(`${file}.tmp`, file);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
