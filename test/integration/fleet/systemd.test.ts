import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startWatchdog } from '../../../main/health/watchdog';
import { silentLogger } from '../../../main/logging/logger';

const run = promisify(execFile);
const UNIT = path.resolve('build/linux-kiosk/tongban-host.service');

/** The unit as setup-kiosk.sh installs it, with this checkout as the app directory. */
function rendered(dir: string, edit: (text: string) => string = (t) => t): string {
  const text = readFileSync(UNIT, 'utf8').replaceAll('@APP_DIR@', path.resolve('.')).replaceAll('@CONFIG@', '/etc/tongban/terminal.json').replaceAll('@USER@', 'root');
  const file = path.join(dir, 'tongban-host.service');
  writeFileSync(file, edit(text));
  return file;
}

describe('the Chromium host under systemd', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-systemd-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes systemd-analyze verify with nothing to say, and setup-kiosk.sh installs it', async () => {
    const { stderr } = await run('systemd-analyze', ['verify', rendered(dir)]);
    expect(stderr).toBe('');
    const text = readFileSync(UNIT, 'utf8');
    expect(text).toMatch(/^Type=notify$/m);
    expect(text).toMatch(/^WatchdogSec=\d+s$/m);
    expect(text).toMatch(/^Restart=on-failure$/m);
    expect(readFileSync('build/linux-kiosk/setup-kiosk.sh', 'utf8')).toContain('tongban-host.service');
  });

  it('fails verification when the unit is broken (the check can fail)', async () => {
    const broken = rendered(dir, (t) => t.replace('/usr/bin/cage', '/usr/bin/no-such-cage').replace('WatchdogSec=60s', 'WatchdogSec=sixty'));
    const outcome = await run('systemd-analyze', ['verify', broken]).then(
      ({ stderr }) => stderr,
      (error: { stderr: string }) => error.stderr,
    );
    expect(outcome).toContain('Failed to parse sec value');
    expect(outcome).toContain('/usr/bin/no-such-cage');
  });

  it('tells systemd it is ready and pings the watchdog over the notify socket (sd_notify)', async () => {
    const socket = path.join(dir, 'notify.sock');
    const listener = spawn('socat', ['-u', `UNIX-RECV:${socket},unlink-early`, 'STDOUT']);
    let received = '';
    listener.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stop = startWatchdog(silentLogger(), { ...process.env, NOTIFY_SOCKET: socket, WATCHDOG_USEC: '1000000' });
    try {
      await expect.poll(() => received, { timeout: 5000 }).toContain('READY=1');
      await expect.poll(() => received.split('WATCHDOG=1').length - 1, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    } finally {
      stop();
      listener.kill();
    }
  });

  it('does nothing outside systemd', () => {
    const env = { ...process.env };
    delete env.NOTIFY_SOCKET;
    expect(() => startWatchdog(silentLogger(), env)()).not.toThrow();
  });
});
