import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml cannot be built here (no Electron download), so it is checked against
 * electron-builder's own JSON schema, and for the targets and fuses the terminal needs.
 */
const root = process.cwd();
const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

// The schema is generated from TypeScript and carries keywords ajv does not know; strict
// mode would reject the schema itself, not the configuration.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

interface Target {
  target: string;
  arch: string[];
}

function targets(platform: 'linux' | 'win'): Target[] {
  return ((config[platform] as { target: Target[] }).target ?? []).map((t) => ({ target: t.target, arch: [...t.arch].sort() }));
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder’s schema', () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('passes electron-builder’s own loading and validation', async () => {
    const loaded = await getConfig(root, null, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    expect(loaded.appId).toBe(config.appId);
    const misspelt = { ...loaded, asarr: true } as typeof loaded;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/asarr/);
  });

  it('the schema check bites: a misspelt key or a wrong type is refused', () => {
    expect(validate({ ...config, asarr: true })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNode: 'no' } })).toBe(false);
    expect(validate({ ...config, linux: { target: [{ target: 'deb', arch: ['sparc'] }] } })).toBe(false);
  });

  it('builds deb and AppImage for x64 and arm64, and a Windows NSIS installer', () => {
    expect(targets('linux')).toEqual(
      expect.arrayContaining([
        { target: 'deb', arch: ['arm64', 'x64'] },
        { target: 'AppImage', arch: ['arm64', 'x64'] },
      ]),
    );
    expect(targets('win').map((t) => t.target)).toContain('nsis');
  });

  it('sets the fuses of the security checklist', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into asar, unpacks and rebuilds the native modules for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    const unpacked = (config.asarUnpack as string[]).join('\n');
    for (const native of ['better-sqlite3', 'serialport', 'node-hid']) expect(unpacked).toContain(`node_modules/${native}/`);
  });

  it('packs only what runs: the built shell and UI, not the sources', () => {
    const files = config.files as string[];
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.mjs');
  });
});
