import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventData, EventName } from '../../../contract/terminal/api';
import { EventBus } from '../../../main/api/event-bus';
import { ApiFailure } from '../../../main/api/dispatcher';
import { CounterService } from '../../../main/counter/counter-service';
import { StaffClient } from '../../../main/counter/staff-client';
import { demoCatalogue, type DemoCredentials, type RunningPlatform } from '../../../platform';
import { certificateCase, client, ELDERLY_ID, startSeeded } from '../platform/helpers';

/**
 * The counter's desk against the reference platform over real HTTP (SQLite): sign-in, the live
 * queue from the event stream, calls, decisions, the lock, expiry and concurrent calls.
 */
describe('counter service against the platform', () => {
  let platform: RunningPlatform;
  let demo: DemoCredentials;
  let dir: string;
  let skewMs = 0;
  const services: CounterService[] = [];
  const log = pino({ level: 'silent' });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-counter-'));
    ({ platform, demo } = await startSeeded({ db: path.join(dir, 'platform.db'), now: () => Date.now() + skewMs }));
  });

  afterAll(async () => {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const service of services.splice(0)) await service.dispose();
    skewMs = 0;
    await drain();
  });

  function desk(options: { lockAfterMs?: number; windowName?: string; card?: { name: string; idNumber: string }; client?: StaffClient } = {}) {
    const events = new EventBus();
    const seen: Array<{ event: EventName; data: unknown }> = [];
    events.subscribe((frame) => seen.push(frame));
    const service = new CounterService({
      client: options.client ?? new StaffClient({ baseUrl: platform.url }),
      windowName: options.windowName ?? '3号窗口',
      lockMinutes: 10,
      lockAfterMs: options.lockAfterMs,
      events,
      log,
      reconnectMs: 100,
      cardOnReader: () => options.card,
      catalogue: async () => demoCatalogue,
    });
    services.push(service);
    const next = <E extends EventName>(event: E, match: (data: EventData<E>) => boolean = () => true, timeoutMs = 3000) =>
      new Promise<EventData<E>>((resolve, reject) => {
        const found = seen.find((f) => f.event === event && match(f.data as EventData<E>));
        if (found) return resolve(found.data as EventData<E>);
        const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
        const off = events.subscribe((frame) => {
          if (frame.event === event && match(frame.data as EventData<E>)) {
            clearTimeout(timer);
            off();
            resolve(frame.data as EventData<E>);
          }
        });
      });
    return { service, seen, next };
  }

  async function submit(idNumber?: string) {
    const body = certificateCase({}, idNumber);
    const answer = await client(platform.url)('POST', '/v1/cases', { token: demo.kiosk.credential, json: body });
    expect(answer.status).toBe(201);
    return { caseId: body.caseId, queueNumber: answer.body.queueNumber as string };
  }

  /** Every test starts with an empty queue. */
  async function drain() {
    const call = client(platform.url);
    const signIn = await call('POST', '/v1/staff/sessions', { json: { username: demo.clerk.username, password: demo.clerk.password } });
    const token = signIn.body.token as string;
    for (let answer = await call('POST', '/v1/queue/claim', { token, json: {} }); answer.status === 200; answer = await call('POST', '/v1/queue/claim', { token, json: {} })) {
      await call('POST', `/v1/cases/${answer.body.caseId}/decisions`, { token, json: { decision: 'reject', reason: 'test clean-up' } });
    }
  }

  it('refuses wrong credentials, and acts only once signed in', async () => {
    const { service } = desk();
    expect(await service.signIn(demo.clerk.username, 'not-the-password')).toEqual({ ok: false, reason: 'wrong-credentials' });
    expect(service.status().state).toBe('signed-out');
    await expect(service.queue()).rejects.toMatchObject({ code: 'not-allowed' });
    const outcome = await service.signIn(demo.clerk.username, demo.clerk.password);
    expect(outcome).toMatchObject({ ok: true, status: { state: 'active', staff: { username: 'demo.clerk' } } });
    expect(JSON.stringify(service.status())).not.toContain('tbs_');
  });

  it('pushes the queue live when a kiosk submits, and calls the next case with the announcement', async () => {
    const { service, next } = desk();
    await service.signIn(demo.clerk.username, demo.clerk.password);
    const young = await submit();
    const elderly = await submit(ELDERLY_ID);
    const view = await next('counter.queue', (q) => q.waiting.some((c) => c.caseId === young.caseId) && q.waiting.some((c) => c.caseId === elderly.caseId));
    expect(view.waiting.find((c) => c.caseId === elderly.caseId)?.priorityReasons).toEqual(['elderly']);

    const first = await service.callNext();
    // The platform's rule: priority first, so the elderly applicant who came later is called first.
    expect(first.case?.caseId).toBe(elderly.caseId);
    expect(first.called).toMatchObject({ queueNumber: elderly.queueNumber, announcement: `请${elderly.queueNumber}号到3号窗口`, recall: false });
    expect(await next('counter.called')).toMatchObject({ queueNumber: elderly.queueNumber });
    expect(service.status().current?.caseId).toBe(elderly.caseId);

    await expect(service.callNext()).rejects.toMatchObject({ code: 'not-allowed' });
    const again = await service.recall(elderly.caseId);
    expect(again).toMatchObject({ recall: true, announcement: `请${elderly.queueNumber}号到3号窗口` });
    // The wall reads the calls the platform kept: this window's, or every window's.
    expect(await service.wall()).toMatchObject({ current: { caseId: elderly.caseId, recall: true, timeliness: null }, recent: [] });
    expect(await service.wall('all')).toMatchObject({ current: { caseId: elderly.caseId, windowName: '3号窗口' }, recent: [] });

    const skipped = await service.skip(elderly.caseId, '叫号三次未到');
    expect(skipped.status).toBe('queued');
    expect(service.status().current).toBeNull();
    const review = await service.review(elderly.caseId);
    expect(review.history.map((e) => e.type)).toEqual(['submitted', 'claimed', 'released']);
    expect(review.history[2]!.reason).toBe('未到场：叫号三次未到');
  });

  it('a slow queue read never lands after a newer one: the case submitted meanwhile stays on the screen', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    let answered = 0;
    // The platform answers the first read, but it reaches the desk only after a case was submitted.
    class FirstReadDelayed extends StaffClient {
      override async queue(token: string) {
        const answer = await super.queue(token);
        if (++asked === 1) await held;
        answered += 1;
        return answer;
      }
    }
    const { service, seen, next } = desk({ client: new FirstReadDelayed({ baseUrl: platform.url }) });
    await service.signIn(demo.clerk.username, demo.clerk.password);
    await expect.poll(() => asked, { timeout: 3000 }).toBe(1);
    const late = await submit();
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await next('counter.queue', (q) => q.waiting.some((c) => c.caseId === late.caseId));
    await expect.poll(() => answered).toBe(asked);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const shown = seen.filter((f) => f.event === 'counter.queue').at(-1)!.data as EventData<'counter.queue'>;
    expect(shown.waiting.map((c) => c.caseId)).toContain(late.caseId);
  });

  it('moves a case through accept, transfer and complete, and through reject and 补正', async () => {
    const { service } = desk();
    await service.signIn(demo.clerk.username, demo.clerk.password);
    const before = (await service.stats()).cases.byStatus;
    const a = await submit();
    const b = await submit();
    const c = await submit();

    expect((await service.callNext()).case?.caseId).toBe(a.caseId);
    const review = await service.review(a.caseId);
    expect(review.detail.applicantMasked.idNumber).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    const revealed = await service.reveal(a.caseId, '核对身份证件');
    expect(revealed.applicant.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect((await service.decide(a.caseId, { decision: 'accept' })).status).toBe('accepted');
    expect(service.status().current?.status).toBe('accepted');
    expect((await service.decide(a.caseId, { decision: 'transfer', department: 'social-insurance' })).status).toBe('transferred');
    expect(service.status().current).toBeNull();
    expect((await service.decide(a.caseId, { decision: 'complete', result: '参保缴费证明一份' })).status).toBe('completed');

    expect((await service.callNext()).case?.caseId).toBe(b.caseId);
    expect((await service.decide(b.caseId, { decision: 'reject', reason: 'not-eligible', text: '未在本区参保' })).status).toBe('rejected');
    const rejected = await service.review(b.caseId);
    expect(rejected.detail.decision?.reason).toBe('申请人不符合办理条件：未在本区参保');

    expect((await service.callNext()).case?.caseId).toBe(c.caseId);
    const asked = await service.decide(c.caseId, { decision: 'request-materials', missingMaterials: ['户口簿', '户口簿', '租房合同'] });
    expect(asked.status).toBe('awaiting-materials');
    expect((await service.review(c.caseId)).detail.decision?.missingMaterials).toEqual(['户口簿', '租房合同']);

    const after = (await service.stats()).cases.byStatus;
    const delta = (status: string) => (after[status] ?? 0) - (before[status] ?? 0);
    expect([delta('completed'), delta('rejected'), delta('awaiting-materials')]).toEqual([1, 1, 1]);
  });

  it('two desks calling next at the same moment never get the same case', async () => {
    const one = desk({ windowName: '1号窗口' });
    const two = desk({ windowName: '2号窗口' });
    await one.service.signIn(demo.clerk.username, demo.clerk.password);
    await two.service.signIn(demo.admin.username, demo.admin.password);
    for (let round = 0; round < 5; round += 1) {
      const a = await submit();
      const b = await submit();
      const [x, y] = await Promise.all([one.service.callNext(), two.service.callNext()]);
      expect(new Set([x.case?.caseId, y.case?.caseId])).toEqual(new Set([a.caseId, b.caseId]));
      await one.service.skip(x.case!.caseId, 'test');
      await two.service.skip(y.case!.caseId, 'test');
      await drain();
    }
    const only = await submit();
    const [x, y] = await Promise.all([one.service.callNext(), two.service.callNext()]);
    expect([x.case?.caseId, y.case?.caseId].filter(Boolean)).toEqual([only.caseId]);
  });

  it('locks after the idle time and unlocks only with the password', async () => {
    const { service, next } = desk({ lockAfterMs: 200 });
    await service.signIn(demo.clerk.username, demo.clerk.password);
    await next('counter.status', (s) => s.state === 'locked');
    await expect(service.callNext()).rejects.toMatchObject({ code: 'not-allowed', message: expect.stringContaining('locked') });
    expect(await service.unlock('wrong-password')).toEqual({ ok: false, reason: 'wrong-credentials' });
    expect(service.status().state).toBe('locked');
    expect(await service.unlock(demo.clerk.password)).toMatchObject({ ok: true, status: { state: 'active' } });
    await expect(service.queue()).resolves.toMatchObject({ waiting: [] });
  });

  it('an expired staff session cannot act; the desk says so and is cleared', async () => {
    const { service, next } = desk();
    await service.signIn(demo.clerk.username, demo.clerk.password);
    const a = await submit();
    await service.callNext();
    skewMs = 9 * 3_600_000;
    const failure = await service.decide(a.caseId, { decision: 'accept' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ code: 'not-allowed', message: expect.stringContaining('expired') });
    expect(await next('counter.status', (s) => s.state === 'expired')).toMatchObject({ staff: null, current: null });
    await expect(service.callNext()).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('sign-out releases the case on the desk and ends the platform session', async () => {
    const { service } = desk();
    await service.signIn(demo.clerk.username, demo.clerk.password);
    const a = await submit();
    await service.callNext();
    await service.signOut();
    expect(service.status()).toMatchObject({ state: 'signed-out', staff: null, current: null });
    await expect(service.review(a.caseId)).rejects.toMatchObject({ code: 'not-allowed' });
    const other = desk();
    await other.service.signIn(demo.admin.username, demo.admin.password);
    expect((await other.service.review(a.caseId)).detail.status).toBe('queued');
  });

  it('walk-in: creates a case with source counter that joins the queue', async () => {
    const { service, next } = desk();
    await service.signIn(demo.clerk.username, demo.clerk.password);
    const body = certificateCase();
    const receipt = await service.createCase({ serviceCode: body.serviceCode, applicant: body.applicant, values: body.form, disabled: true });
    const view = await next('counter.queue', (q) => q.waiting.some((c) => c.caseId === receipt.caseId));
    expect(view.waiting.find((c) => c.caseId === receipt.caseId)).toMatchObject({ source: 'counter', priorityReasons: ['disabled'] });
    await expect(
      service.createCase({ serviceCode: body.serviceCode, applicant: body.applicant, values: { ...body.form, purpose: 'nonsense' }, disabled: false }),
    ).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('form.purpose') });
  });

  it('passes a material scan through from the platform, and only one the case names', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const sha256 = createHash('sha256').update(png).digest('hex');
    const call = client(platform.url);
    expect((await call('PUT', `/v1/blobs/${sha256}`, { token: demo.kiosk.credential, body: png, headers: { 'content-type': 'image/png' } })).status).toBe(201);
    const body = certificateCase({ materials: [{ code: 'id-card', blob: sha256 }] });
    expect((await call('POST', '/v1/cases', { token: demo.kiosk.credential, json: body })).status).toBe(201);
    const { service } = desk();
    await service.signIn(demo.clerk.username, demo.clerk.password);
    const scan = await service.material(body.caseId, sha256);
    expect(scan.contentType).toBe('image/png');
    expect(Buffer.from(scan.dataBase64, 'base64').equals(png)).toBe(true);
    await expect(service.material(body.caseId, 'a'.repeat(64))).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('walk-in from the card on the counter reader: the terminal fills the applicant and the card fields', async () => {
    const body = certificateCase({}, ELDERLY_ID);
    const { service } = desk({ card: { name: '李四', idNumber: ELDERLY_ID } });
    await service.signIn(demo.clerk.username, demo.clerk.password);
    const { name: _name, idNumber: _id, ...typed } = body.form as Record<string, string>;
    const receipt = await service.createCase({ serviceCode: body.serviceCode, applicant: { fromCard: true }, values: typed, disabled: false });
    expect(receipt.priorityReasons).toEqual(['elderly']);
    const revealed = await service.reveal(receipt.caseId, '核对现场受理信息');
    expect(revealed.applicant).toEqual({ name: '李四', idNumber: ELDERLY_ID });
    expect(revealed.form).toMatchObject({ name: '李四', idNumber: ELDERLY_ID });

    const noCard = desk();
    await noCard.service.signIn(demo.clerk.username, demo.clerk.password);
    await expect(noCard.service.createCase({ serviceCode: body.serviceCode, applicant: { fromCard: true }, values: typed, disabled: false })).rejects.toMatchObject({
      code: 'not-allowed',
    });
  });
});
