import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigReport, SignedConfig } from '../../../contract/platform/fleet';
import kioskExample from '../../../kiosk-config/examples/kiosk.json' with { type: 'json' };
import { TerminalConfig } from '../../../kiosk-config/schema';
import { silentLogger } from '../../../main/logging/logger';
import { APPLIED_FILE, pinnedKey, RemoteConfig, withAppliedConfig } from '../../../main/fleet/remote-config';
import type { DeviceProblem } from '../../../main/fleet/device-check';

const platformKeys = generateKeyPairSync('ed25519');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function signed(payload: unknown, key = platformKeys.privateKey): SignedConfig {
  const text = JSON.stringify(payload);
  return { payload: text, keyId: 'platform-1', algorithm: 'Ed25519', signature: sign(null, Buffer.from(text), key).toString('base64url') };
}

function setUp(answer: SignedConfig, down: DeviceProblem[] = []) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tongban-remote-config-'));
  dirs.push(dataDir);
  const local = TerminalConfig.parse({ ...kioskExample, storage: { ...kioskExample.storage, dataDir } });
  const reports: ConfigReport[] = [];
  const applied: number[] = [];
  const remote = new RemoteConfig({
    client: { config: async () => answer, reportConfig: async (report) => void reports.push(report) },
    local,
    terminalId: 'xh-kiosk-03',
    key: platformKeys.publicKey,
    appliedVersion: null,
    checkDevices: async () => down,
    onApplied: (version) => applied.push(version),
    log: silentLogger(),
  });
  return { remote, reports, applied, local, dataDir };
}

const payload = (config: Record<string, unknown>, version = 7) => ({ terminalId: 'xh-kiosk-03', version, issuedAt: '2026-12-01T08:00:00.000Z', config });

describe('configuration from the platform, taken whole or not at all', () => {
  it('applies a genuine, valid configuration whose devices are there, and the next start runs it', async () => {
    const { remote, reports, applied, local, dataDir } = setUp(signed(payload({ session: { idleSeconds: 120 } })));
    await remote.offered(7);
    expect(reports).toEqual([{ version: 7, outcome: 'applied' }]);
    expect(applied).toEqual([7]);
    expect(JSON.parse(readFileSync(path.join(dataDir, APPLIED_FILE), 'utf8'))).toMatchObject({ version: 7, config: { session: { idleSeconds: 120 } } });
    const next = withAppliedConfig(local, silentLogger());
    expect(next.version).toBe(7);
    expect(next.config.session).toMatchObject({ idleSeconds: 120, endOnCardRemoval: true });
    expect(next.config.devices).toEqual(local.devices);
  });

  it('refuses a payload changed after signing, and one signed by another key', async () => {
    const genuine = signed(payload({ ui: { largeTypeDefault: true } }));
    const tampered = { ...genuine, payload: genuine.payload.replace('true', 'false') };
    const first = setUp(tampered);
    await first.remote.offered(7);
    expect(first.reports[0]).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^signature: does not verify/) });
    const forged = setUp(signed(payload({}), generateKeyPairSync('ed25519').privateKey));
    await forged.remote.offered(7);
    expect(forged.reports[0]).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^signature:/) });
    expect(first.applied.concat(forged.applied)).toEqual([]);
  });

  it('refuses what the schema refuses, naming the key and value, and writes nothing', async () => {
    const { remote, reports, dataDir } = setUp(signed(payload({ session: { idleSeconds: 2 }, ui: { locale: 'fr' } })));
    await remote.offered(7);
    expect(reports[0]?.outcome).toBe('refused');
    expect(reports[0]?.reason).toContain('session.idleSeconds = 2');
    expect(reports[0]?.reason).toContain('ui.locale = "fr"');
    expect(() => readFileSync(path.join(dataDir, APPLIED_FILE))).toThrow();
  });

  it('rolls back when a named device does not come up, and does not fetch the same version again', async () => {
    const { remote, reports, applied } = setUp(signed(payload({ devices: { receiptPrinter: { transport: 'serial', path: '/dev/ttyNONE' } } })), [
      { role: 'receiptPrinter', problem: 'serial port /dev/ttyNONE does not exist' },
    ]);
    await remote.offered(7);
    await remote.offered(7);
    expect(reports).toEqual([{ version: 7, outcome: 'rolled-back', reason: 'devices: receiptPrinter: serial port /dev/ttyNONE does not exist; kept version local' }]);
    expect(applied).toEqual([]);
    expect(remote.appliedVersion()).toBeNull();
  });

  it('takes only an Ed25519 public key as the pinned key, and says what is wrong otherwise', () => {
    expect(pinnedKey(platformKeys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')).asymmetricKeyType).toBe('ed25519');
    expect(() => pinnedKey('AAAA')).toThrow(/^fleet\.platformKey: not a public key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(() => pinnedKey(rsa)).toThrow('fleet.platformKey: a rsa key, expected Ed25519');
  });
});
