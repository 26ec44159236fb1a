import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT_THRESHOLD } from '../../../contract/platform/access';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../../platform';
import { certificateCase, client, ELDERLY_ID, holdLicence, startSeeded, YOUNG_ID, type Answer, type Call, type SignIn } from './helpers';

/**
 * The platform's behaviour over real HTTP, run once on SQLite and once on PostgreSQL:
 * `newDb(name)` gives a fresh store (file path or connection URL) for each platform started.
 */
export function platformSuite(dialect: 'sqlite' | 'postgres', newDb: (name: string) => Promise<string>): void {
  describe(`platform over HTTP on ${dialect}`, () => {
    let platform: RunningPlatform, demo: DemoCredentials, call: Call, kiosk: string, clerk: string, admin: string, signIn: SignIn;
    const started: RunningPlatform[] = [];

    async function submit(body = certificateCase()): Promise<Answer> {
      return call('POST', '/v1/cases', { token: kiosk, json: body });
    }

    async function claimNext(token = clerk): Promise<Answer> {
      return call('POST', '/v1/queue/claim', { token, json: {} });
    }

    /** Claims until the queue is empty so that a test starts with nothing waiting. */
    async function drainQueue(): Promise<void> {
      for (let answer = await claimNext(); answer.status === 200; answer = await claimNext()) {
        await call('POST', `/v1/cases/${answer.body.caseId}/decisions`, { token: clerk, json: { decision: 'reject', reason: 'test clean-up' } });
      }
    }

    beforeAll(async () => {
      ({ platform, demo, call, kiosk, clerk, admin, signIn } = await startSeeded({ db: await newDb('main') }));
      started.push(platform);
    });

    afterAll(async () => {
      for (const p of started) await p.close();
    });

    it('answers health and serves a valid OpenAPI document listing the routes', async () => {
      const health = await call('GET', '/v1/health');
      expect(health.body).toMatchObject({ status: 'ok', database: dialect });
      const doc = await call('GET', '/v1/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toMatch(/^3\./);
      for (const route of ['/v1/cases', '/v1/queue/claim', '/v1/cases/{caseId}/decisions', '/v1/events', '/v1/events/stream', '/v1/catalogue']) {
        expect(Object.keys(doc.body.paths)).toContain(route);
      }
      const intake = doc.body.paths['/v1/cases'].post;
      expect(JSON.stringify(intake.requestBody)).toContain('caseId');
    });

    it('serves the catalogue with an ETag and answers 304 to If-None-Match', async () => {
      const first = await call('GET', '/v1/catalogue');
      expect(first.status).toBe(200);
      expect(first.body.demo).toBe(true);
      expect(first.body.items.length).toBeGreaterThanOrEqual(8);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^".+"$/);
      const again = await call('GET', '/v1/catalogue', { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
      const stale = await call('GET', '/v1/catalogue', { headers: { 'if-none-match': '"something-else"' } });
      expect(stale.status).toBe(200);
    });

    it('refuses requests without a valid credential', async () => {
      expect((await call('GET', '/v1/events')).status).toBe(401);
      const forged = await call('GET', '/v1/events', { token: `tbt_${demo.kiosk.terminalId}.forged-secret-forged-secret` });
      expect(forged.status).toBe(401);
      expect(forged.body.error.code).toBe('unauthenticated');
    });

    it('takes a case idempotently: same id and body give the same receipt, a changed body 409', async () => {
      const body = certificateCase();
      const first = await submit(body);
      expect(first.status).toBe(201);
      expect(first.body.queueNumber).toMatch(/^A\d{3,}$/);
      const { form, applicant, ...rest } = body;
      const reordered = { form, ...rest, applicant };
      const replay = await submit(reordered);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replay')).toBe('true');
      expect(replay.body).toEqual(first.body);
      const changed = await submit({ ...body, form: { ...body.form, purpose: 'school' } });
      expect(changed.status).toBe(409);
      expect(changed.body.error.code).toBe('conflict');
      const events = await call('GET', `/v1/cases/${body.caseId}/events`, { token: kiosk });
      expect(events.body.events.filter((e: { type: string }) => e.type === 'submitted')).toHaveLength(1);
    });

    it('names the field of a bad body', async () => {
      const missing = certificateCase();
      delete (missing.applicant as { idNumber?: string }).idNumber;
      const a = await submit(missing);
      expect(a.status).toBe(400);
      expect(a.body.error).toMatchObject({ code: 'invalid-request', field: 'applicant.idNumber' });

      const checksum = certificateCase({}, '440305199912310012');
      const b = await submit(checksum);
      expect(b.status).toBe(422);
      expect(b.body.error.field).toBe('applicant.idNumber');

      const conditional = certificateCase();
      conditional.form = { ...conditional.form, purpose: 'other' };
      const c = await submit(conditional);
      expect(c.status).toBe(422);
      expect(c.body.error.field).toBe('form.purposeOther');

      const choice = certificateCase();
      choice.form = { ...choice.form, insuranceType: 'lottery' };
      expect((await submit(choice)).body.error.field).toBe('form.insuranceType');

      const service = await submit(certificateCase({ serviceCode: 'no-such-service' }));
      expect(service.body.error.field).toBe('serviceCode');

      const huge = certificateCase();
      huge.form = { ...huge.form, filler: 'x'.repeat(300 * 1024) };
      const tooBig = await submit(huge);
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.error.code).toBe('payload-too-large');

      const notJson = await call('POST', '/v1/cases', { token: kiosk, body: '{"caseId":', headers: { 'content-type': 'application/json' } });
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.code).toBe('invalid-request');
    });

    it('stores materials as hashed blobs with size and type limits', async () => {
      const pdf = Buffer.from('%PDF-1.4\n% tongban test material\n');
      const sha = createHash('sha256').update(pdf).digest('hex');
      const put = (body: Buffer, hash: string, type = 'application/pdf') =>
        call('PUT', `/v1/blobs/${hash}`, { token: kiosk, body, headers: { 'content-type': type } });
      const created = await put(pdf, sha);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ sha256: sha, size: pdf.length, created: true });
      expect((await put(pdf, sha)).status).toBe(200);
      const mismatch = await put(pdf, 'a'.repeat(64));
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.error.field).toBe('sha256');
      expect((await put(pdf, sha, 'text/html')).status).toBe(415);
      const huge = Buffer.alloc(platform.services.ctx.settings.maxBlobBytes + 1, 1);
      const tooBig = await put(huge, createHash('sha256').update(huge).digest('hex'), 'image/png');
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.error.code).toBe('payload-too-large');

      expect((await call('GET', `/v1/blobs/${sha}`, { token: kiosk })).status).toBe(403);
      const download = await call('GET', `/v1/blobs/${sha}`, { token: clerk });
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.body).toBe(pdf.toString('utf8'));
      const trail = await call('GET', '/v1/audit', { token: admin });
      expect(trail.body.some((e: { action: string; detail: string }) => e.action === 'material-read' && e.detail === sha)).toBe(true);

      const withBlob = certificateCase({ materials: [{ code: 'id-card', blob: sha }] });
      expect((await submit(withBlob)).status).toBe(201);
      const unknownBlob = certificateCase({ materials: [{ code: 'id-card', blob: 'b'.repeat(64) }] });
      const refused = await submit(unknownBlob);
      expect(refused.status).toBe(422);
      expect(refused.body.error.field).toBe('materials.0.blob');
    });

    it('never hands one case to two of 50 concurrent claimers', async () => {
      await drainQueue();
      const clerks = await Promise.all(
        Array.from({ length: 5 }, async (_, i) => {
          const username = `claimer${i}.${dialect}`;
          const password = 'claimer-password-123';
          await call('POST', '/v1/admin/staff', { token: admin, json: { username, displayName: `Claimer ${i}`, role: 'staff', password } });
          return signIn(username, password);
        }),
      );
      const submitted = new Set<string>();
      for (let i = 0; i < 30; i += 1) {
        const body = certificateCase();
        expect((await submit(body)).status).toBe(201);
        submitted.add(body.caseId);
      }
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => claimNext(clerks[i % clerks.length])));
      const claimed = answers.filter((a) => a.status === 200).map((a) => a.body.caseId as string);
      expect(answers.filter((a) => a.status !== 200 && a.status !== 204)).toEqual([]);
      expect(claimed).toHaveLength(30);
      expect(new Set(claimed).size).toBe(30);
      expect(new Set(claimed)).toEqual(submitted);
      const queue = await call('GET', '/v1/queue', { token: clerk });
      expect(queue.body.waiting).toHaveLength(0);
    });

    it('serves the elderly first, then by arrival', async () => {
      await drainQueue();
      const young = certificateCase();
      const old = certificateCase({}, ELDERLY_ID);
      await submit(young);
      const receipt = await submit(old);
      expect(receipt.body.priorityReasons).toContain('elderly');
      expect((await claimNext()).body.caseId).toBe(old.caseId);
      expect((await claimNext()).body.caseId).toBe(young.caseId);
    });

    it('moves a case through 补正, 受理, 转办 and 办结 and refuses illegal transitions with 409', async () => {
      await drainQueue();
      const body = certificateCase();
      await submit(body);
      const decide = (json: unknown, token = clerk) => call('POST', `/v1/cases/${body.caseId}/decisions`, { token, json });

      const early = await decide({ decision: 'complete', result: '证明已打印' });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('illegal-transition');

      expect((await claimNext()).body.caseId).toBe(body.caseId);
      const other = await signIn(demo.admin.username, demo.admin.password);
      expect((await decide({ decision: 'accept' }, other)).status).toBe(409);

      const more = await decide({ decision: 'request-materials', missingMaterials: ['户口簿首页', '租赁合同'] });
      expect(more.status).toBe(200);
      expect(more.body.status).toBe('awaiting-materials');
      expect((await decide({ decision: 'accept' })).status).toBe(409);

      await holdLicence(platform, { type: 'resident-id-card', number: 'EL-0001', holderIdNumber: YOUNG_ID });
      const supplement = {
        supplementId: randomUUID(),
        materials: [{ code: 'id-card', electronicLicence: { type: 'resident-id-card', number: 'EL-0001' } }],
      };
      const supplied = await call('POST', `/v1/cases/${body.caseId}/supplements`, { token: kiosk, json: supplement });
      expect(supplied.status).toBe(200);
      expect(supplied.body.status).toBe('queued');
      const resent = await call('POST', `/v1/cases/${body.caseId}/supplements`, { token: kiosk, json: supplement });
      expect(resent.status).toBe(200);
      const another = await call('POST', `/v1/cases/${body.caseId}/supplements`, { token: kiosk, json: { ...supplement, supplementId: randomUUID() } });
      expect(another.status).toBe(409);

      expect((await claimNext()).body.caseId).toBe(body.caseId);
      expect((await decide({ decision: 'accept', note: '材料齐全' })).body.status).toBe('accepted');
      expect((await decide({ decision: 'transfer', department: 'social-insurance' })).body.department).toBe('social-insurance');
      expect((await decide({ decision: 'complete', result: '证明已邮寄' })).body.status).toBe('completed');
      const again = await decide({ decision: 'reject', reason: 'too late' });
      expect(again.status).toBe(409);

      const events = await call('GET', `/v1/cases/${body.caseId}/events`, { token: kiosk });
      expect(events.body.events.map((e: { type: string }) => e.type)).toEqual([
        'submitted',
        'claimed',
        'materials-requested',
        'materials-supplied',
        'claimed',
        'accepted',
        'transferred',
        'completed',
      ]);
      const requested = events.body.events[2];
      expect(requested.actor).toEqual({ kind: 'staff', id: 'staff-demo.clerk' });
      expect(requested.details.missingMaterials).toEqual(['户口簿首页', '租赁合同']);
    });

    it('pages events with a cursor', async () => {
      const page = await call('GET', '/v1/events?after=0&limit=2', { token: kiosk });
      expect(page.body.events).toHaveLength(2);
      expect(page.body.hasMore).toBe(true);
      const next = await call('GET', `/v1/events?after=${page.body.cursor}&limit=500`, { token: kiosk });
      expect(next.body.events[0].seq).toBeGreaterThan(page.body.cursor);
      const end = await call('GET', `/v1/events?after=${next.body.cursor}`, { token: kiosk });
      expect(end.body).toMatchObject({ events: [], cursor: next.body.cursor, hasMore: false });
      expect((await call('GET', '/v1/events?after=-1', { token: kiosk })).body.error.field).toBe('after');
    });

    it('pushes events over server-sent events', async () => {
      const controller = new AbortController();
      const cursor = (await call('GET', '/v1/events?after=0&limit=500', { token: kiosk })).body.cursor as number;
      const response = await fetch(`${platform.url}/v1/events/stream?after=${cursor}`, {
        headers: { authorization: `Bearer ${kiosk}` },
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const body = certificateCase();
      await submit(body);
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes(body.caseId)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += Buffer.from(chunk.value).toString('utf8');
      }
      controller.abort();
      const frame = text.split('\n\n').find((f) => f.includes(body.caseId))!;
      expect(frame).toMatch(/^id: \d+$/m);
      expect(frame).toContain('event: case');
      const data = JSON.parse(/^data: (.*)$/m.exec(frame)![1]!);
      expect(data).toMatchObject({ caseId: body.caseId, type: 'submitted', toStatus: 'queued' });
    });

    it("shows a kiosk only its own cases' events, and a counter terminal the whole centre", async () => {
      const second = await platform.services.access.registerTerminal(demo.centreId, { terminalId: `second-kiosk-${dialect}`, kind: 'kiosk', name: 'x' });
      const mine = certificateCase();
      await submit(mine);
      const theirs = certificateCase();
      expect((await call('POST', '/v1/cases', { token: second.credential, json: theirs })).status).toBe(201);
      const ids = async (token: string) =>
        ((await call('GET', '/v1/events?after=0&limit=500', { token })).body.events as Array<{ caseId: string }>).map((e) => e.caseId);
      const kioskSees = await ids(kiosk);
      expect(kioskSees).toContain(mine.caseId);
      expect(kioskSees).not.toContain(theirs.caseId);
      expect(await ids(second.credential)).toEqual([theirs.caseId]);
      const counterSees = await ids(demo.counter.credential);
      expect(counterSees).toEqual(expect.arrayContaining([mine.caseId, theirs.caseId]));
    });

    it('issues a signed contribution certificate that still verifies after the platform restarts', async () => {
      const db = await newDb('documents');
      const first = await startPlatform({ db, seedDemo: true });
      const request = { applicant: { name: '测试张三', idNumber: YOUNG_ID }, period: { from: '2025-01', to: '2025-12' }, visitId: 'visit-1' };
      const issued = await client(first.url)('POST', '/v1/certificates/contribution', { token: first.demoCredentials!.kiosk.credential, json: request });
      expect(issued.status).toBe(201);
      expect(issued.body.data.months).toHaveLength(12);
      expect(JSON.stringify(issued.body)).not.toContain(YOUNG_ID);
      const firstClerk = await client(first.url)('POST', '/v1/staff/sessions', { json: { username: demo.clerk.username, password: demo.clerk.password } });
      const staffCall = await client(first.url)('POST', '/v1/certificates/contribution', { token: firstClerk.body.token, json: request });
      expect(staffCall.status).toBe(403);
      await first.close();

      const second = await startPlatform({ db });
      started.push(second);
      const query = new URL(issued.body.verification.url as string).search;
      const verified = await client(second.url)('GET', `/v1/documents/verify${query}`, {});
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ status: 'genuine', document: { documentId: issued.body.documentId } });
    });

    it('answers a terminal of another centre as if the case did not exist, and shows each centre only its own queue', async () => {
      const body = certificateCase();
      await submit(body);
      await platform.services.access.createCentre(`other-${dialect}`, '另一个中心');
      const other = await platform.services.access.registerTerminal(`other-${dialect}`, { terminalId: `other-kiosk-${dialect}`, kind: 'kiosk', name: 'x' });
      const read = await call('GET', `/v1/cases/${body.caseId}`, { token: other.credential });
      expect(read.status).toBe(404);
      expect(read.body.error.code).toBe('not-found');
      expect((await call('GET', `/v1/cases/${body.caseId}/events`, { token: other.credential })).status).toBe(404);
      const supplement = await call('POST', `/v1/cases/${body.caseId}/supplements`, {
        token: other.credential,
        json: { supplementId: randomUUID(), materials: [{ code: 'id-card', paperChecked: true }] },
      });
      expect(supplement.status).toBe(404);
      const feed = await call('GET', '/v1/events?after=0&limit=500', { token: other.credential });
      expect(feed.body.events).toEqual([]);
      const taken = await call('POST', '/v1/cases', { token: other.credential, json: body });
      expect(taken.status).toBe(409);
    });

    it('audits reads and reveals, and masks ID numbers outside a reveal', async () => {
      const body = certificateCase();
      await submit(body);
      const read = await call('GET', `/v1/cases/${body.caseId}`, { token: clerk });
      expect(read.status).toBe(200);
      expect(read.body.applicantMasked.idNumber).toBe('440305********0011');
      expect(JSON.stringify(read.body)).not.toContain(YOUNG_ID);
      expect((await call('POST', `/v1/cases/${body.caseId}/reveal`, { token: kiosk, json: { purpose: 'curious' } })).status).toBe(403);
      const reveal = await call('POST', `/v1/cases/${body.caseId}/reveal`, { token: clerk, json: { purpose: '核对身份' } });
      expect(reveal.body.applicant.idNumber).toBe(YOUNG_ID);
      const trail = await call('GET', `/v1/audit?caseId=${body.caseId}`, { token: admin });
      expect(trail.body.map((e: { action: string }) => e.action).sort()).toEqual(['case-read', 'case-reveal']);
      expect(trail.body.find((e: { action: string }) => e.action === 'case-reveal').detail).toBe('核对身份');
      expect((await call('GET', '/v1/audit', { token: clerk })).status).toBe(403);
    });

    it('sends notices with the phone masked and no personal data in the text', async () => {
      const body = certificateCase();
      await submit(body);
      await platform.notificationsSettled();
      const rows = await platform.db.all<{ recipient_masked: string; text: string; status: string }>(
        'SELECT recipient_masked, text, status FROM notifications WHERE case_id = ?',
        [body.caseId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.recipient_masked).toBe('138****8000');
      expect(rows[0]!.text).not.toContain('李四');
      expect(rows[0]!.text).not.toContain(YOUNG_ID);
    });

    it('takes one rating per case; a bad one opens a follow-up that staff close; stats count it', async () => {
      const body = certificateCase();
      await submit(body);
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId: body.caseId } })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'reject', reason: '材料不齐' } })).status).toBe(200);
      const rating = { level: 1, reasons: ['long-wait', 'unclear-guidance'], comment: '等太久', visitId: body.visitId };
      const first = await call('POST', `/v1/cases/${body.caseId}/rating`, { token: kiosk, json: rating });
      expect(first.status).toBe(201);
      expect(first.body.followUpId).toEqual(expect.any(String));
      expect((await call('POST', `/v1/cases/${body.caseId}/rating`, { token: kiosk, json: rating })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${body.caseId}/rating`, { token: kiosk, json: { ...rating, level: 5 } })).status).toBe(409);
      const bad = await call('POST', `/v1/cases/${body.caseId}/rating`, { token: kiosk, json: { ...rating, level: 6 } });
      expect(bad.body.error.field).toBe('level');

      const open = await call('GET', '/v1/follow-ups?open=true', { token: clerk });
      expect(open.body.map((f: { caseId: string }) => f.caseId)).toContain(body.caseId);
      const closed = await call('POST', `/v1/follow-ups/${first.body.followUpId}/close`, { token: clerk, json: { resolution: '已电话回访并致歉', callback: { outcome: 'reached', note: '市民接受致歉' } } });
      expect(closed.body.closedAt).not.toBeNull();
      expect((await call('POST', `/v1/follow-ups/${first.body.followUpId}/close`, { token: clerk, json: { resolution: '再次' } })).status).toBe(409);

      const stats = await call('GET', '/v1/stats', { token: clerk });
      expect(stats.status).toBe(200);
      expect(stats.body.ratings.byLevel['1']).toBeGreaterThanOrEqual(1);
      expect(stats.body.ratings.badReasons.map((r: { reason: string }) => r.reason)).toContain('long-wait');
      expect(stats.body.waiting.count).toBeGreaterThan(0);
      expect(stats.body.handling.count).toBeGreaterThan(0);
    });

    it('locks a staff account after repeated failures, even against the right password', async () => {
      const username = `locked.${dialect}`;
      const password = 'correct-horse-battery';
      await call('POST', '/v1/admin/staff', { token: admin, json: { username, displayName: 'L', role: 'staff', password } });
      for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i += 1) {
        expect((await call('POST', '/v1/staff/sessions', { json: { username, password: 'wrong-password' } })).status).toBe(401);
      }
      const locking = await call('POST', '/v1/staff/sessions', { json: { username, password: 'wrong-password' } });
      expect(locking.status).toBe(423);
      const right = await call('POST', '/v1/staff/sessions', { json: { username, password } });
      expect(right.status).toBe(423);
      expect(right.body.error.code).toBe('account-locked');
    });

    it('ends staff sessions when they expire', async () => {
      let clock = Date.now();
      const timed = await startPlatform({ db: await newDb('sessions'), seedDemo: true, now: () => clock, settings: { staffSessionMinutes: 60 } });
      started.push(timed);
      const t = client(timed.url);
      const session = await t('POST', '/v1/staff/sessions', { json: { username: demo.clerk.username, password: demo.clerk.password } });
      expect(Date.parse(session.body.expiresAt)).toBe(clock + 60 * 60_000);
      expect((await t('GET', '/v1/queue', { token: session.body.token })).status).toBe(200);
      clock += 61 * 60_000;
      const expired = await t('GET', '/v1/queue', { token: session.body.token });
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('unauthenticated');
    });

    it('returns a claim abandoned past the timeout to the queue', async () => {
      const quick = await startPlatform({ db: await newDb('timeout'), seedDemo: true, settings: { claimTimeoutMinutes: 0.002 } });
      started.push(quick);
      const q = client(quick.url);
      const token = (await q('POST', '/v1/staff/sessions', { json: { username: demo.clerk.username, password: demo.clerk.password } })).body.token;
      const body = certificateCase();
      await q('POST', '/v1/cases', { token: quick.demoCredentials!.kiosk.credential, json: body });
      expect((await q('POST', '/v1/queue/claim', { token, json: {} })).body.caseId).toBe(body.caseId);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const again = await q('POST', '/v1/queue/claim', { token, json: {} });
      expect(again.body.caseId).toBe(body.caseId);
      const events = await q('GET', `/v1/cases/${body.caseId}/events`, { token });
      const released = events.body.events.find((e: { type: string }) => e.type === 'released');
      expect(released.actor).toEqual({ kind: 'system', id: 'claim-timeout' });
    });

    it('rate-limits each terminal', async () => {
      const limited = await startPlatform({ db: await newDb('limited'), seedDemo: true, rateLimitPerMinute: 5 });
      started.push(limited);
      const l = client(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) statuses.push((await l('GET', '/v1/events', { token: limited.demoCredentials!.kiosk.credential })).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses[6]).toBe(429);
      const other = await l('GET', '/v1/events', { token: limited.demoCredentials!.counter.credential });
      expect(other.status).toBe(200);
    });
  });
}
