import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCredentials, RunningPlatform } from '../../../platform';
import { certificateCase, startSeeded, YOUNG_ID, type Call, type SignIn } from './helpers';

const cst = (text: string) => Date.parse(`${text}+08:00`);

/**
 * 效能 and 监察 over real HTTP with a fake clock: a scripted Tuesday (1 December 2026, CST) whose
 * figures the dashboard must give back exactly; a case's warning and deadline; a 差评's
 * follow-up with its 5-working-day deadline, closed only with what was done.
 */
export function dashboardSuite(dialect: 'sqlite' | 'postgres', newDb: (name: string) => Promise<string>): void {
  describe(`效能, 差评 follow-ups and the dashboard on ${dialect}`, () => {
    let platform: RunningPlatform, demo: DemoCredentials, call: Call, clerk: string, admin: string, signIn: SignIn;
    let clock = cst('2026-12-01T09:00:00');
    const at = (text: string) => {
      clock = cst(`2026-12-01T${text}`);
    };
    async function submit(body: object): Promise<string> {
      const answer = await call('POST', '/v1/cases', { token: demo.kiosk.credential, json: body });
      expect(answer.status).toBe(201);
      return answer.body.queueNumber as string;
    }
    async function decide(caseId: string, decision: object, token = clerk) {
      const answer = await call('POST', `/v1/cases/${caseId}/decisions`, { token, json: decision });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body;
    }
    const claim = async (caseId: string) => expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId } })).status).toBe(200);

    // The scripted day.
    const a = certificateCase({ submittedAt: '2026-12-01T01:00:00.000Z' });
    const b = certificateCase({ submittedAt: '2026-12-01T01:05:00.000Z' });
    const c = certificateCase({ submittedAt: '2026-12-01T01:30:00.000Z' });
    const card = {
      caseId: randomUUID(),
      serviceCode: 'social-security-card-application',
      submittedAt: '2026-12-01T01:40:00.000Z',
      visitId: `visit-${randomUUID().slice(0, 8)}`,
      applicant: { name: '李四', idNumber: YOUNG_ID, phone: '13800138000' },
      form: { name: '李四', idNumber: YOUNG_ID, phone: '13800138000', reason: 'first', bank: 'icbc', delivery: 'centre' },
      materials: [],
    };
    let cardNumber = '';
    let namedFollowUp = '';
    let anonymousFollowUp = '';

    beforeAll(async () => {
      ({ platform, demo, call, clerk, admin, signIn } = await startSeeded({ db: await newDb('dashboard'), now: () => clock }));

      at('09:00:00');
      await submit(a);
      at('09:05:00');
      await submit(b);
      at('09:10:00');
      await claim(a.caseId);
      at('09:15:00');
      await decide(a.caseId, { decision: 'accept' });
      at('09:20:00');
      await decide(a.caseId, { decision: 'complete', result: '参保缴费证明一份' });
      at('09:25:00');
      await claim(b.caseId);
      at('09:27:00');
      await decide(b.caseId, { decision: 'reject', reason: '未在本区参保' });
      at('09:30:00');
      await submit(c);
      at('09:40:00');
      cardNumber = await submit(card);
      at('09:45:00');
      await claim(card.caseId);
      at('09:50:00');
      await decide(card.caseId, { decision: 'accept' });
      await decide(card.caseId, { decision: 'transfer' });
      // Two bad ratings at the kiosk: B named, A anonymous.
      at('10:00:00');
      const named = await call('POST', `/v1/cases/${b.caseId}/rating`, { token: demo.kiosk.credential, json: { level: 1, reasons: ['long-wait'], comment: '=等了太久, "很久"', visitId: b.visitId } });
      expect(named.status).toBe(201);
      namedFollowUp = named.body.followUpId;
      const anonymous = await call('POST', `/v1/cases/${a.caseId}/rating`, { token: demo.kiosk.credential, json: { level: 2, reasons: ['unclear-guidance'], visitId: a.visitId, anonymous: true } });
      expect(anonymous.status).toBe(201);
      anonymousFollowUp = anonymous.body.followUpId;
      at('10:30:00');
    });

    afterAll(async () => {
      await platform?.close();
    });

    it('gives the scripted day back figure by figure', async () => {
      const answer = await call('GET', '/v1/dashboard', { token: admin });
      expect(answer.status).toBe(200);
      const d = answer.body;
      expect(d.from).toBe('2026-11-30T16:00:00.000Z');
      expect(d.to).toBe('2026-12-01T16:00:00.000Z');
      // Now (10:30): C has waited an hour; nobody is on a desk.
      expect(d.queue).toEqual([{ serviceCode: 'si-contribution-certificate', waiting: 1, atDesk: 0, longestWaitSeconds: 3600, meanWaitSeconds: 3600 }]);
      const certificate = d.services.find((s: { serviceCode: string }) => s.serviceCode === 'si-contribution-certificate');
      // Waits: A 10 min, B 20 min (C not yet called); handling: A only (called 09:10, completed 09:20).
      expect(certificate).toEqual({ serviceCode: 'si-contribution-certificate', received: 3, completed: 1, meanWaitSeconds: 900, meanHandlingSeconds: 600, overdue: 0 });
      expect(d.services.find((s: { serviceCode: string }) => s.serviceCode === 'social-security-card-application')).toMatchObject({ received: 1, completed: 0, meanWaitSeconds: 300, meanHandlingSeconds: null });
      expect(d.totals).toEqual({ received: 4, completed: 1, meanWaitSeconds: 700, meanHandlingSeconds: 600, badRatings: 2 });
      // The clerk called 3 numbers and took 5 decisions; called → first decision: 5, 2 and 5 minutes.
      expect(d.staff).toEqual([{ staffId: expect.any(String), displayName: '演示窗口人员', called: 3, decided: 5, meanHandlingSeconds: 240 }]);
      expect(d.deadlines).toEqual([]);
      expect(d.badRatings.map((f: { queueNumber: string }) => f.queueNumber).sort()).toHaveLength(2);
      expect(d.names.services['si-contribution-certificate']).toEqual({ 'zh-CN': '社会保险个人参保缴费证明', en: 'Social-insurance contribution certificate' });
    });

    it('is for the centre admin only, and refuses a period that ends before it starts', async () => {
      expect((await call('GET', '/v1/dashboard', { token: clerk })).status).toBe(403);
      expect((await call('GET', '/v1/dashboard')).status).toBe(401);
      const wrong = await call('GET', '/v1/dashboard?from=2026-12-02T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00', { token: admin });
      expect(wrong.status).toBe(422);
      expect(wrong.body.error.field).toBe('to');
      // The day before has nothing received.
      const before = await call('GET', '/v1/dashboard?from=2026-11-30T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00', { token: admin });
      expect(before.body.totals.received).toBe(0);
    });

    it('exports each table as CSV Excel reads: BOM, quoting, the page language, no formula from a citizen', async () => {
      // Read as bytes: a text decoder would swallow the byte-order mark this checks.
      const bad = await fetch(`${platform.url}/v1/dashboard/export/bad-ratings.csv`, { headers: { authorization: `Bearer ${admin}` } });
      expect(bad.status).toBe(200);
      expect(bad.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(bad.headers.get('content-disposition')).toContain('attachment');
      const bytes = Buffer.from(await bad.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('\r\n');
      const rows = parse(text, { bom: true }) as string[][];
      expect(rows[0]).toEqual(['号码', '事项', '评价', '原因', '意见', '评价时间', '整改期限', '回访', '整改情况']);
      const named = rows.find((r) => r[2] === '非常不满意')!;
      expect(named[4]).toBe(`'=等了太久, "很久"`);
      expect(named[3]).toBe('等候时间长');
      expect(named[6]).toBe('2026/12/8 23:59:59');
      expect(named[7]).toBe('实名，须回访');
      const services = parse((await call('GET', '/v1/dashboard/export/services.csv?lang=en', { token: admin })).body, { bom: true }) as string[][];
      expect(services[0]).toEqual(['Service', 'Received', 'Completed', 'Mean wait (s)', 'Mean handling time (s)', 'Overdue']);
      expect(services).toContainEqual(['Social-insurance contribution certificate', '3', '1', '900', '600', '0']);
      expect((await call('GET', '/v1/dashboard/export/secrets.csv', { token: admin })).status).toBe(400);
    });

    it('opens a 差评 follow-up due in 5 working days; closing needs what was done, and a named one its call back; audited', async () => {
      const open = (await call('GET', '/v1/follow-ups?open=true', { token: clerk })).body as Array<Record<string, unknown>>;
      const named = open.find((f) => f.id === namedFollowUp)!;
      // Rated Tuesday 1 December: five working days end on Tuesday 8 December (CST).
      expect(named).toMatchObject({ deadlineAt: '2026-12-08T15:59:59.999Z', overdue: false, callbackRequired: true, callback: null });
      expect(open.find((f) => f.id === anonymousFollowUp)).toMatchObject({ callbackRequired: false });

      const empty = await call('POST', `/v1/follow-ups/${namedFollowUp}/close`, { token: clerk, json: { resolution: ' ' } });
      expect(empty.status).toBe(400);
      expect(empty.body.error.field).toBe('resolution');
      const noCall = await call('POST', `/v1/follow-ups/${namedFollowUp}/close`, { token: clerk, json: { resolution: '已调整窗口排班' } });
      expect(noCall.status).toBe(422);
      expect(noCall.body.error.field).toBe('callback');
      expect((await call('GET', '/v1/follow-ups?open=true', { token: clerk })).body.map((f: { id: string }) => f.id)).toContain(namedFollowUp);

      // The anonymous one runs past its deadline, then closes with what was done alone.
      clock = cst('2026-12-09T09:00:00');
      clerk = await signIn(demo.clerk.username, demo.clerk.password);
      admin = await signIn(demo.admin.username, demo.admin.password);
      expect((await call('GET', '/v1/follow-ups?open=true', { token: clerk })).body.find((f: { id: string }) => f.id === anonymousFollowUp).overdue).toBe(true);
      const anonymous = await call('POST', `/v1/follow-ups/${anonymousFollowUp}/close`, { token: clerk, json: { resolution: '窗口指引已补充' } });
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toMatchObject({ overdue: true, resolution: '窗口指引已补充', callback: null });

      const closed = await call('POST', `/v1/follow-ups/${namedFollowUp}/close`, {
        token: clerk,
        json: { resolution: '已调整窗口排班', callback: { outcome: 'reached', note: '电话回访，市民表示理解' } },
      });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ closedAt: expect.any(String), callback: { outcome: 'reached', note: '电话回访，市民表示理解' } });
      const trail = (await call('GET', `/v1/audit?caseId=${b.caseId}`, { token: admin })).body as Array<{ action: string; detail: string }>;
      expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['follow-up-opened', 'follow-up-closed']));
      expect(trail.find((e) => e.action === 'follow-up-closed')!.detail).toBe(namedFollowUp);
    });

    it('keeps the calls of the day for the walls: one line per case, newest first, a window or all; kiosks and back offices neither call nor read', async () => {
      at('11:00:00');
      clerk = await signIn(demo.clerk.username, demo.clerk.password);
      const report = (json: object, token = clerk) => call('POST', '/v1/calls', { token, json });
      expect((await report({ caseId: a.caseId, windowName: '1号窗口' })).status).toBe(204);
      at('11:01:00');
      expect((await report({ caseId: card.caseId, windowName: '2号窗口' })).status).toBe(204);
      at('11:02:00');
      expect((await report({ caseId: a.caseId, windowName: '1号窗口', recall: true })).status).toBe(204);
      const all = (await call('GET', '/v1/calls', { token: clerk })).body.calls as Array<{ caseId: string; windowName: string; recall: boolean; timeliness: { state: string } | null }>;
      expect(all.map((c) => [c.caseId, c.windowName, c.recall])).toEqual([
        [a.caseId, '1号窗口', true],
        [card.caseId, '2号窗口', false],
      ]);
      expect(all[1]!.timeliness?.state).toBe('on-time');
      const one = (await call('GET', `/v1/calls?window=${encodeURIComponent('2号窗口')}`, { token: demo.counter.credential })).body.calls;
      expect(one.map((c: { caseId: string }) => c.caseId)).toEqual([card.caseId]);
      expect((await call('GET', '/v1/calls', { token: demo.kiosk.credential })).status).toBe(403);
      const office = await signIn(demo.backOffice['social-insurance']!.username, demo.backOffice['social-insurance']!.password);
      expect((await report({ caseId: card.caseId, windowName: '社保' }, office)).status).toBe(403);
      expect((await report({ caseId: randomUUID(), windowName: '1号窗口' })).status).toBe(404);
      expect((await report({ caseId: a.caseId, windowName: '' })).status).toBe(400);
    });

    it('a case passes its warning time and its deadline (10 working days from 受理)', async () => {
      const read = async () => (await call('GET', `/v1/back-office/cases/${card.caseId}`, { token: await signIn(demo.backOffice['social-insurance']!.username, demo.backOffice['social-insurance']!.password) })).body.detail;
      // Accepted Tuesday 1 December: ten working days end on Tuesday 15 December.
      clock = cst('2026-12-14T17:00:00');
      expect((await read()).timeliness).toEqual({ state: 'on-time', deadlineAt: '2026-12-15T15:59:59.999Z', warningAt: '2026-12-14T16:00:00.000Z', finishedAt: null });
      clock = cst('2026-12-15T09:00:00');
      expect((await read()).timeliness.state).toBe('warning');
      admin = await signIn(demo.admin.username, demo.admin.password);
      expect((await call('GET', '/v1/dashboard', { token: admin })).body.deadlines).toEqual([expect.objectContaining({ queueNumber: cardNumber, state: 'warning' })]);
      clock = cst('2026-12-16T00:00:01');
      expect((await read()).timeliness.state).toBe('overdue');
      admin = await signIn(demo.admin.username, demo.admin.password);
      const from = encodeURIComponent('2026-12-01T00:00:00+08:00');
      const d = (await call('GET', `/v1/dashboard?from=${from}`, { token: admin })).body;
      expect(d.deadlines).toEqual([expect.objectContaining({ queueNumber: cardNumber, state: 'overdue', department: 'social-insurance' })]);
      expect(d.services.find((s: { serviceCode: string }) => s.serviceCode === 'social-security-card-application').overdue).toBe(1);
      // A refused case made no promise.
      expect((await call('GET', `/v1/cases/${b.caseId}`, { token: demo.kiosk.credential })).body.timeliness).toBeNull();
    });
  });
}
