import { createHash, createHmac, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../../contract/platform/fleet';
import { SmsGatewayNotifier, startPlatform, type RunningPlatform } from '../../../platform';
import { rolloutBucket } from '../../../platform/fleet/updates';
import { startLocalPostgres, type LocalPostgres } from '../platform/local-postgres';
import { until } from '../../support/until';
import { startReceiver } from './support/receivers';
import { quietHeartbeat } from '../../fixtures/fleet/heartbeat';
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider';
import { electronUpdateFeed } from '../../../main/fleet/electron-feed';

const kiosk = 'tbt_demo-kiosk-1.demo-kiosk-secret-not-for-production';

const beat = (devices: Heartbeat['devices'], extra: Partial<Heartbeat> = {}): Heartbeat => quietHeartbeat({ devices, ...extra });

let postgres: LocalPostgres | undefined;
afterAll(() => postgres?.stop());

const stores: Array<[string, (dir: string) => Promise<string>]> = [
  ['sqlite', async (dir) => path.join(dir, 'platform.db')],
  [
    'postgres',
    async () => {
      postgres ??= await startLocalPostgres();
      return postgres.createDatabase('fleet');
    },
  ],
];

/** The platform's fleet over real HTTP, on SQLite and PostgreSQL, with a real SMS gateway and webhook receiver on loopback. */
describe.each(stores)('platform fleet on %s: heartbeats, alerts, notices, actions, signed configuration', (_dialect, database) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-fleet-'));
  let platform: RunningPlatform;
  let sms: Awaited<ReturnType<typeof startReceiver>>;
  let hook: Awaited<ReturnType<typeof startReceiver>>;
  let admin: string;

  const call = async (token: string, method: string, route: string, body?: unknown) => {
    const response = await fetch(`${platform.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const signIn = async (username: string, password: string) =>
    ((await (await fetch(`${platform.url}/v1/staff/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })).json()) as { token: string }).token;
  const openAlerts = async () => (await call(admin, 'GET', '/v1/fleet/alerts')).body as unknown as Array<{ rule: string; subject: string }>;

  beforeAll(async () => {
    sms = await startReceiver();
    hook = await startReceiver(2);
    platform = await startPlatform({
      db: await database(dir),
      seedDemo: true,
      notifier: new SmsGatewayNotifier({ url: sms.url }),
      fleet: { noHeartbeatMs: 1500, deviceDownMs: 800, sweepMs: 100, webhookRetryMs: 50 },
    });
    admin = await signIn('demo.admin', 'tongban-demo-admin');
    const settings = await call(admin, 'PUT', '/v1/fleet/settings', { technicianPhone: '13800138000', webhookUrl: hook.url, webhookSecret: 'a-webhook-secret-of-the-centre', openingHours: null });
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ webhookSecret: '****************' });
  });

  afterAll(async () => {
    await platform?.close();
    await sms?.close();
    await hook?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('raises paper out at once, tells the technician by SMS and a signed, retried webhook, and clears it when paper is back', async () => {
    const paperOut = beat([{ role: 'a4Printer', state: 'error', conditions: ['paper-out'], reason: 'media-empty-report' }]);
    expect((await call(kiosk, 'PUT', '/v1/terminals/me/heartbeat', paperOut)).status).toBe(200);
    expect(await openAlerts()).toEqual([expect.objectContaining({ rule: 'paper-out', subject: 'a4Printer' })]);
    const list = (await call(admin, 'GET', '/v1/fleet/terminals')).body as unknown as Array<{ terminalId: string; status: string }>;
    expect(list.find((t) => t.terminalId === 'demo-kiosk-1')?.status).toBe('alert');

    await platform.notificationsSettled();
    const text = (JSON.parse(sms.received.at(-1)!.body) as { to: string; text: string }).text;
    expect(text).toContain('缺纸');
    expect(text).toContain('demo-kiosk-1');
    const delivered = hook.received.at(-1)!;
    expect(hook.calls()).toBe(3); // two 503s, then delivered
    const timestamp = String(delivered.headers['x-tongban-timestamp']);
    const expected = `sha256=${createHmac('sha256', 'a-webhook-secret-of-the-centre').update(`${timestamp}.${delivered.body}`).digest('hex')}`;
    expect(delivered.headers['x-tongban-signature']).toBe(expected);
    expect(JSON.parse(delivered.body)).toMatchObject({ event: 'alert.raised', alert: { rule: 'paper-out', terminalId: 'demo-kiosk-1' } });

    await call(kiosk, 'PUT', '/v1/terminals/me/heartbeat', beat([{ role: 'a4Printer', state: 'ready', conditions: [] }]));
    expect(await openAlerts()).toEqual([]);
    await platform.notificationsSettled();
    expect((JSON.parse(sms.received.at(-1)!.body) as { text: string }).text).toContain('已恢复');
    expect(JSON.parse(hook.received.at(-1)!.body)).toMatchObject({ event: 'alert.cleared' });
  });

  it('holds a disconnected device for its grace time, and raises no-heartbeat when the terminal goes silent', async () => {
    await call(kiosk, 'PUT', '/v1/terminals/me/heartbeat', beat([{ role: 'idcard', state: 'disconnected', conditions: [] }]));
    expect(await openAlerts()).toEqual([]);
    await until(async () => (await openAlerts()).some((a) => a.rule === 'device-disconnected'), 'the held device alert');
    await until(async () => (await openAlerts()).some((a) => a.rule === 'no-heartbeat'), 'the no-heartbeat alert');
    const list = (await call(admin, 'GET', '/v1/fleet/terminals')).body as unknown as Array<{ terminalId: string; status: string }>;
    expect(list.find((t) => t.terminalId === 'demo-kiosk-1')?.status).toBe('offline');
    await call(kiosk, 'PUT', '/v1/terminals/me/heartbeat', beat([]));
    expect(await openAlerts()).toEqual([]);
    const detail = (await call(admin, 'GET', '/v1/fleet/terminals/demo-kiosk-1')).body as { history: unknown[]; pastAlerts: Array<{ rule: string }> };
    expect(detail.history.length).toBeGreaterThanOrEqual(4);
    expect(detail.pastAlerts.map((a) => a.rule)).toEqual(expect.arrayContaining(['paper-out', 'device-disconnected', 'no-heartbeat']));
  });

  it('raises outbox and disk alerts from their thresholds', async () => {
    await call(kiosk, 'PUT', '/v1/terminals/me/heartbeat', beat([], { outbox: { depth: 3, oldestAgeSeconds: 11 * 60 }, disk: { freeBytes: 5e9, totalBytes: 100e9 } }));
    expect((await openAlerts()).map((a) => a.rule).sort()).toEqual(['disk-low', 'outbox-stale']);
    await call(kiosk, 'PUT', '/v1/terminals/me/heartbeat', beat([]));
    expect(await openAlerts()).toEqual([]);
  });

  it('refuses a malformed heartbeat naming the field, and heartbeats from staff', async () => {
    const bad = await call(kiosk, 'PUT', '/v1/terminals/me/heartbeat', { ...beat([]), disk: { freeBytes: -1, totalBytes: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { field: 'disk.freeBytes' } });
    expect((await call(admin, 'PUT', '/v1/terminals/me/heartbeat', beat([]))).status).toBe(403);
  });

  it('hands a remote action to the waiting terminal and keeps who asked and what the terminal answered', async () => {
    const waiting = call(kiosk, 'GET', '/v1/terminals/me/actions?after=0&waitSeconds=10');
    const asked = await call(admin, 'POST', '/v1/fleet/terminals/demo-kiosk-1/actions', { kind: 'out-of-service', message: '请到二楼综合窗口办理' });
    expect(asked.status).toBe(201);
    const actions = (await waiting).body as unknown as Array<{ id: number; kind: string; message: string }>;
    expect(actions).toEqual([expect.objectContaining({ kind: 'out-of-service', message: '请到二楼综合窗口办理' })]);
    const ack = await call(kiosk, 'POST', `/v1/terminals/me/actions/${actions[0]!.id}/ack`, { outcome: 'done' });
    expect(ack.body).toMatchObject({ state: 'done', requestedBy: 'demo.admin (centre-admin)' });
    expect((await call(kiosk, 'POST', `/v1/terminals/me/actions/${actions[0]!.id}/ack`, { outcome: 'done' })).status).toBe(404);
    expect((await call(kiosk, 'POST', `/v1/terminals/me/actions/${actions[0]!.id + 1}/ack`, { outcome: 'done', screenshot: Buffer.from('GIF89a').toString('base64') })).status).toBe(400);
  });

  it('lets a technician see the fleet and act, but not change settings or read cases; counter staff see no fleet', async () => {
    expect((await call(admin, 'POST', '/v1/admin/staff', { username: 'tech.wang', displayName: '王技术员', role: 'technician', password: 'technician-password' })).status).toBe(201);
    const tech = await signIn('tech.wang', 'technician-password');
    expect((await call(tech, 'GET', '/v1/fleet/terminals')).status).toBe(200);
    expect((await call(tech, 'POST', '/v1/fleet/terminals/demo-kiosk-1/actions', { kind: 'reload-ui' })).status).toBe(201);
    expect((await call(tech, 'PUT', '/v1/fleet/settings', { technicianPhone: null, webhookUrl: null, webhookSecret: null, openingHours: null })).status).toBe(403);
    expect((await call(tech, 'GET', '/v1/queue')).status).toBe(403);
    const clerk = await signIn('demo.clerk', 'tongban-demo-clerk');
    expect((await call(clerk, 'GET', '/v1/fleet/terminals')).status).toBe(403);
  });

  it('signs a terminal configuration (role profile + overrides) that verifies with the published key, and keeps its history', async () => {
    expect((await call(admin, 'PUT', '/v1/fleet/config/roles/kiosk', { config: { session: { idleSeconds: 120 }, ui: { largeTypeDefault: true } } })).status).toBe(200);
    expect((await call(admin, 'PUT', '/v1/fleet/config/terminals/demo-kiosk-1', { config: { session: { idleSeconds: 60 } } })).status).toBe(200);
    const refused = await call(admin, 'PUT', '/v1/fleet/config/terminals/demo-kiosk-1', { config: { storage: { dataDir: '/tmp' } } });
    expect(refused).toMatchObject({ status: 400, body: { error: { field: 'config.storage' } } });
    const signed = (await call(kiosk, 'GET', '/v1/terminals/me/config')).body as { payload: string; signature: string };
    const key = (await (await fetch(`${platform.url}/v1/fleet/key`)).json()) as { publicKey: string };
    const publicKey = createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(signed.payload), publicKey, Buffer.from(signed.signature, 'base64url'))).toBe(true);
    expect(JSON.parse(signed.payload)).toMatchObject({ terminalId: 'demo-kiosk-1', config: { session: { idleSeconds: 60 }, ui: { largeTypeDefault: true } } });
    const history = (await call(admin, 'GET', '/v1/fleet/config/history')).body as unknown as Array<{ target: string; changedBy: string }>;
    expect(history.map((h) => h.target)).toEqual(['terminal:demo-kiosk-1', 'role:kiosk']);
    expect(history[0]?.changedBy).toBe('demo.admin');
  });

  it('offers a release only to the percentage of terminals it is rolled out to, in the feed formats the updaters read', async () => {
    const bucket = rolloutBucket('demo-kiosk-1');
    const bytes = Buffer.from('a package of bytes');
    const publish = (version: string, percent: number) =>
      fetch(`${platform.url}/v1/fleet/releases/electron/${version}?fileName=tongban-${version}.AppImage&rolloutPercent=${percent}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' },
        body: bytes,
      });
    expect((await publish('2.0.0', bucket)).status).toBe(201);
    // The bucket is outside a rollout of exactly `bucket` percent: nothing is offered yet.
    expect((await call(kiosk, 'GET', '/v1/updates/electron/latest.yml')).status).toBe(404);
    expect((await call(admin, 'PUT', '/v1/fleet/releases/electron/2.0.0/rollout', { percent: bucket + 1 })).status).toBe(200);
    // Read as the Electron build reads it: the terminal's feed settings, electron-updater's own parser and file resolution.
    const updateFeed = electronUpdateFeed({ url: platform.url, credential: { terminalId: 'demo-kiosk-1', secret: 'demo-kiosk-secret-not-for-production' } })!;
    const base = new URL(updateFeed.options.url);
    for (const channelFile of ['latest.yml', 'latest-linux.yml']) {
      const yml = await fetch(new URL(channelFile, base), { headers: updateFeed.headers });
      expect(yml.status, channelFile).toBe(200);
      const info = parseUpdateInfo(await yml.text(), channelFile, new URL(channelFile, base));
      expect(info).toMatchObject({ version: '2.0.0', files: [{ size: bytes.length }] });
      const [resolved] = resolveFiles(info, base);
      const file = await fetch(resolved!.url, { headers: updateFeed.headers });
      expect(file.status, resolved!.url.href).toBe(200);
      expect(createHash('sha512').update(Buffer.from(await file.arrayBuffer())).digest('base64')).toBe(info.files[0]!.sha512);
    }
    expect((await publish('2.0.0', 100)).status).toBe(409);
    expect((await call(kiosk, 'GET', '/v1/updates/chromium-host/latest.json')).status).toBe(404);
  });
});
