import { createHash } from 'node:crypto';
import semver from 'semver';
import { stringify } from 'yaml';
import type { HostUpdateFeed, Release, ReleaseChannel } from '../../contract/platform/fleet';
import { iso, type PlatformContext } from '../core/context';
import { notFound, PlatformError } from '../core/errors';

interface ReleaseRow {
  channel: ReleaseChannel;
  version: string;
  file_name: string;
  sha512: string;
  size: number;
  rollout_percent: number;
  released_at: number;
}

const toRelease = (row: ReleaseRow): Release => ({
  channel: row.channel,
  version: row.version,
  fileName: row.file_name,
  sha512: row.sha512,
  size: Number(row.size),
  rolloutPercent: Number(row.rollout_percent),
  releasedAt: iso(Number(row.released_at)),
});

/**
 * A terminal's place in every rollout, 0–99, from its id alone: raising a release from 10 % to
 * 30 % keeps the first 10 % and adds more, and each terminal's answer is the same on every ask.
 */
export function rolloutBucket(terminalId: string): number {
  return createHash('sha256').update(terminalId).digest().readUInt32BE(0) % 100;
}

const COLUMNS = 'channel, version, file_name, sha512, size, rollout_percent, released_at';

/**
 * The update feed: releases uploaded by an administrator, each rolled out to a percentage of
 * terminals. A terminal is offered the newest release whose rollout includes it; everything
 * else about when to install (opening hours, a citizen at the machine) is the terminal's call.
 */
export class UpdateFeed {
  constructor(private readonly ctx: PlatformContext) {}

  async publish(channel: ReleaseChannel, version: string, fileName: string, data: Buffer, rolloutPercent: number): Promise<Release> {
    if (!/^[A-Za-z0-9._-]{1,120}$/.test(fileName)) throw new PlatformError(400, 'invalid-request', 'fileName: letters, digits, . _ - only', 'fileName');
    const sha512 = createHash('sha512').update(data).digest('base64');
    const row = await this.ctx.db.get<ReleaseRow>(
      `INSERT INTO fleet_releases (channel, version, file_name, sha512, size, data, rollout_percent, released_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel, version) DO NOTHING RETURNING ${COLUMNS}`,
      [channel, version, fileName, sha512, data.length, data, rolloutPercent, this.ctx.now()],
    );
    if (!row) throw new PlatformError(409, 'conflict', `${channel} ${version} is already released; release a new version instead`, 'version');
    return toRelease(row);
  }

  async rollout(channel: ReleaseChannel, version: string, percent: number): Promise<Release> {
    const row = await this.ctx.db.get<ReleaseRow>(`UPDATE fleet_releases SET rollout_percent = ? WHERE channel = ? AND version = ? RETURNING ${COLUMNS}`, [percent, channel, version]);
    if (!row) throw notFound(`release ${channel} ${version}`);
    return toRelease(row);
  }

  async list(channel: ReleaseChannel): Promise<Release[]> {
    const rows = await this.ctx.db.all<ReleaseRow>(`SELECT ${COLUMNS} FROM fleet_releases WHERE channel = ?`, [channel]);
    return rows.map(toRelease).sort((a, b) => semver.rcompare(a.version, b.version));
  }

  /** The newest release of the channel whose rollout includes this terminal. */
  async offeredTo(channel: ReleaseChannel, terminalId: string): Promise<Release> {
    const bucket = rolloutBucket(terminalId);
    const offered = (await this.list(channel)).find((release) => bucket < release.rolloutPercent);
    if (!offered) throw notFound(`a ${channel} release rolled out to terminal ${terminalId}`);
    return offered;
  }

  /**
   * electron-updater's generic provider reads this YAML (`latest.yml`, `latest-linux.yml`) and
   * resolves each file's url against the feed's own folder: `files/…` is the file route below it.
   */
  async electronFeed(terminalId: string): Promise<string> {
    const release = await this.offeredTo('electron', terminalId);
    return stringify({
      version: release.version,
      files: [{ url: `files/${release.fileName}`, sha512: release.sha512, size: release.size }],
      path: `files/${release.fileName}`,
      sha512: release.sha512,
      releaseDate: release.releasedAt,
    });
  }

  async hostFeed(terminalId: string): Promise<HostUpdateFeed> {
    const release = await this.offeredTo('chromium-host', terminalId);
    return { version: release.version, url: `files/${release.fileName}`, sha512: release.sha512, size: release.size, releaseDate: release.releasedAt };
  }

  async file(channel: ReleaseChannel, fileName: string): Promise<Buffer> {
    const row = await this.ctx.db.get<{ data: Buffer | Uint8Array }>('SELECT data FROM fleet_releases WHERE channel = ? AND file_name = ?', [channel, fileName]);
    if (!row) throw notFound(`file ${fileName} of the ${channel} feed`);
    return Buffer.from(row.data);
  }
}
