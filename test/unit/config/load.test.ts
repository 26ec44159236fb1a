import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../../kiosk-config/load';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-config-'));
function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const minimal = { terminal: { id: 'k-01', centre: { id: 'c1', name: '某中心' }, role: 'kiosk' } };

function problems(input: unknown): Array<{ key: string; value: string; expected: string }> {
  try {
    parseConfig(input, 'test.json');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('terminal configuration', () => {
  it('accepts every example profile', () => {
    for (const name of ['demo', 'kiosk', 'counter']) {
      const { config } = loadConfig({ file: `kiosk-config/examples/${name}.json`, env: {} });
      expect(config.terminal.role).toBe(name === 'counter' ? 'counter' : 'kiosk');
    }
  });

  it('fills defaults for what a file leaves out', () => {
    const config = parseConfig(minimal, 'x');
    expect(config.session).toEqual({ idleSeconds: 90, warnSeconds: 20, endOnCardRemoval: false, cardReturnSeconds: 10 });
    expect(config.ui.locale).toBe('zh-CN');
    expect(config.services.enabled).toBe('all');
    expect(config.host.port).toBe(0);
  });

  it('names the key, the value and what was expected', () => {
    const found = problems({ ...minimal, devices: { idcard: { transport: 'serial', path: '/dev/ttyUSB0', baudRate: 12345 } } });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ key: 'devices.idcard.baudRate', value: '12345' });
    expect(found[0]?.expected).toContain('115200');
  });

  it('reports a misspelt key instead of ignoring it', () => {
    expect(problems({ ...minimal, sesion: { idleSeconds: 30 } })).toEqual([
      { key: 'sesion', value: '{"idleSeconds":30}', expected: 'no such key (misspelt?)' },
    ]);
  });

  it('reports every problem at once, and hides secrets', () => {
    const found = problems({
      terminal: { id: '!', centre: { id: 'c' }, role: 'robot' },
      platform: { url: 'https://p.example/', credential: { terminalId: 't', secret: 'short' } },
    });
    const keys = found.map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining(['terminal.id', 'terminal.centre.name', 'terminal.role', 'platform.credential.secret']));
    expect(found.find((p) => p.key === 'platform.credential.secret')?.value).toBe('(hidden)');
  });

  it('refuses a warning longer than the idle timeout', () => {
    expect(problems({ ...minimal, session: { idleSeconds: 30, warnSeconds: 30 } })[0]?.key).toBe('session.warnSeconds');
  });

  it('says when the file is missing or not JSON', () => {
    expect(() => loadConfig({ file: path.join(dir, 'absent.json'), env: {} })).toThrow(/no such file/);
    expect(() => loadConfig({ file: file('broken.json', '{ "terminal": '), env: {} })).toThrow(/valid JSON/);
  });

  it('applies the environment, then --set flags, over the file', () => {
    const f = file('base.json', { ...minimal, ui: { locale: 'zh-CN' }, session: { idleSeconds: 120, warnSeconds: 20 } });
    const { config } = loadConfig({
      file: f,
      env: { TONGBAN_LOCALE: 'en', TONGBAN_SET: 'session.idleSeconds=60;host.port=8123' },
      sets: ['host.port=9000', 'terminal.id="k-02"'],
    });
    expect(config.ui.locale).toBe('en');
    expect(config.session.idleSeconds).toBe(60);
    expect(config.host.port).toBe(9000);
    expect(config.terminal.id).toBe('k-02');
  });

  it('checks overrides as strictly as the file', () => {
    expect(() => loadConfig({ file: file('ok.json', minimal), env: {}, sets: ['ui.locale=fr'] })).toThrow(/ui\.locale = "fr"/);
    expect(() => loadConfig({ env: {}, sets: ['nonsense'] })).toThrow(/key\.path=value/);
  });

  it('runs the demo site when no file is given', () => {
    const { config, source } = loadConfig({ env: {} });
    expect(source).toBe('demo profile');
    expect(config.demo).toBe(true);
    expect(config.devices.idcard).toEqual({ transport: 'simulator' });
  });

  it('resolves every storage path, the key file too, under one base for both shells', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'tongban-base-'));
    const elsewhere = path.join(tmpdir(), 'keys', 'store.key');
    const { config } = loadConfig({ env: {}, sets: [`storage.keyFile=${elsewhere}`], storageBase: base });
    expect(config.storage.dataDir).toBe(path.join(base, 'var/data'));
    expect(config.storage.logDir).toBe(path.join(base, 'var/log'));
    expect(config.storage.keyFile).toBe(elsewhere);
    const fromCwd = loadConfig({ env: { TONGBAN_DATA_DIR: 'run/data' } }).config.storage;
    expect(fromCwd.dataDir).toBe(path.resolve('run/data'));
    expect(fromCwd.keyFile).toBe(path.resolve('var/keys/store.key'));
  });
});
