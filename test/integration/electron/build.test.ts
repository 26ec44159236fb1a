import { execFile } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * scripts/build-electron.mjs, run for real into a temporary folder: what the bundles import
 * decides whether the packaged app starts, since electron-builder ships only the production
 * dependencies and a sandboxed preload may require nothing but electron.
 */
const root = process.cwd();
const run = promisify(execFile);

interface Meta {
  inputs: Record<string, unknown>;
  outputs: Record<string, { inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string; external?: boolean }> }>;
}

let out: string;
let meta: Meta;

const output = (name: string) => {
  const key = Object.keys(meta.outputs).find((k) => k.endsWith(`/${name}`));
  if (!key) throw new Error(`no output ${name} in ${Object.keys(meta.outputs).join(', ')}`);
  return meta.outputs[key] as Meta['outputs'][string];
};

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'tongban-electron-build-'));
  await run(process.execPath, ['scripts/build-electron.mjs', '--outdir', out, '--metafile', path.join(out, 'meta.json')], { cwd: root });
  meta = JSON.parse(readFileSync(path.join(out, 'meta.json'), 'utf8')) as Meta;
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build-electron', () => {
  it('bundles the main process as an ES module that Node can parse', async () => {
    const main = output('main.mjs');
    expect(main.imports.filter((i) => i.kind === 'require-call')).toEqual([]);
    await expect(run(process.execPath, ['--check', path.join(out, 'main.mjs')])).resolves.toBeDefined();
  });

  it('keeps npm packages external, and each is a production dependency electron-builder will ship', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const builtins = new Set(builtinModules);
    const external = output('main.mjs')
      .imports.filter((i) => i.external)
      .map((i) => i.path)
      .filter((p) => !p.startsWith('node:') && !builtins.has(p) && p !== 'electron')
      .map(packageName);
    expect(external.length).toBeGreaterThan(0);
    expect(external.filter((name) => !(name in pkg.dependencies))).toEqual([]);
    expect(Object.keys(meta.inputs).filter((input) => input.includes('node_modules/'))).toEqual([]);
  });

  it('inlines JSON imports (package.json, the demo profile)', () => {
    const inputs = Object.keys(output('main.mjs').inputs);
    expect(inputs).toEqual(expect.arrayContaining(['package.json', 'kiosk-config/examples/demo.json']));
  });

  it('bundles the preload as CommonJS that requires electron and nothing else', () => {
    const preload = output('preload.cjs');
    expect(preload.imports).toEqual([{ path: 'electron', kind: 'require-call', external: true }]);
    expect(Object.keys(preload.inputs).sort()).toEqual(['main/electron/ipc-channels.ts', 'main/electron/preload.ts']);
    const code = readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    expect(code).toContain('exposeInMainWorld("tongbanBridge"');
    expect(code).not.toMatch(/\bimport\s/);
  });
});
