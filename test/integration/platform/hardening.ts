import { createHash, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT_THRESHOLD } from '../../../contract/platform/access';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../../platform';
import { caseWithIdCardLicence, certificateCase, client, startSeeded, YOUNG_ID, type Answer, type Call } from './helpers';

/**
 * The holes an independent hostile test found in a running platform (issue 12), each
 * reproduced over real HTTP. Run once on SQLite and once on PostgreSQL.
 */
export function hardeningSuite(dialect: 'sqlite' | 'postgres', newDb: (name: string) => Promise<string>): void {
  describe(`platform hardening on ${dialect}`, () => {
    let platform: RunningPlatform, demo: DemoCredentials, call: Call, kiosk: string, clerk: string, admin: string;
    let kiosk2: string;
    let counter: string;
    let otherCentreKiosk: string;

    async function submit(body = certificateCase(), token = kiosk): Promise<Answer> {
      const answer = await call('POST', '/v1/cases', { token, json: body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer;
    }

    /** Claims the named case and asks for materials, leaving it awaiting-materials. */
    async function askForMaterials(caseId: string, note = '请补充户口簿首页'): Promise<void> {
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId } })).status).toBe(200);
      const asked = await call('POST', `/v1/cases/${caseId}/decisions`, {
        token: clerk,
        json: { decision: 'request-materials', missingMaterials: ['户口簿首页'], note },
      });
      expect(asked.status).toBe(200);
    }

    async function complete(caseId: string): Promise<void> {
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId } })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${caseId}/decisions`, { token: clerk, json: { decision: 'accept' } })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${caseId}/decisions`, { token: clerk, json: { decision: 'complete', result: '已出具证明' } })).status).toBe(200);
    }

    beforeAll(async () => {
      ({ platform, demo, call, kiosk, clerk, admin } = await startSeeded({ db: await newDb('hardening') }));
      counter = demo.counter.credential;
      kiosk2 = (await platform.services.access.registerTerminal(demo.centreId, { terminalId: 'demo-kiosk-2', kind: 'kiosk', name: '二楼自助终端' })).credential;
      await platform.services.access.createCentre('other-centre', '另一个社区中心');
      otherCentreKiosk = (await platform.services.access.registerTerminal('other-centre', { terminalId: 'other-kiosk-1', kind: 'kiosk', name: '别处' })).credential;
    });

    afterAll(async () => {
      await platform?.close();
    });

    describe('hole 1: the staff lockout', () => {
      it('evaluates no more than the allowed guesses when they arrive at once, and stays locked', async () => {
        const username = `parallel.${dialect}`;
        const password = 'the-right-password-1';
        await platform.services.access.createStaff(demo.centreId, { username, displayName: '并发', role: 'staff', password });
        const guesses = Array.from({ length: 14 }, (_, i) => `wrong-password-${i}`);
        const answers = await Promise.all([...guesses, password].map((p) => call('POST', '/v1/staff/sessions', { json: { username, password: p } })));
        expect(answers.filter((a) => a.status === 201)).toHaveLength(0);
        // The first THRESHOLD-1 wrong guesses are told "wrong"; everything after meets the lock.
        expect(answers.filter((a) => a.status === 401).length).toBeLessThan(LOCKOUT_THRESHOLD);
        expect(answers.filter((a) => a.status === 423).length).toBeGreaterThanOrEqual(15 - LOCKOUT_THRESHOLD);
        const after = await call('POST', '/v1/staff/sessions', { json: { username, password } });
        expect(after.status).toBe(423);
        expect(after.body.error.code).toBe('account-locked');
      });

      it('limits sign-in attempts per address', async () => {
        const limited = await startPlatform({ db: await newDb('signin-limit'), seedDemo: true, signInAttemptsPerMinute: 5 });
        try {
          const limitedCall = client(limited.url);
          const answers = [];
          for (let i = 0; i < 8; i += 1) {
            answers.push(await limitedCall('POST', '/v1/staff/sessions', { json: { username: `nobody${i}`, password: 'whatever-it-is' } }));
          }
          expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
          expect(answers.slice(5).map((a) => a.status)).toEqual([429, 429, 429]);
          expect(answers[7]!.body.error.code).toBe('rate-limited');
        } finally {
          await limited.close();
        }
      });
    });

    describe('hole 2: the rate limit key', () => {
      let limited: RunningPlatform;
      let limitedCall: ReturnType<typeof client>;
      beforeAll(async () => {
        limited = await startPlatform({ db: await newDb('rate-limit'), seedDemo: true, rateLimitPerMinute: 10 });
        limitedCall = client(limited.url);
      });
      afterAll(async () => {
        await limited?.close();
      });

      it('counts forged tokens under the address, not a fresh bucket each', async () => {
        const answers = await Promise.all(
          Array.from({ length: 13 }, (_, i) =>
            limitedCall('GET', '/v1/events', { token: i % 2 ? `tbt_forged${i}.${randomUUID()}${randomUUID()}` : `tbs_${randomUUID()}` }),
          ),
        );
        expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(10);
        expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(3);
      });

      it("does not let forged requests naming a real terminal spend that terminal's bucket", async () => {
        const real = limited.demoCredentials!.kiosk;
        await Promise.all(
          Array.from({ length: 10 }, () => limitedCall('GET', '/v1/events', { token: `tbt_${real.terminalId}.${'f'.repeat(43)}` })),
        );
        const intake = await limitedCall('POST', '/v1/cases', { token: real.credential, json: certificateCase() });
        expect(intake.status).toBe(201);
      });
    });

    describe('hole 3: one kiosk, its own cases', () => {
      it("refuses a second kiosk the first one's case, events, supplement and rating", async () => {
        const body = certificateCase();
        await submit(body);
        await askForMaterials(body.caseId, '给市民的备注：请带户口簿');
        for (const path of [`/v1/cases/${body.caseId}`, `/v1/cases/${body.caseId}/events`]) {
          const other = await call('GET', path, { token: kiosk2 });
          expect(other.status).toBe(404);
          expect(JSON.stringify(other.body)).not.toContain('户口簿');
        }
        const supplement = await call('POST', `/v1/cases/${body.caseId}/supplements`, {
          token: kiosk2,
          json: { supplementId: randomUUID(), materials: [{ code: 'id-card', paperChecked: true }] },
        });
        expect(supplement.status).toBe(404);
        const detail = await call('GET', `/v1/cases/${body.caseId}`, { token: kiosk });
        expect(detail.body.status).toBe('awaiting-materials');
        const rating = await call('POST', `/v1/cases/${body.caseId}/rating`, {
          token: kiosk2,
          json: { level: 1, reasons: ['long-wait'], visitId: 'made-up-visit' },
        });
        expect(rating.status).toBe(404);
        expect((await call('GET', '/v1/follow-ups', { token: clerk })).body.some((f: { caseId: string }) => f.caseId === body.caseId)).toBe(false);
      });

      it('lets another kiosk in when the citizen proves the case: case number and the last 4 of the ID number', async () => {
        const body = certificateCase();
        await submit(body);
        const wrong = await call('GET', `/v1/cases/${body.caseId}`, { token: kiosk2, headers: { 'x-case-proof': 'id-last4=9999' } });
        expect(wrong.status).toBe(404);
        const proved = await call('GET', `/v1/cases/${body.caseId}`, { token: kiosk2, headers: { 'x-case-proof': `id-last4=${YOUNG_ID.slice(-4)}` } });
        expect(proved.status).toBe(200);
        expect(proved.body.caseId).toBe(body.caseId);
      });

      it('stops guessing the last 4 digits after a few wrong proofs', async () => {
        const body = certificateCase();
        await submit(body);
        for (let i = 0; i < 5; i += 1) {
          await call('GET', `/v1/cases/${body.caseId}`, { token: kiosk2, headers: { 'x-case-proof': `id-last4=${String(1000 + i)}` } });
        }
        const right = await call('GET', `/v1/cases/${body.caseId}`, { token: kiosk2, headers: { 'x-case-proof': `id-last4=${YOUNG_ID.slice(-4)}` } });
        expect(right.status).toBe(404);
        expect((await call('GET', `/v1/cases/${body.caseId}`, { token: kiosk })).status).toBe(200);
      });

      it("rates only with the case's own visit, in a rateable state, from a terminal", async () => {
        const body = certificateCase();
        await submit(body);
        const early = await call('POST', `/v1/cases/${body.caseId}/rating`, { token: kiosk, json: { level: 5, reasons: [], visitId: body.visitId } });
        expect(early.status).toBe(409);
        await complete(body.caseId);
        const byClerk = await call('POST', `/v1/cases/${body.caseId}/rating`, { token: clerk, json: { level: 5, reasons: [], visitId: body.visitId } });
        expect(byClerk.status).toBe(403);
        const byCounter = await call('POST', `/v1/cases/${body.caseId}/rating`, { token: counter, json: { level: 5, reasons: [], visitId: body.visitId } });
        expect(byCounter.status).toBe(403);
        const madeUp = await call('POST', `/v1/cases/${body.caseId}/rating`, { token: kiosk, json: { level: 1, reasons: ['long-wait'], visitId: 'visit-made-up' } });
        expect(madeUp.status).toBe(422);
        expect(madeUp.body.error.field).toBe('visitId');
        const good = await call('POST', `/v1/cases/${body.caseId}/rating`, { token: kiosk, json: { level: 4, reasons: [], visitId: body.visitId } });
        expect(good.status).toBe(201);
      });
    });

    describe('hole 4: masking', () => {
      it('masks every personal form field, by the schema, in the masked read', async () => {
        const name = '欧阳小明';
        const address = '广东省深圳市南山区科技园路1号';
        const body = {
          caseId: randomUUID(),
          serviceCode: 'hh-residence-certificate',
          submittedAt: new Date().toISOString(),
          visitId: 'visit-mask',
          applicant: { name, idNumber: YOUNG_ID, phone: '13800138000' },
          form: {} as Record<string, string | boolean>,
        };
        const item = (await platform.services.ctx.catalogue()).items.find((i) => i.form.fields.some((f) => f.type === 'address' && !f.prefill))!;
        body.serviceCode = item.code;
        for (const field of item.form.fields) {
          if (field.showIf) continue;
          if (field.prefill === 'name') body.form[field.name] = name;
          else if (field.prefill === 'idNumber') body.form[field.name] = YOUNG_ID;
          else if (field.type === 'address') body.form[field.name] = address;
          else if (field.type === 'phone') body.form[field.name] = '13800138000';
          else if (field.type === 'date') body.form[field.name] = '2020-01-01';
          else if (field.type === 'choice') body.form[field.name] = field.options![0]!.value;
          else if (field.type === 'checkbox' || field.type === 'confirm') body.form[field.name] = true;
          else if (field.required) body.form[field.name] = field.prefill === 'sex' ? '男' : field.minLength ? '1'.repeat(Math.max(field.minLength, 12)) : '测试值';
        }
        const intake = await call('POST', '/v1/cases', { token: kiosk, json: body });
        expect(intake.status, JSON.stringify(intake.body)).toBe(201);
        const read = await call('GET', `/v1/cases/${body.caseId}`, { token: kiosk });
        expect(read.status).toBe(200);
        const text = JSON.stringify(read.body);
        expect(text).not.toContain(name);
        expect(text).not.toContain('科技园路');
        expect(text).not.toContain(YOUNG_ID);
        expect(text).not.toContain('13800138000');
      });
    });

    describe('hole 5: nothing to sign with and nothing personal in the database', () => {
      it('keeps no signing key in the store and seals the applicant, form and materials of a case', async () => {
        const name = '司马光明';
        const body = await caseWithIdCardLicence(platform, name, '13712345678');
        await submit(body);
        expect(await platform.db.all('SELECT key_id FROM signing_keys')).toEqual([]);
        const row = await platform.db.get<{ request: string }>('SELECT request FROM cases WHERE id = ?', [body.caseId]);
        for (const secret of [name, YOUNG_ID, '13712345678']) expect(row!.request).not.toContain(secret);
        const masked = await call('GET', `/v1/cases/${body.caseId}`, { token: kiosk });
        expect(JSON.stringify(masked.body)).not.toContain(YOUNG_ID);
        const reveal = await call('POST', `/v1/cases/${body.caseId}/reveal`, { token: clerk, json: { purpose: '核对' } });
        expect(reveal.body.applicant).toMatchObject({ name, idNumber: YOUNG_ID });
      });
    });

    describe('hole 6: the certificate QR code', () => {
      it('points at the configured public URL, whatever the Host header says', async () => {
        // fetch() will not send a forged Host, so the request is made by hand.
        const body = JSON.stringify({ applicant: { name: '李四', idNumber: YOUNG_ID }, period: { from: '2024-01', to: '2024-06' }, visitId: 'visit-qr' });
        const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(
            `${platform.url}/v1/certificates/contribution`,
            { method: 'POST', headers: { host: 'evil.example.com', authorization: `Bearer ${kiosk}`, 'content-type': 'application/json' } },
            (res) => {
              let text = '';
              res.on('data', (chunk: Buffer) => (text += chunk.toString()));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
            },
          );
          req.on('error', reject);
          req.end(body);
        });
        expect(answer.status).toBe(201);
        const url = (JSON.parse(answer.body) as { verification: { url: string } }).verification.url;
        expect(url).not.toContain('evil.example.com');
        expect(url.startsWith(`${platform.url}/`)).toBe(true);
        const configured = await startPlatform({ db: await newDb('public-url'), seedDemo: true, publicUrl: 'https://zwfw.example.gov.cn/tongban' });
        try {
          const issued = await client(configured.url)('POST', '/v1/certificates/contribution', { token: configured.demoCredentials!.kiosk.credential, json: JSON.parse(body) });
          expect(issued.body.verification.url.startsWith('https://zwfw.example.gov.cn/tongban/v1/documents/verify?')).toBe(true);
        } finally {
          await configured.close();
        }
      });
    });

    describe('hole 7: certificates for the session identity only, audited, per terminal', () => {
      it('refuses a second identity in one session and audits each issue with the masked ID', async () => {
        const visitId = `visit-${randomUUID().slice(0, 8)}`;
        const request = (idNumber: string) => ({ applicant: { name: '李四', idNumber }, period: { from: '2024-01', to: '2024-03' }, visitId });
        expect((await call('POST', '/v1/certificates/contribution', { token: kiosk, json: request(YOUNG_ID) })).status).toBe(201);
        const other = await call('POST', '/v1/certificates/contribution', { token: kiosk, json: request('11010519491231002X') });
        expect(other.status).toBe(409);
        const trail = await call('GET', '/v1/audit', { token: admin });
        const issued = trail.body.find((e: { action: string; detail: string }) => e.action === 'certificate-issued' && e.detail.includes(visitId));
        expect(issued).toMatchObject({ actor: { kind: 'terminal', id: demo.kiosk.terminalId } });
        expect(issued.detail).toContain('440305********0011');
        expect(JSON.stringify(trail.body)).not.toContain(YOUNG_ID);
      });

      it('refuses more certificate sessions an hour than one machine serves', async () => {
        const busy = (await platform.services.access.registerTerminal(demo.centreId, { terminalId: `busy-kiosk-${dialect}`, kind: 'kiosk', name: '压力' })).credential;
        const ask = (n: number) =>
          call('POST', '/v1/certificates/contribution', {
            token: busy,
            json: { applicant: { name: '李四', idNumber: YOUNG_ID }, period: { from: '2024-01', to: '2024-01' }, visitId: `visit-busy-${n}` },
          });
        for (let n = 0; n < 60; n += 1) expect((await ask(n)).status).toBe(201);
        const over = await ask(60);
        expect(over.status).toBe(429);
        expect((await ask(59)).status).toBe(201);
      });

      it('lets a centre admin bar a terminal from issuing', async () => {
        const barred = await call('PUT', `/v1/admin/terminals/demo-kiosk-2/certificates`, { token: admin, json: { allowed: false } });
        expect(barred.status).toBe(204);
        const refused = await call('POST', '/v1/certificates/contribution', {
          token: kiosk2,
          json: { applicant: { name: '李四', idNumber: YOUNG_ID }, period: { from: '2024-01', to: '2024-03' }, visitId: 'visit-barred' },
        });
        expect(refused.status).toBe(403);
        const other = await call('PUT', `/v1/admin/terminals/other-kiosk-1/certificates`, { token: admin, json: { allowed: false } });
        expect(other.status).toBe(404);
        expect((await call('PUT', `/v1/admin/terminals/demo-kiosk-2/certificates`, { token: admin, json: { allowed: true } })).status).toBe(204);
      });
    });

    describe('hole 8: event streams', () => {
      it('caps streams per credential with a clear error', async () => {
        const capped = await startPlatform({ db: await newDb('streams'), seedDemo: true, maxStreamsPerCaller: 3, maxStreams: 5 });
        const controllers: AbortController[] = [];
        try {
          const open = async (token: string) => {
            const controller = new AbortController();
            controllers.push(controller);
            return fetch(`${capped.url}/v1/events/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
          };
          const credential = capped.demoCredentials!.kiosk.credential;
          const first = await Promise.all([open(credential), open(credential), open(credential)]);
          expect(first.map((r) => r.status)).toEqual([200, 200, 200]);
          const fourth = await open(credential);
          expect(fourth.status).toBe(429);
          expect(((await fourth.json()) as { error: { code: string } }).error.code).toBe('too-many-streams');
          const counterStreams = await Promise.all([open(capped.demoCredentials!.counter.credential), open(capped.demoCredentials!.counter.credential)]);
          expect(counterStreams.map((r) => r.status)).toEqual([200, 200]);
          const overall = await open(capped.demoCredentials!.counter.credential);
          expect(overall.status).toBe(503);
          controllers[0]!.abort();
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect((await open(credential)).status).toBe(200);
        } finally {
          for (const c of controllers) c.abort();
          await capped.close();
        }
      });
    });

    describe('hole 9: input rules', () => {
      it('refuses names a person cannot have and normalises the rest to NFC', async () => {
        for (const name of ['李\u0000四', '李\uD800四', '李\u202E四', '李\u0007四', '\uFEFF李四', '   ', '\u3000']) {
          const body = certificateCase();
          body.applicant = { ...body.applicant, name };
          body.form = { ...body.form, name };
          const answer = await call('POST', '/v1/cases', { token: kiosk, json: body });
          expect(answer.status, JSON.stringify(name)).toBe(400);
          expect(['applicant.name', 'form.name']).toContain(answer.body.error.field);
        }
        // A CJK compatibility ideograph (U+F900) is one NFC folds into its unified form (U+8C48).
        const decomposed = '李\uF900';
        const body = certificateCase();
        body.applicant = { ...body.applicant, name: decomposed };
        body.form = { ...body.form, name: decomposed };
        await submit(body);
        const reveal = await call('POST', `/v1/cases/${body.caseId}/reveal`, { token: clerk, json: { purpose: '核对姓名' } });
        expect(reveal.body.applicant.name).toBe('李\u8C48');
      });

      it('holds staff display names and visit ids to the same rules', async () => {
        const staff = await call('POST', '/v1/admin/staff', {
          token: admin,
          json: { username: `bidi.${dialect}`, displayName: '王\u202E丽', role: 'staff', password: 'a-long-password-9' },
        });
        expect(staff.status).toBe(400);
        expect(staff.body.error.field).toBe('displayName');
        const visit = await call('POST', '/v1/cases', { token: kiosk, json: certificateCase({ visitId: 'visit \u0000 1' }) });
        expect(visit.status).toBe(400);
        expect(visit.body.error.field).toBe('visitId');
      });

      it('bounds submittedAt', async () => {
        for (const submittedAt of ['9999-12-31T00:00:00Z', '1970-01-01T00:00:00Z']) {
          const answer = await call('POST', '/v1/cases', { token: kiosk, json: certificateCase({ submittedAt }) });
          expect(answer.status).toBe(400);
          expect(answer.body.error.field).toBe('submittedAt');
        }
      });

      it('checks an upload by its magic bytes and serves it with nosniff', async () => {
        const html = Buffer.from('<html><script>alert(1)</script></html>');
        const sha = createHash('sha256').update(html).digest('hex');
        const refused = await call('PUT', `/v1/blobs/${sha}`, { token: kiosk, body: html, headers: { 'content-type': 'image/png' } });
        expect(refused.status).toBe(415);
        expect(refused.body.error.field).toBe('content-type');
        const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff6bd8b2a50000000049454e44ae426082', 'hex');
        const pngSha = createHash('sha256').update(png).digest('hex');
        expect((await call('PUT', `/v1/blobs/${pngSha}`, { token: kiosk, body: png, headers: { 'content-type': 'image/png' } })).status).toBe(201);
        const served = await call('GET', `/v1/blobs/${pngSha}`, { token: clerk });
        expect(served.headers.get('x-content-type-options')).toBe('nosniff');
        expect(served.headers.get('content-disposition')).toMatch(/^attachment/);
      });
    });

    describe('hole 10: oracles', () => {
      it('answers "not yours" like "not there"', async () => {
        const body = certificateCase();
        await submit(body);
        const foreign = await call('GET', `/v1/cases/${body.caseId}`, { token: otherCentreKiosk });
        const unknown = await call('GET', `/v1/cases/${randomUUID()}`, { token: otherCentreKiosk });
        expect(foreign.status).toBe(404);
        expect(unknown.status).toBe(404);
        expect(foreign.body.error.message.replace(body.caseId, 'X')).toBe(unknown.body.error.message.replace(/[0-9a-f-]{36}/, 'X'));
      });

      it('gives follow-ups ids nobody can count through', async () => {
        const ids: string[] = [];
        for (let i = 0; i < 2; i += 1) {
          const body = certificateCase();
          await submit(body);
          await complete(body.caseId);
          const rated = await call('POST', `/v1/cases/${body.caseId}/rating`, { token: kiosk, json: { level: 1, reasons: ['long-wait'], visitId: body.visitId } });
          expect(rated.status).toBe(201);
          ids.push(String(rated.body.followUpId));
        }
        for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
        expect(Number(ids[1]) - Number(ids[0])).not.toBe(1);
        const closed = await call('POST', `/v1/follow-ups/${ids[0]}/close`, { token: clerk, json: { resolution: '已回访致歉', callback: { outcome: 'reached', note: '已电话致歉' } } });
        expect(closed.status).toBe(200);
      });

      it('answers staff creation alike whether the username is taken here or in another centre', async () => {
        await platform.services.access.createStaff('other-centre', { username: `elsewhere.${dialect}`, displayName: '别处', role: 'staff', password: 'a-long-password-1' });
        const taken = await call('POST', '/v1/admin/staff', {
          token: admin,
          json: { username: `elsewhere.${dialect}`, displayName: '同名', role: 'staff', password: 'a-long-password-2' },
        });
        const fresh = await call('POST', '/v1/admin/staff', {
          token: admin,
          json: { username: `fresh.${dialect}`, displayName: '新人', role: 'staff', password: 'a-long-password-3' },
        });
        expect(fresh.status).toBe(201);
        expect(taken.status).not.toBe(409);
      });
    });

    describe('hole 10: terminal ids', () => {
      it('registers a terminal under the centre, so an id used by another centre tells nothing', async () => {
        const taken = await call('POST', '/v1/admin/terminals', { token: admin, json: { terminalId: 'other-kiosk-1', kind: 'kiosk', name: '同名终端' } });
        expect(taken.status).toBe(201);
        expect(taken.body.terminalId).toBe(`${demo.centreId}-other-kiosk-1`);
        expect((await call('GET', '/v1/me', { token: taken.body.credential })).body).toMatchObject({ id: `${demo.centreId}-other-kiosk-1`, centre: { id: demo.centreId } });
        const again = await call('POST', '/v1/admin/terminals', { token: admin, json: { terminalId: 'other-kiosk-1', kind: 'kiosk', name: '同名终端' } });
        expect(again.status).toBe(409);
      });
    });

    describe('hole 12: claim without a body', () => {
      it('claims the next case when the body is absent', async () => {
        await submit();
        const answer = await call('POST', '/v1/queue/claim', { token: clerk });
        expect([200, 204]).toContain(answer.status);
        const typed = await call('POST', '/v1/queue/claim', { token: clerk, headers: { 'content-type': 'application/json' } });
        expect([200, 204]).toContain(typed.status);
      });
    });

    describe('addresses the router refuses', () => {
      it('answers a broken escape and an over-long segment in the platform error shape, without echoing them', async () => {
        const long = 'a'.repeat(5000);
        for (const [path, status] of [[`/v1/public/status/${long}`, 414], [`/t/${long}`, 414], ['/v1/public/status/%zz', 400]] as const) {
          const answer = await fetch(`${platform.url}${path}`);
          const body = (await answer.json()) as { error: { code: string; message: string } };
          expect(answer.status, path.slice(0, 40)).toBe(status);
          expect(body.error.code).toBe('invalid-request');
          expect(JSON.stringify(body)).not.toContain('aaaaaaaaaa');
          expect(JSON.stringify(body)).not.toContain('%zz');
        }
      });
    });

    it('keeps the counter terminal at the centre scope', async () => {
      const body = certificateCase();
      await submit(body);
      expect((await call('GET', `/v1/cases/${body.caseId}`, { token: counter })).status).toBe(200);
    });
  });
}
