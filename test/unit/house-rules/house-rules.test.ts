import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

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
