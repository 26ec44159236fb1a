import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import RENDERER_SAFE_CONTRACT from '../../../contract/renderer-safe.json' with { type: 'json' };

/**
 * The rules of the house are lint rules; these cases prove each one bites, by linting code
 * that breaks it as if it were a file in the folder concerned.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('house rules', () => {
  it('drivers/ may not import the terminal', async () => {
    const ids = await ruleIds('drivers/example/driver.ts', "import { startTerminal } from '../../main/terminal';\nexport const s = startTerminal;\n");
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('renderer/ may not import Node', async () => {
    const ids = await ruleIds('renderer/src/example.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n");
    expect(ids).toContain('import-x/no-nodejs-modules');
  });

  it('renderer/ may not import main/', async () => {
    const ids = await ruleIds('renderer/src/example.ts', "import { appVersion } from '../../main/version';\nexport const v = appVersion;\n");
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('only main/electron/ may import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await ruleIds('main/host/example.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('main/electron/example.ts', code)).not.toContain('no-restricted-imports');
  });

  it('platform/ shares only contract/ with the terminal', async () => {
    const bad = "import { loadConfig } from '../kiosk-config/load';\nexport const l = loadConfig;\n";
    expect(await ruleIds('platform/example.ts', bad)).toContain('import-x/no-restricted-paths');
    const good = "import { Catalogue } from '../contract/platform/catalogue';\nexport const c = Catalogue;\n";
    expect(await ruleIds('platform/example.ts', good)).toEqual([]);
  });

  it('main/ reaches the platform only through main/demo/embedded-platform.ts', async () => {
    const code = "import { demoCatalogue } from '../../platform/catalogue/demo-catalogue';\nexport const c = demoCatalogue;\n";
    expect(await ruleIds('main/sync/example.ts', code)).toContain('import-x/no-restricted-paths');
    const viaContract = "import { Catalogue } from '../../contract/platform/catalogue';\nexport const c = Catalogue;\n";
    expect(await ruleIds('main/sync/example.ts', viaContract)).toEqual([]);
  });

  it('common/ stands on contract/ only, and every room but the renderer may stand on it', async () => {
    const up = "import { appVersion } from '../main/version';\nexport const v = appVersion;\n";
    expect(await ruleIds('common/example.ts', up)).toContain('import-x/no-restricted-paths');
    const toDriver = "import { IdCardReader } from '../drivers/idcard';\nexport const r = IdCardReader;\n";
    expect(await ruleIds('common/example.ts', toDriver)).toContain('import-x/no-restricted-paths');
    const toContract = "import { Catalogue } from '../contract/platform/catalogue';\nexport const c = Catalogue;\n";
    expect(await ruleIds('common/example.ts', toContract)).toEqual([]);
    const ground = "import { Backoff } from '../../common/backoff';\nexport const b = Backoff;\n";
    expect(await ruleIds('drivers/example/driver.ts', ground)).toEqual([]);
    expect(await ruleIds('main/sync/example.ts', ground)).toEqual([]);
    expect(await ruleIds('platform/http/example.ts', ground)).toEqual([]);
    expect(await ruleIds('renderer/src/example.ts', "import { Backoff } from '../../common/backoff';\nexport const b = Backoff;\n")).toContain('import-x/no-restricted-paths');
    expect(await ruleIds('contract/example.ts', "import { Backoff } from '../common/backoff';\nexport const b = Backoff;\n")).toContain('import-x/no-restricted-paths');
  });
});

describe('the contract the renderer may run', () => {
  it.each([
    ['a value from a schema file', "import { Decision } from '../../../contract/platform/cases';\nexport const d = Decision;\n", ['@typescript-eslint/no-restricted-imports']],
    ['a type from a schema file', "import type { Decision } from '../../../contract/platform/cases';\nexport type D = Decision;\n", []],
    ['a value from a listed file', "import { canDecide } from '../../../contract/platform/case-states';\nexport const c = canDecide;\n", []],
  ])('renderer/ may import %s: %#', async (_what, code, expected) => {
    expect(await ruleIds('renderer/src/counter/example.ts', code)).toEqual(expected);
  });

  it.each(RENDERER_SAFE_CONTRACT)('%s imports nothing but other run-time-safe contract files', (file) => {
    const source = readFileSync(`${file}.ts`, 'utf8');
    for (const match of source.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
      if (match[1]) continue; // a type import is erased before the renderer runs
      const target = path.posix.join(path.posix.dirname(file), match[2] as string);
      expect(RENDERER_SAFE_CONTRACT, `${file} imports ${match[2]} at run time`).toContain(target);
    }
  });
});
