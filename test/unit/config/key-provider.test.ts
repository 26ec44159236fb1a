import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../kiosk-config/load';
import { keyProviderFor } from '../../../main/store/key-file';

/** `storage.keyProvider` chooses where the store key comes from: the key file, or a command. */
const dir = mkdtempSync(path.join(tmpdir(), 'tongban-key-provider-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withStorage = (storage: unknown) => parseConfig({ terminal: { id: 'kiosk-01', centre: { id: 'c-01', name: '测试中心' }, role: 'kiosk' }, storage }, 'test');

describe('storage.keyProvider', () => {
  it('is the key file unless set', () => {
    const config = withStorage({ keyFile: path.join(dir, 'store.key') });
    expect(config.storage.keyProvider).toEqual({ kind: 'file' });
    expect(keyProviderFor(config.storage).description).toBe(`key file ${path.join(dir, 'store.key')}`);
  });

  it('runs the configured command and reads the key it prints', () => {
    const keyFile = path.join(dir, 'printed.key');
    const key = Buffer.alloc(32, 7);
    writeFileSync(keyFile, `${key.toString('base64')}\n`);
    const config = withStorage({ keyProvider: { kind: 'command', command: ['cat', keyFile] } });
    const provider = keyProviderFor(config.storage);
    expect(provider.description).toBe('key command cat');
    expect(provider.load().equals(key)).toBe(true);
  });

  it('refuses a command provider without a command, naming the key', () => {
    expect(() => withStorage({ keyProvider: { kind: 'command', command: [] } })).toThrow(ConfigError);
    expect(() => withStorage({ keyProvider: { kind: 'keyring' } })).toThrow(/storage\.keyProvider/);
  });
});
