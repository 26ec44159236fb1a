import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../platform';
import { until } from '../../support/until';

const KIOSK = { terminalId: 'demo-kiosk-1', secret: 'demo-kiosk-secret-not-for-production' };
const ALL_DAY = Array.from({ length: 7 }, () => [{ from: '00:00', to: '23:59' }]);
const NEVER = Array.from({ length: 7 }, () => []);

function buildRelease(version: string, out: string): string {
  return execFileSync(process.execPath, ['scripts/build-host-release.mjs', '--version', version, '--out', out], { encoding: 'utf8' }).trim();
}

/** A release that is broken the way a bad build is: it dies as it starts. */
function breakRelease(file: string, dir: string): void {
  const unpacked = path.join(dir, 'broken');
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', file, '-C', unpacked]);
  writeFileSync(path.join(unpacked, 'dist/cli/index.mjs'), "throw new Error('this build is broken');\n");
  execFileSync('tar', ['-czf', file, '-C', unpacked, '.']);
}

/**
 * An update of the Chromium host from A to B through the platform's feed, with two releases built
 * here by scripts/build-host-release.mjs: held while the centre is open, installed once it closes,
 * and rolled back to A when B fails its health check (B crashes at every start).
 */
describe('Chromium host update: feed, hold in opening hours, rollback on failed health', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-update-'));
  const root = path.join(dir, 'opt-tongban');
  let platform: RunningPlatform;
  let token: string;
  let terminal: ChildProcess | undefined;
  let stopped = false;
  const exits: Array<number | null> = [];
  let output = '';

  const call = async <T>(method: string, route: string, body?: unknown, contentType = 'application/json'): Promise<T> => {
    const response = await fetch(`${platform.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
      ...(body === undefined ? {} : { body: Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const kiosk = async () =>
    (await call<Array<{ terminalId: string; heartbeat: { version: string; update?: { state: string; offered: string | null; reason?: string } } | null }>>('GET', '/v1/fleet/terminals')).find(
      (t) => t.terminalId === KIOSK.terminalId,
    )?.heartbeat;

  /** What systemd does with Restart=on-failure: start it again whenever it exits non-zero. */
  const supervise = () => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'tongban-launch.mjs'),
        'start',
        '--browser',
        'none',
        '--port',
        '0',
        ...[
          `platform.url=${platform.url}`,
          `platform.credential=${JSON.stringify(KIOSK)}`,
          `storage.dataDir=${dir}/data`,
          `storage.logDir=${dir}/log`,
          `storage.keyFile=${dir}/keys/store.key`,
          'fleet.heartbeatSeconds=0.5',
          `fleet.updates.root=${root}`,
          'fleet.updates.checkSeconds=1',
        ].flatMap((set) => ['--set', set]),
      ],
      { env: { ...process.env, TONGBAN_CONFIG: '' } },
    );
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => {
      exits.push(code);
      if (!stopped && code !== 0 && exits.length < 10) terminal = supervise();
    });
    return child;
  };

  beforeAll(async () => {
    platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true });
    token = ((await (await fetch(`${platform.url}/v1/staff/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.admin', password: 'tongban-demo-admin' }) })).json()) as { token: string }).token;
    const releases = path.join(dir, 'built');
    const a = buildRelease('1.0.0', releases);
    const b = buildRelease('1.0.1', releases);
    breakRelease(b, dir);
    // Install A as setup-kiosk.sh leaves a machine: the release, `current`, shared dependencies, the launcher.
    mkdirSync(path.join(root, 'releases', '1.0.0'), { recursive: true });
    execFileSync('tar', ['-xzf', a, '-C', path.join(root, 'releases', '1.0.0')]);
    symlinkSync(path.join('releases', '1.0.0'), path.join(root, 'current'));
    symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
    copyFileSync('build/linux-kiosk/tongban-launch.mjs', path.join(root, 'tongban-launch.mjs'));
    await call('PUT', '/v1/fleet/settings', { technicianPhone: null, webhookUrl: null, webhookSecret: null, openingHours: { timeZone: 'Asia/Shanghai', week: ALL_DAY, maintenanceAt: '03:00' } });
    await call('POST', '/v1/fleet/releases/chromium-host/1.0.1?fileName=tongban-host-1.0.1.tar.gz&rolloutPercent=100', readFileSync(b), 'application/octet-stream');
    terminal = supervise();
  }, 120_000);

  afterAll(async () => {
    stopped = true;
    if (terminal && terminal.exitCode === null) {
      const exited = new Promise((resolve) => terminal!.once('exit', resolve));
      terminal.kill('SIGTERM');
      await exited;
    }
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds B during opening hours, installs it after closing, and rolls back to A when B fails its health check', async () => {
    const held = await until(async () => {
      const beat = await kiosk();
      return beat?.update?.state === 'held' ? beat : undefined;
    }, `the held update\n${output}`, 60_000);
    expect(held).toMatchObject({ version: '1.0.0', update: { offered: '1.0.1', reason: 'opening hours' } });
    expect(existsSync(path.join(root, 'releases', '1.0.1'))).toBe(false);

    await call('PUT', '/v1/fleet/settings', { technicianPhone: null, webhookUrl: null, webhookSecret: null, openingHours: { timeZone: 'Asia/Shanghai', week: NEVER, maintenanceAt: '03:00' } });
    const back = await until(async () => {
      const beat = await kiosk();
      return beat?.update?.state === 'rolled-back' ? beat : undefined;
    }, `the rollback\n${output}`, 90_000);
    expect(back).toMatchObject({ version: '1.0.0', update: { offered: '1.0.1' } });
    expect(exits[0]).toBe(75); // A stopped for the update, for the supervisor to start B
    expect(exits.slice(1, 3)).toEqual([1, 1]); // B died at both of its trial starts
    expect(output).toContain('this build is broken');
    const state = JSON.parse(readFileSync(path.join(root, 'update-state.json'), 'utf8')) as { current: string; trial: unknown; rolledBack: { version: string } };
    expect(state).toMatchObject({ current: '1.0.0', trial: null, rolledBack: { version: '1.0.1' } });
    expect(readFileSync(path.join(root, 'current', 'package.json'), 'utf8')).toContain('"version": "1.0.0"');

    // B is not tried again: A keeps running.
    const restarts = exits.length;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(exits.length).toBe(restarts);
  }, 180_000);
});
