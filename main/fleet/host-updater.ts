import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';
import type { OpeningHours, UpdateState } from '../../contract/platform/fleet';
import type { Logger } from '../logging/logger';
import { appVersion } from '../version';
import type { FleetClient } from './fleet-client';
import { openingState } from './opening-hours';

const run = promisify(execFile);

/**
 * The install root of a self-updating Chromium host (build/linux-kiosk/README.md):
 *   releases/<version>/   each unpacked release
 *   current → releases/<v> what tongban-launch.mjs starts
 *   update-state.json     the state below, which tongban-launch.mjs reads too
 */
export const STATE_FILE = 'update-state.json';

export interface UpdateStateFile {
  current: string;
  /** The version to go back to while `trial` is on. */
  previous: string | null;
  /** A version just switched to, on probation: committed by its first good health check, rolled back otherwise. */
  trial: { version: string; bootsLeft: number; since: string } | null;
  rolledBack: { version: string; reason: string; at: string } | null;
}

/** Starts a trial gets this many starts before the launcher gives up on it (a crash at boot uses one). */
const TRIAL_BOOTS = 2;

export function readState(root: string): UpdateStateFile {
  try {
    return JSON.parse(readFileSync(path.join(root, STATE_FILE), 'utf8')) as UpdateStateFile;
  } catch {
    return { current: appVersion, previous: null, trial: null, rolledBack: null };
  }
}

function writeState(root: string, state: UpdateStateFile): void {
  const file = path.join(root, STATE_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
  renameSync(`${file}.tmp`, file);
}

/** Points `current` at a release in one rename, so the launcher never sees a half-made link. */
function pointCurrent(root: string, version: string): void {
  const link = path.join(root, 'current');
  rmSync(`${link}.tmp`, { force: true });
  symlinkSync(path.join('releases', version), `${link}.tmp`);
  renameSync(`${link}.tmp`, link);
}

export interface HostUpdaterDeps {
  client: Pick<FleetClient, 'hostFeed' | 'download'>;
  root: string;
  hours: () => OpeningHours | null;
  sessionActive: () => boolean;
  /** Exits for the supervisor to start the new (or the previous) release. */
  restart: (why: string) => void;
  /** How long a new release has to prove itself healthy (deliver a heartbeat). */
  trialMs: number;
  now: () => number;
  log: Logger;
}

/**
 * Updates the Chromium host from the platform's feed. A newer release is installed only
 * outside opening hours and with no citizen at the machine; it starts on probation and is
 * kept only once its health check passes (a heartbeat the platform accepted). A release that
 * cannot pass it in time, or crashes before (tongban-launch.mjs counts its starts), is rolled
 * back to the one before, and not offered to itself again.
 */
export class HostUpdater {
  #state: UpdateState = { state: 'current', offered: null };

  constructor(private readonly deps: HostUpdaterDeps) {
    const kept = readState(deps.root);
    if (kept.rolledBack) this.#state = { state: 'rolled-back', offered: kept.rolledBack.version, reason: kept.rolledBack.reason };
    if (kept.trial?.version === appVersion) this.#state = { state: 'trial', offered: appVersion };
  }

  view(): UpdateState {
    return this.#state;
  }

  /** After each heartbeat: a release on probation is committed by a good one, rolled back when time is up. */
  healthChecked(ok: boolean, problem?: string): void {
    const kept = readState(this.deps.root);
    if (kept.trial?.version !== appVersion) return;
    if (ok) {
      writeState(this.deps.root, { ...kept, current: appVersion, trial: null, rolledBack: null });
      this.#state = { state: 'current', offered: appVersion };
      this.deps.log.info({ version: appVersion }, 'update committed: the health check passed');
      return;
    }
    if (this.deps.now() - Date.parse(kept.trial.since) > this.deps.trialMs) this.rollBack(kept, `health check failed for ${Math.round(this.deps.trialMs / 1000)} s: ${problem ?? 'no heartbeat delivered'}`);
  }

  private rollBack(kept: UpdateStateFile, reason: string): void {
    if (!kept.previous) return;
    pointCurrent(this.deps.root, kept.previous);
    writeState(this.deps.root, { current: kept.previous, previous: null, trial: null, rolledBack: { version: appVersion, reason, at: new Date(this.deps.now()).toISOString() } });
    this.deps.log.warn({ version: appVersion, back: kept.previous, reason }, 'update rolled back');
    this.deps.restart(`rolled back to ${kept.previous}`);
  }

  /** Asks the feed; installs what it offers when the time is right. */
  async check(): Promise<void> {
    const kept = readState(this.deps.root);
    if (kept.trial) return;
    const feed = await this.deps.client.hostFeed();
    if (!feed || !semver.gt(feed.version, appVersion)) {
      if (this.#state.state !== 'rolled-back') this.#state = { state: 'current', offered: feed?.version ?? null };
      return;
    }
    if (kept.rolledBack?.version === feed.version) return;
    const hours = this.deps.hours();
    if (hours && openingState(hours, this.deps.now()).open) {
      this.#state = { state: 'held', offered: feed.version, reason: 'opening hours' };
      return;
    }
    if (this.deps.sessionActive()) {
      this.#state = { state: 'held', offered: feed.version, reason: 'a citizen is at the machine' };
      return;
    }
    this.#state = { state: 'installing', offered: feed.version };
    try {
      await this.install(feed.version, feed.url, feed.sha512);
    } catch (error) {
      this.#state = { state: 'failed', offered: feed.version, reason: (error as Error).message.slice(0, 300) };
      throw error;
    }
    writeState(this.deps.root, { current: feed.version, previous: appVersion, trial: { version: feed.version, bootsLeft: TRIAL_BOOTS, since: new Date(this.deps.now()).toISOString() }, rolledBack: null });
    pointCurrent(this.deps.root, feed.version);
    this.deps.restart(`update to ${feed.version}`);
  }

  private async install(version: string, url: string, sha512: string): Promise<void> {
    const bytes = await this.deps.client.download(url);
    const actual = createHash('sha512').update(bytes).digest('base64');
    if (actual !== sha512) throw new Error(`release ${version}: the download's SHA-512 does not match the feed`);
    const releases = path.join(this.deps.root, 'releases');
    const target = path.join(releases, version);
    const staging = `${target}.partial`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const archive = `${staging}.tar.gz`;
    writeFileSync(archive, bytes);
    try {
      await run('tar', ['-xzf', archive, '-C', staging]);
    } finally {
      rmSync(archive, { force: true });
    }
    if (!existsSync(path.join(staging, 'bin', 'tongban.js'))) throw new Error(`release ${version}: the package has no bin/tongban.js`);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  }
}
