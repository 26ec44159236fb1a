import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `export NAME="${NAME:-value}"` lines of scripts/start.sh, and the node flags of its `exec node`. */
function startScript() {
  const text = readFileSync('scripts/start.sh', 'utf8');
  const env = Object.fromEntries([...text.matchAll(/^export (\w+)="\$\{\1:-([^}]*)\}"$/gm)].map((m) => [m[1], m[2]]));
  const flags = /^exec node ((?:--\S+ )*)bin\/tongban\.js start/m.exec(text)?.[1]?.trim().split(' ') ?? [];
  return { env, flags };
}

/** `Environment=A=1 B=2` lines (all but TONGBAN_CONFIG) and the node flags of ExecStart in the systemd unit. */
function systemdUnit() {
  const text = readFileSync('build/linux-kiosk/tongban-host.service', 'utf8');
  const env = Object.fromEntries(
    [...text.matchAll(/^Environment=(.+)$/gm)]
      .flatMap((m) => (m[1] as string).split(' '))
      .map((pair) => pair.split('=') as [string, string])
      .filter(([name]) => name !== 'TONGBAN_CONFIG'),
  );
  const flags = /^ExecStart=.* \/usr\/bin\/node ((?:--\S+ )*)@APP_DIR@\/bin\/tongban\.js start/m.exec(text)?.[1]?.trim().split(' ') ?? [];
  return { env, flags };
}

describe("the terminal's memory settings", () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-launch-flags-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('are the same for `npm start` and for the systemd unit a kiosk runs', () => {
    const script = startScript();
    expect(script.env).toEqual({ MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' });
    expect(script.flags).toEqual(['--max-semi-space-size=1']);
    expect(systemdUnit()).toEqual(script);
  });

  it('reach the terminal through the self-updating launcher, which hands on its node flags', () => {
    // A release whose bin/tongban.js prints the flags and the environment it was started with.
    const bin = path.join(root, 'releases', '1.0.0', 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'tongban.js'), "console.log(JSON.stringify({ flags: process.execArgv, trim: process.env.MALLOC_TRIM_THRESHOLD_ }));\n");
    symlinkSync(path.join('releases', '1.0.0'), path.join(root, 'current'));
    copyFileSync('build/linux-kiosk/tongban-launch.mjs', path.join(root, 'tongban-launch.mjs'));
    const out = execFileSync(process.execPath, ['--max-semi-space-size=1', path.join(root, 'tongban-launch.mjs'), 'start'], {
      env: { ...process.env, TONGBAN_ROOT: root, MALLOC_TRIM_THRESHOLD_: '131072' },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ flags: ['--max-semi-space-size=1'], trim: '131072' });
  });
});
