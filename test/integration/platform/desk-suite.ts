import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNumberOf } from '../../../contract/platform/case-number';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../../platform';
import { client, ELDERLY_ID, startSeeded, YOUNG_ID, type Call, type SignIn } from './helpers';

type Summary = { caseId: string; queueNumber: string; status: string; claimedBy: string | null; applicantMasked: { name: string; idNumber: string } };

/**
 * The counter desk's routes (platform/desk) over real HTTP: my cases by list, search by number,
 * name and the ID number's last 4 (masked, audited, never the value in the audit), sealed notes,
 * handing a case to another window's clerk, and several results handed out at once.
 */
export function deskSuite(dialect: 'sqlite' | 'postgres', newDb: (name: string) => Promise<string>): void {
  describe(`the counter desk on ${dialect}`, () => {
    let platform: RunningPlatform, demo: DemoCredentials, call: Call, clerk: string, admin: string, signIn: SignIn;
    let colleague: string;
    let colleagueId: string;
    let shebao: string;

    function cardCase(name: string, idNumber: string) {
      return {
        caseId: randomUUID(),
        serviceCode: 'social-security-card-application',
        submittedAt: new Date().toISOString(),
        visitId: `visit-${randomUUID().slice(0, 8)}`,
        applicant: { name, idNumber, phone: '13800138000' },
        form: { name, idNumber, phone: '13800138000', reason: 'first', bank: 'icbc', delivery: 'centre' },
        materials: [] as unknown[],
      };
    }

    async function submit(name: string, idNumber: string): Promise<string> {
      const body = cardCase(name, idNumber);
      expect((await call('POST', '/v1/cases', { token: demo.kiosk.credential, json: body })).status).toBe(201);
      return body.caseId;
    }

    async function myList(token: string, list: string): Promise<Summary[]> {
      const answer = await call('GET', `/v1/desk/cases?list=${list}`, { token });
      expect(answer.status).toBe(200);
      expect(answer.body.list).toBe(list);
      return answer.body.cases as Summary[];
    }

    const ids = (cases: Summary[]) => cases.map((c) => c.caseId);

    async function acceptAndSend(caseId: string): Promise<void> {
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId } })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${caseId}/decisions`, { token: clerk, json: { decision: 'accept' } })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${caseId}/decisions`, { token: clerk, json: { decision: 'transfer' } })).status).toBe(200);
    }

    async function approve(caseId: string): Promise<void> {
      const answer = await call('POST', `/v1/back-office/cases/${caseId}/decisions`, {
        token: shebao,
        json: { decision: 'approve', result: { decisionText: '准予办理' } },
      });
      expect(answer.status).toBe(200);
    }

    beforeAll(async () => {
      ({ platform, demo, call, clerk, admin, signIn } = await startSeeded({ db: await newDb('desk') }));
      shebao = await signIn(demo.backOffice['social-insurance']!.username, demo.backOffice['social-insurance']!.password);
      const created = await call('POST', '/v1/admin/staff', {
        token: admin,
        json: { username: 'window.two', displayName: '王窗口', role: 'staff', password: 'a-long-password-2' },
      });
      expect(created.status).toBe(201);
      colleagueId = created.body.id as string;
      colleague = await signIn('window.two', 'a-long-password-2');
    });

    afterAll(async () => {
      await platform?.close();
    });

    it('lists my cases as they move: claimed, accepted, with the department, ready; nobody else’s', async () => {
      const caseId = await submit('赵六', YOUNG_ID);
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId } })).status).toBe(200);
      expect(ids(await myList(clerk, 'claimed'))).toContain(caseId);
      expect(ids(await myList(colleague, 'claimed'))).not.toContain(caseId);
      expect((await call('POST', `/v1/cases/${caseId}/decisions`, { token: clerk, json: { decision: 'accept' } })).status).toBe(200);
      expect(ids(await myList(clerk, 'claimed'))).not.toContain(caseId);
      expect(ids(await myList(clerk, 'accepted'))).toContain(caseId);
      expect((await call('POST', `/v1/cases/${caseId}/decisions`, { token: clerk, json: { decision: 'transfer' } })).status).toBe(200);
      const transferred = await myList(clerk, 'transferred');
      expect(ids(transferred)).toContain(caseId);
      expect(transferred.find((c) => c.caseId === caseId)!.applicantMasked.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      await approve(caseId);
      expect(ids(await myList(clerk, 'ready'))).toContain(caseId);
      expect(ids(await myList(colleague, 'ready'))).not.toContain(caseId);

      // A 补正 asked at the window leaves nobody holding the case: it stays the asking clerk's.
      const second = await submit('赵六', YOUNG_ID);
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId: second } })).status).toBe(200);
      const asked = await call('POST', `/v1/cases/${second}/decisions`, { token: clerk, json: { decision: 'request-materials', missingMaterials: ['户口簿'] } });
      expect(asked.body.claimedBy).toBeNull();
      expect(ids(await myList(clerk, 'awaiting-materials'))).toContain(second);

      expect((await call('GET', '/v1/desk/cases?list=rejected', { token: clerk })).status).toBe(400);
      expect((await call('GET', '/v1/desk/cases?list=claimed', { token: shebao })).status).toBe(403);
      expect((await call('GET', '/v1/desk/cases?list=claimed', { token: demo.kiosk.credential })).status).toBe(403);
      expect((await call('GET', '/v1/desk/cases?list=claimed')).status).toBe(401);
    });

    it('finds cases by case number, queue number, full name and the ID number’s last 4, masked; the audit keeps no search value', async () => {
      const caseId = await submit('钱七', ELDERLY_ID);
      const queueNumber = (await call('GET', '/v1/queue', { token: clerk })).body.waiting.find((c: Summary) => c.caseId === caseId).queueNumber as string;
      const search = (json: unknown) => call('POST', '/v1/desk/search', { token: clerk, json });

      const byCaseNumber = await search({ by: 'number', number: caseNumberOf(caseId).toLowerCase() });
      expect(byCaseNumber.status).toBe(200);
      expect(ids(byCaseNumber.body.cases)).toEqual([caseId]);
      expect(ids((await search({ by: 'number', number: queueNumber })).body.cases)).toContain(caseId);
      // An item of a 一件事 is numbered F003-1: a queue number too, not a malformed case number.
      expect((await search({ by: 'number', number: 'f999-1' })).body).toEqual({ cases: [] });

      const byName = await search({ by: 'name', name: ' 钱七 ' });
      expect(ids(byName.body.cases)).toContain(caseId);
      expect(JSON.stringify(byName.body)).not.toContain('钱七');
      expect(JSON.stringify(byName.body)).not.toContain(ELDERLY_ID);
      expect(byName.body.cases[0].applicantMasked).toEqual({ name: '钱*', idNumber: '110105********002X' });

      const byTail = await search({ by: 'id-tail', tail: '002x' });
      expect(ids(byTail.body.cases)).toContain(caseId);
      expect(ids(byTail.body.cases)).not.toContain(ids((await myList(clerk, 'ready')))[0]);
      expect((await search({ by: 'name', name: '无此人' })).body.cases).toEqual([]);

      const badTail = await search({ by: 'id-tail', tail: '12' });
      expect(badTail.status).toBe(400);
      const badNumber = await search({ by: 'number', number: 'not-a-number' });
      expect(badNumber.status).toBe(422);
      expect(badNumber.body.error).toMatchObject({ code: 'invalid-form', field: 'number' });
      expect((await call('POST', '/v1/desk/search', { token: shebao, json: { by: 'name', name: '钱七' } })).status).toBe(403);

      const trail = await call('GET', '/v1/audit?limit=1000', { token: admin });
      const searches = trail.body.filter((e: { action: string }) => e.action === 'case-search');
      expect(searches.length).toBeGreaterThanOrEqual(5);
      expect(JSON.stringify(searches)).not.toMatch(/钱七|002X|002x/);
    });

    it('keeps notes sealed in the store, shows them to the desk and audits both writing and reading', async () => {
      const caseId = await submit('孙八', YOUNG_ID);
      const added = await call('POST', `/v1/cases/${caseId}/notes`, { token: clerk, json: { text: '申请人孙八称户口簿在老家' } });
      expect(added.status).toBe(201);
      const listed = await call('GET', `/v1/cases/${caseId}/notes`, { token: colleague });
      expect(listed.body.map((n: { text: string }) => n.text)).toEqual(['申请人孙八称户口簿在老家']);
      const stored = await platform.db.all<{ text: string; sealed: number }>('SELECT text, sealed FROM case_notes WHERE case_id = ?', [caseId]);
      expect(stored).toHaveLength(1);
      expect(Number(stored[0]!.sealed)).toBe(1);
      expect(stored[0]!.text).not.toContain('孙八');
      const trail = (await call('GET', `/v1/audit?caseId=${caseId}`, { token: admin })).body.map((e: { action: string }) => e.action);
      expect(trail).toEqual(expect.arrayContaining(['note-added', 'notes-read']));
      expect((await call('POST', `/v1/cases/${caseId}/notes`, { token: clerk, json: { text: '   ' } })).status).toBe(400);
    });

    it('hands a case on my desk to a colleague signed in at another window, with the history saying so', async () => {
      const caseId = await submit('周九', YOUNG_ID);
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId } })).status).toBe(200);
      const colleagues = await call('GET', '/v1/desk/colleagues', { token: clerk });
      expect(colleagues.body).toContainEqual({ id: colleagueId, displayName: '王窗口' });
      expect(colleagues.body.map((c: { displayName: string }) => c.displayName)).not.toContain('社保后台');

      expect((await call('POST', `/v1/desk/cases/${caseId}/handover`, { token: colleague, json: { staffId: colleagueId } })).status).toBe(409);
      const toBackOffice = await call('POST', `/v1/desk/cases/${caseId}/handover`, { token: clerk, json: { staffId: 'nobody' } });
      expect(toBackOffice.status).toBe(422);
      expect(toBackOffice.body.error.field).toBe('staffId');

      const handed = await call('POST', `/v1/desk/cases/${caseId}/handover`, { token: clerk, json: { staffId: colleagueId, note: '申请人要求到2号窗口' } });
      expect(handed.status).toBe(200);
      expect(handed.body).toMatchObject({ status: 'claimed', claimedBy: colleagueId });
      expect(ids(await myList(colleague, 'claimed'))).toContain(caseId);
      expect(ids(await myList(clerk, 'claimed'))).not.toContain(caseId);
      expect((await call('POST', `/v1/desk/cases/${caseId}/handover`, { token: clerk, json: { staffId: colleagueId } })).status).toBe(409);
      // The colleague decides it now; the first clerk no longer may.
      expect((await call('POST', `/v1/cases/${caseId}/decisions`, { token: clerk, json: { decision: 'accept' } })).status).toBe(409);
      expect((await call('POST', `/v1/cases/${caseId}/decisions`, { token: colleague, json: { decision: 'accept' } })).status).toBe(200);
      const events = await call('GET', `/v1/cases/${caseId}/events?after=0&limit=500`, { token: clerk });
      const handover = events.body.events.find((e: { type: string }) => e.type === 'handed-over');
      expect(handover).toMatchObject({ fromStatus: 'claimed', toStatus: 'claimed', reason: '申请人要求到2号窗口', details: { to: '王窗口' } });

      const queued = await submit('周九', YOUNG_ID);
      expect((await call('POST', `/v1/desk/cases/${queued}/handover`, { token: clerk, json: { staffId: colleagueId } })).body.error.code).toBe('illegal-transition');
    });

    it('hands several results of one citizen out together against one signature, and refuses to mix citizens', async () => {
      const first = await submit('吴十', '440305199912310011');
      const second = await submit('吴十', '440305199912310011');
      const stranger = await submit('郑一', ELDERLY_ID);
      for (const id of [first, second, stranger]) {
        await acceptAndSend(id);
        await approve(id);
      }
      const found = await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'id-number', idNumber: '440305199912310011' } });
      const mine = found.body.pickups.filter((p: { cases: Summary[] }) => p.cases.some((c) => c.caseId === first || c.caseId === second));
      expect(mine).toHaveLength(2);
      const other = (await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'case', caseId: stranger } })).body.pickups[0];

      const png = await sharp({ create: { width: 60, height: 20, channels: 3, background: { r: 9, g: 9, b: 9 } } }).png().toBuffer();
      const sha = createHash('sha256').update(png).digest('hex');
      expect([200, 201]).toContain((await call('PUT', `/v1/blobs/${sha}`, { token: clerk, body: png, headers: { 'content-type': 'image/png' } })).status);
      const collect = {
        method: 'counter',
        foundBy: 'id-card',
        collector: { kind: 'self' },
        windowName: '1号窗口',
        signature: { png: sha, vector: { width: 600, height: 200, strokes: [[[10, 10, 0], [50, 40, 30]]] } },
      };
      const mixed = await call('POST', '/v1/desk/pickups/collect', { token: clerk, json: { pickupIds: [mine[0].pickupId, other.pickupId], collect } });
      expect(mixed.status).toBe(422);
      expect(mixed.body.error.field).toBe('pickupIds');

      const together = await call('POST', '/v1/desk/pickups/collect', { token: clerk, json: { pickupIds: mine.map((p: { pickupId: string }) => p.pickupId), collect } });
      expect(together.status).toBe(200);
      expect(together.body.caseIds.sort()).toEqual([first, second].sort());
      expect(together.body.collections).toHaveLength(2);
      for (const id of [first, second]) expect((await call('GET', `/v1/cases/${id}`, { token: clerk })).body.status).toBe('completed');
      expect((await call('GET', `/v1/cases/${stranger}`, { token: clerk })).body.status).toBe('ready');
      // The same hand-over sent again after a lost answer changes nothing; another body is refused.
      expect((await call('POST', '/v1/desk/pickups/collect', { token: clerk, json: { pickupIds: mine.map((p: { pickupId: string }) => p.pickupId), collect } })).status).toBe(200);
      const again = await call('POST', '/v1/desk/pickups/collect', {
        token: clerk,
        json: { pickupIds: mine.map((p: { pickupId: string }) => p.pickupId), collect: { ...collect, windowName: '3号窗口' } },
      });
      expect(again.status).toBe(409);
      expect((await call('POST', '/v1/desk/pickups/collect', { token: clerk, json: { pickupIds: [mine[0].pickupId], collect } })).status).toBe(400);
    });
  });

  describe(`the desk's routes are rate-limited like other staff routes on ${dialect}`, () => {
    let platform: RunningPlatform;
    afterAll(async () => {
      await platform?.close();
    });
    it('answers 429 once a clerk goes past the per-minute limit', async () => {
      platform = await startPlatform({ db: await newDb('desk_limit'), seedDemo: true, rateLimitPerMinute: 5, signInAttemptsPerMinute: 100 });
      const call = client(platform.url);
      const token = (await call('POST', '/v1/staff/sessions', { json: platform.demoCredentials!.clerk })).body.token as string;
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) statuses.push((await call('POST', '/v1/desk/search', { token, json: { by: 'name', name: '张三' } })).status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses).toContain(429);
    });
  });
}
