import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCredentials, Notice, RunningPlatform } from '../../../platform';
import { holdLicence, startSeeded, YOUNG_ID, type Answer, type Call, type SignIn } from './helpers';

const MOTHER_ID = '440305199912310011';
const OTHER_PARENT_ID = '11010519491231002X';
const cst = (text: string) => Date.parse(`${text}+08:00`);

/**
 * The whole 一窗受理 cycle over real HTTP: window → department → pickup at any window, and a 一件事
 * bundle split into item cases. A fake clock stands on Tuesday 29 September 2026 at 10:15 (CST),
 * so that promised times run across the National Day holiday, a Sunday and the 调休 Saturday.
 */
export function cycleSuite(dialect: 'sqlite' | 'postgres', newDb: (name: string) => Promise<string>): void {
  describe(`the 一窗受理 cycle on ${dialect}`, () => {
    let platform: RunningPlatform, demo: DemoCredentials, call: Call, kiosk: string, clerk: string, admin: string, signIn: SignIn;
    const backOffice: Record<string, string> = {};
    const notices: Notice[] = [];
    let clock = cst('2026-09-29T10:15:00');

    async function uploadPng(token: string, seed: number): Promise<string> {
      const png = await sharp({ create: { width: 40 + seed, height: 20, channels: 3, background: { r: seed, g: 0, b: 0 } } }).png().toBuffer();
      const sha = createHash('sha256').update(png).digest('hex');
      const put = await call('PUT', `/v1/blobs/${sha}`, { token, body: png, headers: { 'content-type': 'image/png' } });
      expect([200, 201]).toContain(put.status);
      return sha;
    }

    function cardCase(phone = '13800138000') {
      return {
        caseId: randomUUID(),
        serviceCode: 'social-security-card-application',
        submittedAt: new Date(clock).toISOString(),
        visitId: `visit-${randomUUID().slice(0, 8)}`,
        applicant: { name: '李四', idNumber: YOUNG_ID, phone },
        form: { name: '李四', idNumber: YOUNG_ID, phone, reason: 'first', bank: 'icbc', delivery: 'centre' },
        materials: [] as unknown[],
      };
    }

    async function acceptAtWindow(caseId: string): Promise<Answer> {
      const claimed = await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId } });
      expect(claimed.status).toBe(200);
      return call('POST', `/v1/cases/${caseId}/decisions`, { token: clerk, json: { decision: 'accept' } });
    }

    async function history(caseId: string): Promise<string[]> {
      const events = await call('GET', `/v1/cases/${caseId}/events?after=0&limit=500`, { token: clerk });
      return events.body.events.map((e: { type: string }) => e.type);
    }

    function codeFor(caseId: string): string {
      const notice = notices.filter((n) => n.caseId === caseId && n.text.includes('取件码')).at(-1);
      expect(notice, `an SMS with a pickup code for ${caseId}`).toBeDefined();
      return /取件码 (\d{6})/.exec(notice!.text)![1]!;
    }

    /** Moves the fake clock; staff sessions last hours, so everyone signs in again on the new day. */
    async function setClock(text: string): Promise<void> {
      clock = cst(text);
      clerk = await signIn(demo.clerk.username, demo.clerk.password);
      admin = await signIn(demo.admin.username, demo.admin.password);
      for (const [code, account] of Object.entries(demo.backOffice)) backOffice[code] = await signIn(account.username, account.password);
    }

    beforeAll(async () => {
      const notifier = { channel: 'test', send: async (notice: Notice) => void notices.push(notice) };
      ({ platform, demo, call, kiosk, clerk, admin, signIn } = await startSeeded({ db: await newDb('cycle'), now: () => clock, notifier }));
      await setClock('2026-09-29T10:15:00');
    });

    afterAll(async () => {
      await platform?.close();
    });

    it('lists the centre’s departments and lets the admin add one', async () => {
      const list = await call('GET', '/v1/departments', { token: clerk });
      expect(list.body.map((d: { code: string }) => d.code)).toEqual(['civil-affairs', 'employment', 'household', 'medical-insurance', 'social-insurance']);
      expect(list.body.find((d: { code: string }) => d.code === 'social-insurance').name['zh-CN']).toBe('社保');
      expect((await call('PUT', '/v1/admin/departments/tax', { token: clerk, json: { name: { 'zh-CN': '税务' } } })).status).toBe(403);
      const added = await call('PUT', '/v1/admin/departments/tax', { token: admin, json: { name: { 'zh-CN': '税务', en: 'Tax' } } });
      expect(added.status).toBe(200);
      const bad = await call('PUT', '/v1/admin/departments/Tax%20Office', { token: admin, json: { name: { 'zh-CN': '税务' } } });
      expect(bad.status).toBe(400);
      const staff = await call('POST', '/v1/admin/staff', {
        token: admin,
        json: { username: 'tax.clerk', displayName: '税务后台', role: 'back-office', password: 'a-long-password', department: 'nowhere' },
      });
      expect(staff.status).toBe(422);
      expect(staff.body.error.field).toBe('department');
    });

    it('takes a kiosk case from the window to 社保 and out at any window with a signature, then a rating; every step in the history', async () => {
      notices.length = 0;
      const photo = await uploadPng(kiosk, 1);
      const body = { ...cardCase(), materials: [{ code: 'photo', blob: photo }] };
      expect((await call('POST', '/v1/cases', { token: kiosk, json: body })).status).toBe(201);

      const accepted = await acceptAtWindow(body.caseId);
      expect(accepted.status).toBe(200);
      // 10 working days from Tue 29 Sep: 30 Sep · (1–7 Oct off) · 8, 9, Sat 10 (调休) · 12–16 · 19 Oct.
      expect(accepted.body.acceptedAt).toBe(new Date(clock).toISOString());
      expect(accepted.body.deadlineAt).toBe(new Date(cst('2026-10-19T23:59:59.999')).toISOString());

      const unknown = await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'transfer', department: '区社保中心' } });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.field).toBe('department');
      const sent = await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'transfer' } });
      expect(sent.body).toMatchObject({ status: 'transferred', department: 'social-insurance' });

      // The department sees it; another department and the window's staff do not decide it.
      const queue = await call('GET', '/v1/back-office/cases', { token: backOffice['social-insurance'] });
      expect(queue.body.department.code).toBe('social-insurance');
      expect(queue.body.cases.map((c: { caseId: string }) => c.caseId)).toContain(body.caseId);
      expect((await call('GET', `/v1/back-office/cases/${body.caseId}`, { token: backOffice['medical-insurance'] })).status).toBe(403);
      expect((await call('GET', '/v1/back-office/cases', { token: clerk })).status).toBe(403);
      expect((await call('GET', '/v1/queue', { token: backOffice['social-insurance'] })).status).toBe(403);

      const opened = await call('GET', `/v1/back-office/cases/${body.caseId}`, { token: backOffice['social-insurance'] });
      expect(opened.status).toBe(200);
      expect(opened.body.detail.form.idNumber).toBe('440305********0011');
      expect(opened.body.detail.materials).toEqual([{ code: 'photo', blob: photo }]);
      expect(opened.body.materialNames.photo).toContain('证件照');
      expect(opened.body.electronicLicences).toEqual([]);
      expect(opened.body.history.map((e: { type: string }) => e.type)).toEqual(['submitted', 'claimed', 'accepted', 'transferred']);
      const note = await call('POST', `/v1/cases/${body.caseId}/notes`, { token: backOffice['social-insurance'], json: { text: '照片背景偏暗，可接受' } });
      expect(note.status).toBe(201);

      // 一次性告知: everything missing at once, through the window; supplied, it goes straight back to 社保.
      const more = await call('POST', `/v1/back-office/cases/${body.caseId}/decisions`, {
        token: backOffice['social-insurance'],
        json: { decision: 'request-materials', missingMaterials: ['近期免冠证件照（白底）', '银行开户确认书'] },
      });
      expect(more.body.status).toBe('awaiting-materials');
      await platform.notificationsSettled();
      expect(notices.some((n) => n.caseId === body.caseId && n.text.includes('一次性告知'))).toBe(true);
      const photo2 = await uploadPng(clerk, 2);
      const supplied = await call('POST', `/v1/cases/${body.caseId}/supplements`, {
        token: clerk,
        json: { supplementId: randomUUID(), materials: [{ code: 'photo', blob: photo2 }] },
      });
      expect(supplied.body).toMatchObject({ status: 'transferred', department: 'social-insurance' });

      await setClock('2026-10-12T15:00:00');
      const wrong = await call('POST', `/v1/back-office/cases/${body.caseId}/decisions`, { token: backOffice['social-insurance'], json: { decision: 'approve' } });
      expect(wrong.status).toBe(400);
      const approved = await call('POST', `/v1/back-office/cases/${body.caseId}/decisions`, {
        token: backOffice['social-insurance'],
        json: { decision: 'approve', result: { documentNumber: 'SSC-2026-000123', decisionText: '准予制发社会保障卡' } },
      });
      expect(approved.body.status).toBe('ready');
      const again = await call('POST', `/v1/back-office/cases/${body.caseId}/decisions`, {
        token: backOffice['social-insurance'],
        json: { decision: 'return', reason: '重复' },
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('illegal-transition');

      await platform.notificationsSettled();
      const code = codeFor(body.caseId);
      const sms = notices.find((n) => n.text.includes(code))!;
      expect(sms.text).not.toContain('李');
      expect(sms.text).not.toContain(YOUNG_ID);

      // Any window finds it three ways.
      const byCard = await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'id-number', idNumber: YOUNG_ID } });
      const mine = byCard.body.pickups.find((p: { cases: { caseId: string }[] }) => p.cases.some((c) => c.caseId === body.caseId));
      expect(mine.cases[0].result).toEqual({ documentNumber: 'SSC-2026-000123', decisionText: '准予制发社会保障卡', amountCents: null });
      expect(mine.applicantMasked.idNumber).toBe('440305********0011');
      const byCode = await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'code', code } });
      expect(byCode.body.pickups.map((p: { pickupId: string }) => p.pickupId)).toEqual([mine.pickupId]);
      const byCase = await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'case', caseId: body.caseId } });
      expect(byCase.body.pickups.map((p: { pickupId: string }) => p.pickupId)).toEqual([mine.pickupId]);
      const badCard = await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'id-number', idNumber: '440305199912310012' } });
      expect(badCard.status).toBe(422);
      expect(badCard.body.error.field).toBe('idNumber');

      const vector = { width: 600, height: 200, strokes: [[[10, 10, 0], [50, 40, 16], [90, 20, 33]], [[120, 30, 400], [160, 80, 420]]] };
      const unsigned = await call('POST', `/v1/pickups/${mine.pickupId}/collect`, {
        token: clerk,
        json: { method: 'counter', foundBy: 'id-card', collector: { kind: 'self' }, windowName: '2号窗口', signature: { png: 'a'.repeat(64), vector } },
      });
      expect(unsigned.status).toBe(422);
      expect(unsigned.body.error.field).toBe('signature.png');
      const signature = await uploadPng(clerk, 3);
      const collectBody = { method: 'counter', foundBy: 'id-card', collector: { kind: 'self' }, windowName: '2号窗口', signature: { png: signature, vector } };
      const collected = await call('POST', `/v1/pickups/${mine.pickupId}/collect`, { token: clerk, json: collectBody });
      expect(collected.status).toBe(200);
      expect(collected.body).toMatchObject({ method: 'counter', caseIds: [body.caseId], signature: { png: signature, strokeCount: 2 } });
      expect(collected.body.collectorMasked).toMatchObject({ kind: 'self', idNumber: '440305********0011' });
      const replay = await call('POST', `/v1/pickups/${mine.pickupId}/collect`, { token: clerk, json: collectBody });
      expect(replay.body).toEqual(collected.body);
      expect((await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'code', code } })).body.pickups).toEqual([]);

      const rated = await call('POST', `/v1/cases/${body.caseId}/rating`, { token: clerk, json: { level: 5, reasons: ['efficient'], visitId: collected.body.visitId } });
      expect(rated.status).toBe(201);
      expect(await history(body.caseId)).toEqual([
        'submitted',
        'claimed',
        'accepted',
        'transferred',
        'materials-requested',
        'materials-supplied',
        'approved',
        'collected',
        'rated',
      ]);
      const detail = await call('GET', `/v1/cases/${body.caseId}`, { token: clerk });
      expect(detail.body.status).toBe('completed');
    });

    it('returns a case to the window with a reason; the window sends it again', async () => {
      await setClock('2026-10-13T09:00:00');
      const body = cardCase();
      await call('POST', '/v1/cases', { token: kiosk, json: body });
      await acceptAtWindow(body.caseId);
      await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'transfer', department: 'social-insurance' } });
      const back = await call('POST', `/v1/back-office/cases/${body.caseId}/decisions`, {
        token: backOffice['social-insurance'],
        json: { decision: 'return', reason: '申领原因与记录不符，请窗口核实' },
      });
      expect(back.body.status).toBe('returned');
      const returned = await call('GET', '/v1/back-office/cases?status=returned', { token: backOffice['social-insurance'] });
      expect(returned.body.cases.map((c: { caseId: string }) => c.caseId)).toContain(body.caseId);
      const detail = await call('GET', `/v1/cases/${body.caseId}`, { token: clerk });
      expect(detail.body.decision.reason).toBe('申领原因与记录不符，请窗口核实');
      const resent = await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'transfer' } });
      expect(resent.body.status).toBe('transferred');
    });

    it('posts a result and records the tracking number', async () => {
      const body = cardCase();
      await call('POST', '/v1/cases', { token: kiosk, json: body });
      await acceptAtWindow(body.caseId);
      await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'transfer' } });
      await call('POST', `/v1/back-office/cases/${body.caseId}/decisions`, {
        token: backOffice['social-insurance'],
        json: { decision: 'approve', result: { decisionText: '准予制发' } },
      });
      const found = await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'case', caseId: body.caseId } });
      const badTracking = await call('POST', `/v1/pickups/${found.body.pickups[0].pickupId}/collect`, {
        token: clerk,
        json: { method: 'post', carrier: 'EMS', trackingNumber: '1' },
      });
      expect(badTracking.status).toBe(400);
      expect(badTracking.body.error.field).toBe('trackingNumber');
      const posted = await call('POST', `/v1/pickups/${found.body.pickups[0].pickupId}/collect`, {
        token: clerk,
        json: { method: 'post', carrier: 'EMS', trackingNumber: 'EA123456789CN' },
      });
      expect(posted.body).toMatchObject({ method: 'post', trackingNumber: 'EA123456789CN', signature: null });
      await platform.notificationsSettled();
      expect(notices.some((n) => n.caseId === body.caseId && n.text.includes('EA123456789CN'))).toBe(true);
    });

    it('splits a 一件事 into item cases, each decided by its own department, collected together', async () => {
      await setClock('2026-09-29T10:15:00');
      notices.length = 0;
      const catalogue = await call('GET', '/v1/catalogue');
      const bundleItem = catalogue.body.items.find((i: { code: string }) => i.code === 'newborn-one-thing');
      const names = bundleItem.form.fields.map((f: { name: string }) => f.name);
      // Each shared answer once: the applicant's name, ID number and phone are in all three items.
      expect(names.filter((n: string) => n === 'phone')).toHaveLength(1);
      expect(names).toEqual(expect.arrayContaining(['collectMode', 'babyName', 'residency', 'bank', 'delivery']));

      const phone = '13900139000';
      const body = {
        caseId: randomUUID(),
        serviceCode: 'newborn-one-thing',
        submittedAt: new Date(clock).toISOString(),
        visitId: `visit-${randomUUID().slice(0, 8)}`,
        applicant: { name: '王芳', idNumber: MOTHER_ID, phone },
        form: {
          collectMode: 'together',
          name: '王芳',
          idNumber: MOTHER_ID,
          phone,
          relationToBaby: 'mother',
          babyName: '王小宝',
          babySex: 'female',
          babyBirthDate: '2026-09-20',
          birthCertificateNumber: 'Q440123456',
          hukouWith: 'mother',
          otherParentIdNumber: OTHER_PARENT_ID,
          sex: '女',
          birthDate: '1999-12-31',
          residency: 'local',
          address: '广东省深圳市南山区演示路1号',
          reason: 'first',
          bank: 'ccb',
          delivery: 'centre',
        },
        materials: [{ code: 'birth-medical-certificate', electronicLicence: { type: 'birth-medical-certificate', number: 'Q440123456' } }],
      };
      await holdLicence(platform, { type: 'birth-medical-certificate', number: 'Q440123456', holderIdNumber: MOTHER_ID });
      const receipt = await call('POST', '/v1/cases', { token: kiosk, json: body });
      expect(receipt.status).toBe(201);
      expect(receipt.body.queueNumber).toMatch(/^F\d{3}$/);
      expect((await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'transfer' } })).status).toBe(409);
      const accepted = await acceptAtWindow(body.caseId);
      expect(accepted.body.status).toBe('transferred');

      const bundle = await call('GET', `/v1/bundles/${body.caseId}`, { token: kiosk });
      expect(bundle.status).toBe(200);
      expect(bundle.body.collectMode).toBe('together');
      expect(bundle.body.items.map((i: { serviceCode: string; department: string; status: string }) => [i.serviceCode, i.department, i.status])).toEqual([
        ['newborn-hukou-registration', 'household', 'transferred'],
        ['resident-medical-enrolment', 'medical-insurance', 'transferred'],
        ['social-security-card-application', 'social-insurance', 'transferred'],
      ]);
      // Each item on its own promised time: 5 working days → Mon 12 Oct; 1 → Wed 30 Sep; 10 → Mon 19 Oct.
      expect(bundle.body.items.map((i: { deadlineAt: string }) => i.deadlineAt)).toEqual(
        ['2026-10-12', '2026-09-30', '2026-10-19'].map((d) => new Date(cst(`${d}T23:59:59.999`)).toISOString()),
      );

      const items = bundle.body.items as { caseId: string; department: string; serviceCode: string }[];
      const hukou = await call('GET', `/v1/back-office/cases/${items[0]!.caseId}`, { token: backOffice.household });
      expect(Object.keys(hukou.body.detail.form)).toEqual(expect.arrayContaining(['babyName', 'hukouWith']));
      expect(Object.keys(hukou.body.detail.form)).not.toContain('bank');
      expect(hukou.body.detail.materials.map((m: { code: string }) => m.code)).toEqual(['birth-medical-certificate']);
      expect(hukou.body.detail.bundleId).toBe(body.caseId);

      for (const [index, item] of items.entries()) {
        const approved = await call('POST', `/v1/back-office/cases/${item.caseId}/decisions`, {
          token: backOffice[item.department]!,
          json: { decision: 'approve', result: { documentNumber: `DOC-${index + 1}`, decisionText: '准予办理' } },
        });
        expect(approved.body.status).toBe('ready');
        await platform.notificationsSettled();
        // Collected together: no code until the last item is decided.
        const codes = notices.filter((n) => n.text.includes('取件码'));
        expect(codes).toHaveLength(index === items.length - 1 ? 1 : 0);
      }
      const code = codeFor(body.caseId);
      const found = await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'code', code } });
      expect(found.body.pickups).toHaveLength(1);
      expect(found.body.pickups[0].bundleId).toBe(body.caseId);
      expect(found.body.pickups[0].cases.map((c: { caseId: string }) => c.caseId)).toEqual([body.caseId, ...items.map((i) => i.caseId)]);

      const signature = await uploadPng(clerk, 4);
      const agent = await call('POST', `/v1/pickups/${found.body.pickups[0].pickupId}/collect`, {
        token: clerk,
        json: {
          method: 'counter',
          foundBy: 'code',
          collector: { kind: 'agent', name: '王大明', idNumber: OTHER_PARENT_ID, relation: '配偶', authorisation: { kind: 'written', note: '授权委托书原件已核' } },
          windowName: '3号窗口',
          signature: { png: signature, vector: { width: 300, height: 100, strokes: [[[1, 1, 0], [2, 2, 10]]] } },
        },
      });
      expect(agent.status).toBe(200);
      expect(agent.body.collectorMasked).toMatchObject({ kind: 'agent', name: '王**', idNumber: '110105********002X', relation: '配偶' });
      const after = await call('GET', `/v1/bundles/${body.caseId}`, { token: clerk });
      expect(after.body.status).toBe('completed');
      expect(after.body.items.every((i: { status: string }) => i.status === 'completed')).toBe(true);
      expect(await history(body.caseId)).toEqual(['submitted', 'claimed', 'accepted', 'transferred', 'approved', 'collected']);
    });

    it('collects a bundle item by item when the citizen chose so', async () => {
      const phone = '13700137000';
      const body = {
        caseId: randomUUID(),
        serviceCode: 'newborn-one-thing',
        submittedAt: new Date(clock).toISOString(),
        visitId: 'visit-each',
        applicant: { name: '王芳', idNumber: MOTHER_ID, phone },
        form: {
          collectMode: 'each', name: '王芳', idNumber: MOTHER_ID, phone, relationToBaby: 'mother', babyName: '王二宝', babySex: 'male',
          babyBirthDate: '2026-09-21', birthCertificateNumber: 'Q440123457', hukouWith: 'mother', otherParentIdNumber: OTHER_PARENT_ID,
          sex: '女', birthDate: '1999-12-31', residency: 'local', address: '广东省深圳市南山区演示路1号', reason: 'first', bank: 'ccb', delivery: 'centre',
        },
        materials: [],
      };
      await call('POST', '/v1/cases', { token: kiosk, json: body });
      await acceptAtWindow(body.caseId);
      const bundle = await call('GET', `/v1/bundles/${body.caseId}`, { token: clerk });
      const first = bundle.body.items[1] as { caseId: string; department: string };
      await call('POST', `/v1/back-office/cases/${first.caseId}/decisions`, {
        token: backOffice[first.department]!,
        json: { decision: 'approve', result: { decisionText: '参保登记成功' } },
      });
      await platform.notificationsSettled();
      const found = await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'code', code: codeFor(first.caseId) } });
      expect(found.body.pickups[0].cases.map((c: { caseId: string }) => c.caseId)).toEqual([first.caseId]);
      const view = await call('GET', `/v1/bundles/${first.caseId}`, { token: clerk });
      expect(view.body.status).toBe('transferred');
      expect(view.body.items[1].status).toBe('ready');
    });

    it('documents every new route in the OpenAPI document', async () => {
      const doc = await call('GET', '/v1/openapi.json');
      for (const route of [
        '/v1/departments',
        '/v1/admin/departments/{code}',
        '/v1/calendar',
        '/v1/admin/calendar',
        '/v1/back-office/cases',
        '/v1/back-office/cases/{caseId}',
        '/v1/back-office/cases/{caseId}/decisions',
        '/v1/cases/{caseId}/notes',
        '/v1/bundles/{caseId}',
        '/v1/pickups/search',
        '/v1/pickups/{pickupId}/collect',
      ]) {
        expect(Object.keys(doc.body.paths), route).toContain(route);
      }
    });

    it('keeps the centre’s own calendar days and counts deadlines with them', async () => {
      const bad = await call('PUT', '/v1/admin/calendar', { token: admin, json: { localDays: [{ day: '2026-02-30', kind: 'off', name: '区庆' }] } });
      expect(bad.status).toBe(422);
      const put = await call('PUT', '/v1/admin/calendar', { token: admin, json: { localDays: [{ day: '2026-12-02', kind: 'off', name: '区庆' }] } });
      expect(put.body.nationalYears).toContain(2026);
      await setClock('2026-12-01T09:00:00');
      const body = cardCase();
      await call('POST', '/v1/cases', { token: kiosk, json: body });
      const accepted = await acceptAtWindow(body.caseId);
      // 10 working days from Tue 1 Dec, Wed 2 Dec off locally: 3, 4, 7–11, 14, 15, 16 Dec.
      expect(accepted.body.deadlineAt).toBe(new Date(cst('2026-12-16T23:59:59.999')).toISOString());
      expect((await call('GET', '/v1/calendar', { token: clerk })).body.localDays).toEqual([{ day: '2026-12-02', kind: 'off', name: '区庆' }]);
    });
  });
}
