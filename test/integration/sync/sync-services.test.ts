import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CaseStore, type StatusChange } from '../../../main/store/case-store';
import { keyFileProvider } from '../../../main/store/key-file';
import { LocalStore } from '../../../main/store/local-store';
import { CatalogueCache } from '../../../main/sync/catalogue-cache';
import { PlatformHttpError } from '../../../main/platform-link/errors';
import { healthReport, HealthReporter } from '../../../main/sync/health-reporter';
import { OutboxWorker } from '../../../main/sync/outbox-worker';
import { PlatformClient } from '../../../main/sync/platform-client';
import { StatusFeed } from '../../../main/sync/status-feed';
import { kioskCase, splitCredential } from './kiosk-fixtures';
import { until } from '../../support/until';
import { PlatformHarness } from './platform-harness';

describe('the terminal syncing with the platform over HTTP', () => {
  const harness = new PlatformHarness();
  let store: LocalStore;
  let cases: CaseStore;
  let client: PlatformClient;
  let staff: string;
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    await harness.start();
    store = LocalStore.open({ file: path.join(harness.dir, 'kiosk', 'terminal.db'), keys: keyFileProvider(path.join(harness.dir, 'keys', 'store.key')) });
    cases = new CaseStore(store);
    client = new PlatformClient({ baseUrl: harness.url, credential: splitCredential(harness.kioskCredential), timeoutMs: 2_000, streamIdleMs: 20_000 });
    staff = await harness.staffToken();
  });

  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  afterAll(async () => {
    store?.close();
    await harness.dispose();
  });

  function startWorker(): OutboxWorker {
    const worker = new OutboxWorker({ store, cases, client, backoff: { baseMs: 50, capMs: 400 } });
    worker.start();
    stops.push(() => worker.stop());
    return worker;
  }

  it('keeps taking cases while the platform is down, then drains the outbox in order and loses nothing', async () => {
    const worker = startWorker();
    const connectivity: boolean[] = [];
    worker.on('connectivity', ({ online }) => connectivity.push(online));
    const ids: string[] = [];
    for (let n = 0; n < 5; n += 1) ids.push(cases.record(kioskCase(n)).caseId);
    await worker.whenDrained();

    await harness.stop();
    for (let n = 5; n < 30; n += 1) ids.push(cases.record(kioskCase(n)).caseId);
    await until(() => connectivity.at(-1) === false, 'the worker to notice the platform is gone');
    // Down for a while: several retries, each one refused at the socket.
    await until(() => (cases.outboxHead()?.attempts ?? 0) >= 3, 'retries against the stopped platform');
    expect(worker.pending()).toBe(25);
    expect(cases.get(ids[5]!)).toMatchObject({ sync: { state: 'pending' }, status: null });
    expect(cases.outboxHead()!.caseId).toBe(ids[5]);
    expect(cases.outboxHead()!.lastError).toMatch(/unreachable/);

    await harness.start();
    await worker.whenDrained();
    expect(connectivity).toEqual([true, false, true]);

    const submitted = (await harness.allEvents(staff)).filter((e) => e.type === 'submitted').map((e) => e.caseId);
    expect(submitted).toEqual(ids);
    for (const id of ids) expect(cases.get(id)).toMatchObject({ sync: { state: 'synced' }, status: 'queued' });
    // The scans left the kiosk once the platform had them.
    expect(store.db.prepare('SELECT count(*) AS n FROM materials WHERE sealed_data IS NOT NULL').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT count(*) AS n FROM materials WHERE uploaded_at IS NOT NULL').get()).toEqual({ n: 6 });
    expect(worker.lastSyncAt()).not.toBeNull();
  }, 60_000);

  it('parks a case the platform refuses for good, naming the field, and sends the ones behind it', async () => {
    const worker = startWorker();
    const bad = cases.record({ ...kioskCase(0), form: { ...kioskCase(0).form, fromMonth: '2020-13-40' } });
    const good = cases.record(kioskCase(2));
    const refused = new Promise((resolve) => worker.once('refused', resolve));
    await worker.whenDrained();
    expect(await refused).toMatchObject({ caseId: bad.caseId, code: 'invalid-form', field: 'form.fromMonth' });
    expect(cases.get(bad.caseId)!.sync).toMatchObject({ state: 'refused', refusal: { code: 'invalid-form', field: 'form.fromMonth' } });
    expect(cases.get(good.caseId)!.sync.state).toBe('synced');
  });

  it('learns a clerk’s decision through the status feed, into the store’s status and history', async () => {
    startWorker();
    let pulls = 0;
    const counted = {
      events: (after: number, limit?: number) => ((pulls += 1), client.events(after, limit)),
      streamEvents: client.streamEvents.bind(client),
    };
    const feed = new StatusFeed({ store, cases, client: counted, pollIntervalMs: 200 });
    const changes: StatusChange[] = [];
    const problems: string[] = [];
    feed.on('status', (change) => changes.push(change));
    feed.on('problem', ({ error }) => problems.push(error));
    feed.start();
    stops.push(() => feed.stop());

    const { caseId } = cases.record(kioskCase(7));
    await until(() => cases.get(caseId)!.sync.state === 'synced', 'the case to reach the platform');
    const claim = await harness.call(staff, 'POST', '/v1/queue/claim', { caseId });
    expect(claim.status).toBe(200);
    const decision = await harness.call(staff, 'POST', `/v1/cases/${caseId}/decisions`, {
      decision: 'request-materials',
      missingMaterials: ['居民户口簿原件'],
      note: '请携带户口簿',
    });
    expect(decision.status).toBe(200);

    await until(() => cases.get(caseId)!.status === 'awaiting-materials', 'the decision to reach the kiosk');
    const history = cases.history(caseId);
    expect(history.map((h) => h.type)).toEqual(['submitted', 'claimed', 'materials-requested']);
    expect(history[2]).toMatchObject({ fromStatus: 'claimed', toStatus: 'awaiting-materials', actorKind: 'staff', reason: '请携带户口簿' });
    expect(history[2]!.details.missingMaterials).toEqual(['居民户口簿原件']);
    expect(changes.filter((c) => c.caseId === caseId).map((c) => c.status)).toEqual(['queued', 'claimed', 'awaiting-materials']);
    // One catch-up pull at start; everything after came over the server-sent event stream.
    expect(pulls).toBe(1);
    expect(problems).toEqual([]);
    // The clerk's note is personal enough to be sealed: it is not in the database file in clear.
    expect(Buffer.from(JSON.stringify(store.db.prepare('SELECT * FROM case_events').all())).includes(Buffer.from('请携带户口簿'))).toBe(false);

    // A feed started afresh on the same store resumes from its stored cursor and applies nothing twice.
    await feed.stop();
    const cursor = feed.cursor();
    expect(cursor).toBeGreaterThan(0);
    const again = new StatusFeed({ store, cases, client, stream: false });
    expect(await again.catchUp()).toBe(0);
    expect(again.cursor()).toBe(cursor);
  });

  it('sends the citizen’s rating of a completed case', async () => {
    startWorker();
    const { caseId } = cases.record(kioskCase(11));
    await until(() => cases.get(caseId)!.sync.state === 'synced', 'the case to reach the platform');
    expect((await harness.call(staff, 'POST', '/v1/queue/claim', { caseId })).status).toBe(200);
    expect((await harness.call(staff, 'POST', `/v1/cases/${caseId}/decisions`, { decision: 'accept' })).status).toBe(200);
    expect((await harness.call(staff, 'POST', `/v1/cases/${caseId}/decisions`, { decision: 'complete', result: '已出具证明' })).status).toBe(200);
    const rating = await client.rate(caseId, { level: 5, reasons: ['efficient'], visitId: 'visit-11' });
    expect(rating).toMatchObject({ caseId, level: 5, followUpId: null });
    await expect(client.rate(caseId, { level: 1, reasons: ['long-wait'], visitId: 'visit-11' })).rejects.toMatchObject({ status: 409 });
  });

  it('pulls events by polling when the stream is off', async () => {
    startWorker();
    const feed = new StatusFeed({ store, cases, client, stream: false, pollIntervalMs: 100 });
    feed.start();
    stops.push(() => feed.stop());
    const { caseId } = cases.record(kioskCase(9));
    await until(() => cases.get(caseId)!.sync.state === 'synced', 'the case to reach the platform');
    expect((await harness.call(staff, 'POST', '/v1/queue/claim', { caseId })).status).toBe(200);
    expect((await harness.call(staff, 'POST', `/v1/cases/${caseId}/decisions`, { decision: 'reject', reason: '不属于本中心受理范围' })).status).toBe(200);
    await until(() => cases.get(caseId)!.status === 'rejected', 'the rejection to reach the kiosk');
  });

  it('caches the catalogue with its ETag and serves the stored copy when the platform is down', async () => {
    const catalogue = new CatalogueCache({ store, client, freshMs: 0 });
    expect(await catalogue.refresh()).toBe(true);
    expect(await catalogue.refresh()).toBe(false);
    const served = await catalogue.get();
    expect(served.items.some((item) => item.code === 'si-contribution-certificate')).toBe(true);
    await harness.stop();
    try {
      await expect(catalogue.refresh()).rejects.toThrow(/unreachable/);
      expect((await catalogue.source()).version).toBe(served.version);
    } finally {
      await harness.start();
    }
  });

  it('reports the terminal’s health, which staff then see', async () => {
    const worker = new OutboxWorker({ store, cases, client });
    const devices = [{ role: 'idcard', driver: 'sim', state: 'disconnected' as const, reason: 'no reader on /dev/ttyUSB0', since: new Date().toISOString() }];
    const reporter = new HealthReporter({ client, report: () => healthReport(devices, worker), intervalMs: 60_000 });
    await reporter.reportNow();
    const terminals = await harness.call(staff, 'GET', '/v1/terminals');
    const kiosk = (terminals.body as { terminalId: string; health: unknown }[]).find((t) => t.terminalId === client.terminalId);
    expect(kiosk?.health).toMatchObject({ status: 'degraded', devices: [{ role: 'idcard', state: 'disconnected' }], outboxPending: 0 });
    expect(reporter.lastReportAt()).not.toBeNull();
  });

  it('maps a platform error to a typed error naming the field', async () => {
    const error = await client.putBlob('0'.repeat(64), 'image/png', Buffer.from('not the bytes of that hash')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformHttpError);
    expect(error).toMatchObject({ status: 400, code: 'invalid-request', field: 'sha256', route: 'PUT /v1/blobs/0000000000000000000000000000000000000000000000000000000000000000' });
    const wrong = new PlatformClient({ baseUrl: harness.url, credential: { terminalId: 'demo-kiosk-1', secret: 'not-the-secret-at-all' } });
    await expect(wrong.me()).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
  });
});
