import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifySecret as verifyPin } from '../../../common/scrypt-hash';

const tongban = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['bin/tongban.js', ...args], { encoding: 'utf8', input, timeout: 30_000 });

describe('tongban config', () => {
  it('validate passes on every example', () => {
    for (const name of ['demo', 'kiosk', 'counter']) {
      const r = tongban(['config', 'validate', `kiosk-config/examples/${name}.json`]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('valid');
    }
  });

  it('validate names the bad key and exits 1', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tongban-cli-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ terminal: { id: 'k-01', centre: { id: 'c', name: 'n' }, role: 'kiosk' }, ui: { locale: 'fr' } }));
    const r = tongban(['config', 'validate', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ui.locale = "fr": expected one of "zh-CN", "en"');
    expect(r.stderr).not.toContain('    at ');
  });

  it('hash-pin makes a hash the schema accepts and that verifies the PIN only', async () => {
    const r = tongban(['config', 'hash-pin'], '24681357\n');
    expect(r.status, r.stderr).toBe(0);
    const hash = r.stdout.trim();
    expect(await verifyPin('24681357', hash)).toBe(true);
    expect(await verifyPin('24681358', hash)).toBe(false);
    const out = execFileSync(process.execPath, ['bin/tongban.js', 'config', 'validate', '-'], {
      input: JSON.stringify({ terminal: { id: 'k-01', centre: { id: 'c', name: 'n' }, role: 'kiosk' }, technician: { pinHash: hash } }),
      encoding: 'utf8',
    });
    expect(out).toContain('valid');
    expect(tongban(['config', 'hash-pin'], '12\n').status).toBe(1);
  });
});
