import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElectronNotBuiltError, findElectronBinary, launchElectron } from '../../../main/electron/electron-binary';

/** A project folder with an `electron` package laid out as npm installs it. */
function project(base: string, name: string, options: { pathTxt?: string; binary?: string }): string {
  const dir = path.join(base, name);
  const pkg = path.join(dir, 'node_modules/electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, main: 'dist/electron/main.mjs' }));
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '41.0.0', main: 'index.js' }));
  // Importing the package where the binary is missing throws; findElectronBinary must never do it.
  writeFileSync(path.join(pkg, 'index.js'), "throw new Error('electron was imported');");
  if (options.pathTxt !== undefined) writeFileSync(path.join(pkg, 'path.txt'), options.pathTxt);
  if (options.binary !== undefined) {
    const binary = path.join(pkg, 'dist', options.binary);
    mkdirSync(path.dirname(binary), { recursive: true });
    writeFileSync(binary, '#!/bin/sh\nexit 0\n');
    chmodSync(binary, 0o755);
  }
  return dir;
}

let base: string;
beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'tongban-electron-binary-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const from = (dir: string) => path.join(dir, 'package.json');

describe('findElectronBinary', () => {
  it('returns the binary path.txt names inside dist/', () => {
    const dir = project(base, 'installed', { pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary({ from: from(dir), env: {} })).toBe(path.join(dir, 'node_modules/electron/dist/electron'));
  });

  it('returns null where the download was skipped (no path.txt, no dist/)', () => {
    const dir = project(base, 'skipped', {});
    expect(findElectronBinary({ from: from(dir), env: {} })).toBeNull();
  });

  it('returns null where path.txt names a binary that is not there', () => {
    const dir = project(base, 'half', { pathTxt: 'electron' });
    expect(findElectronBinary({ from: from(dir), env: {} })).toBeNull();
  });

  it('returns null where the electron package is not installed at all', () => {
    const dir = path.join(base, 'bare');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{}');
    expect(findElectronBinary({ from: from(dir), env: {} })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the package itself does', () => {
    const dir = project(base, 'override', { pathTxt: 'electron' });
    const dist = path.join(base, 'custom-dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectronBinary({ from: from(dir), env: { ELECTRON_OVERRIDE_DIST_PATH: dist } })).toBe(path.join(dist, 'electron'));
  });
});

describe('launchElectron', () => {
  it('refuses to launch when the shell is not built', () => {
    const dir = project(base, 'unbuilt', { pathTxt: 'electron', binary: 'electron' });
    expect(() => launchElectron('/bin/true', [], { appDir: dir })).toThrow(ElectronNotBuiltError);
  });

  it('runs the binary on the app folder with the arguments passed through, without ELECTRON_RUN_AS_NODE', async () => {
    const dir = project(base, 'built', {});
    mkdirSync(path.join(dir, 'dist/electron'), { recursive: true });
    writeFileSync(path.join(dir, 'dist/electron/main.mjs'), '');
    const out = path.join(base, 'argv.txt');
    const fake = path.join(base, 'fake-electron.sh');
    writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" "run-as-node=\${ELECTRON_RUN_AS_NODE:-unset}" > '${out}'\n`);
    chmodSync(fake, 0o755);
    const child = launchElectron(fake, ['--config', 'site.json', '--set', 'ui.locale=en'], {
      appDir: dir,
      env: { PATH: process.env.PATH, ELECTRON_RUN_AS_NODE: '1' },
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual([dir, '--config', 'site.json', '--set', 'ui.locale=en', 'run-as-node=unset']);
  });
});
