import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/logging/logger';
import { HostUpdater, STATE_FILE, type UpdateStateFile } from '../../../main/fleet/host-updater';
import { appVersion } from '../../../main/version';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An install root where this very version was just switched to, on trial, with 1.0.0 before it. */
function onTrial(since: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-updater-'));
  dirs.push(root);
  for (const v of ['1.0.0', appVersion]) mkdirSync(path.join(root, 'releases', v), { recursive: true });
  symlinkSync(path.join('releases', appVersion), path.join(root, 'current'));
  const state: UpdateStateFile = { current: appVersion, previous: '1.0.0', trial: { version: appVersion, bootsLeft: 1, since }, rolledBack: null };
  writeFileSync(path.join(root, STATE_FILE), JSON.stringify(state));
  return root;
}

function updater(root: string, now: number, restarts: string[]) {
  return new HostUpdater({
    client: { hostFeed: async () => null, download: async () => Buffer.alloc(0) },
    root,
    hours: () => null,
    sessionActive: () => false,
    restart: (why) => restarts.push(why),
    trialMs: 60_000,
    now: () => now,
    log: silentLogger(),
  });
}

describe('a new release on trial', () => {
  it('is committed by its first good health check', () => {
    const root = onTrial('2026-12-01T02:00:00.000Z');
    const restarts: string[] = [];
    const u = updater(root, Date.parse('2026-12-01T02:00:10.000Z'), restarts);
    expect(u.view().state).toBe('trial');
    u.healthChecked(true);
    expect(JSON.parse(readFileSync(path.join(root, STATE_FILE), 'utf8'))).toMatchObject({ current: appVersion, trial: null });
    expect(u.view().state).toBe('current');
    expect(restarts).toEqual([]);
  });

  it('is rolled back when its health check keeps failing past the trial time', () => {
    const root = onTrial('2026-12-01T02:00:00.000Z');
    const restarts: string[] = [];
    updater(root, Date.parse('2026-12-01T02:00:30.000Z'), restarts).healthChecked(false, 'platform unreachable');
    expect(restarts).toEqual([]);
    updater(root, Date.parse('2026-12-01T02:01:30.000Z'), restarts).healthChecked(false, 'platform unreachable');
    expect(restarts).toEqual(['rolled back to 1.0.0']);
    expect(readlinkSync(path.join(root, 'current'))).toBe(path.join('releases', '1.0.0'));
    expect(JSON.parse(readFileSync(path.join(root, STATE_FILE), 'utf8'))).toMatchObject({
      current: '1.0.0',
      trial: null,
      rolledBack: { version: appVersion, reason: expect.stringContaining('platform unreachable') },
    });
  });
});
