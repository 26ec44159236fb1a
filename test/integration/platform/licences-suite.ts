import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCredentials, RunningPlatform } from '../../../platform';
import { startSeeded, YOUNG_ID, type Call, type SignIn } from './helpers';

// The ID-card simulator's fictional holders (drivers/idcard/simulator/cards.ts).
const ZHANG_SAN = '110101198503120017';
const LI_SI = '640104199211300021';
const ZHAO = '320102194801010016';
const SUN = '44010619870704048X';
// A fictional 70-year-old (checksum valid), no card of the simulator.
const ELDERLY = '11010519491231002X';

/**
 * The licence library (电子证照) over real HTTP on the demo library: a kiosk's consented lookup,
 * the staff's view of a case's licences, and a completed case's result found by the next case.
 * The clock stands on 1 December 2026 (CST).
 */
export function licencesSuite(dialect: 'sqlite' | 'postgres', newDb: (name: string) => Promise<string>): void {
  describe(`the licence library on ${dialect}`, () => {
    let platform: RunningPlatform, demo: DemoCredentials, call: Call, kiosk: string, clerk: string, admin: string, signIn: SignIn;
    const clock = Date.parse('2026-12-01T10:00:00+08:00');

    function lookup(holderIdNumber: string, types: string[], holderRole: 'applicant' | 'agent' = 'applicant', token = kiosk) {
      return call('POST', '/v1/licences/lookups', {
        token,
        json: { visitId: `visit-${randomUUID().slice(0, 8)}`, consent: { grantedAt: new Date(clock).toISOString(), scope: 'this-case' }, holderRole, holderIdNumber, types },
      });
    }

    /** A certificate case whose ID-card material is the electronic licence `number`. */
    const idCardCase = (applicant: { name: string; idNumber: string }, number: string, visit: string) => ({
      caseId: randomUUID(),
      serviceCode: 'si-contribution-certificate',
      submittedAt: new Date(clock).toISOString(),
      visitId: visit,
      applicant,
      form: { name: applicant.name, idNumber: applicant.idNumber, insuranceType: 'all', fromMonth: '2020-01-01', toMonth: '2024-12-01', purpose: 'housing' },
      materials: [{ code: 'id-card', electronicLicence: { type: 'resident-id-card', number } }],
    });

    beforeAll(async () => {
      ({ platform, demo, call, kiosk, clerk, admin, signIn } = await startSeeded({ db: await newDb('licences'), now: () => clock }));
    });

    afterAll(async () => {
      await platform?.close();
    });

    it('answers per type valid (with the number), missing or expired, and records the consent', async () => {
      const zhang = await lookup(ZHANG_SAN, ['marriage-certificate', 'birth-medical-certificate', 'household-register']);
      expect(zhang.status).toBe(200);
      expect(zhang.body.results).toEqual([
        { type: 'marriage-certificate', status: 'valid', number: 'J110101-2012-000123' },
        { type: 'birth-medical-certificate', status: 'missing', number: null },
        { type: 'household-register', status: 'valid', number: 'HJ-110101-0000317' },
      ]);
      expect((await lookup(LI_SI, ['marriage-certificate'])).body.results).toEqual([{ type: 'marriage-certificate', status: 'missing', number: null }]);
      // 赵老伯's certificate ran to 2026-06-30: expired, and no number to put on a case.
      expect((await lookup(ZHAO, ['disability-certificate'])).body.results).toEqual([{ type: 'disability-certificate', status: 'expired', number: null }]);

      const consents = await platform.db.all<{ holder_key: string; types: string; holder_role: string }>('SELECT * FROM licence_consents');
      expect(consents.length).toBe(3);
      expect(JSON.stringify(consents)).not.toContain(ZHANG_SAN);
      const trail = await call('GET', '/v1/audit?limit=20', { token: admin });
      expect(trail.body.filter((e: { action: string }) => e.action === 'licence-lookup').length).toBe(3);
    });

    it('refuses a lookup from staff, without a consent, or with a malformed ID number', async () => {
      expect((await lookup(ZHANG_SAN, ['marriage-certificate'], 'applicant', clerk)).status).toBe(403);
      const noConsent = await call('POST', '/v1/licences/lookups', { token: kiosk, json: { visitId: 'v1', holderRole: 'applicant', holderIdNumber: ZHANG_SAN, types: ['marriage-certificate'] } });
      expect(noConsent.status).toBe(400);
      expect((await lookup('11010119850312001', ['marriage-certificate'])).status).toBe(400);
    });

    it('keeps holders sealed: no ID number or name in the licences table', async () => {
      const rows = await platform.db.all<Record<string, unknown>>('SELECT * FROM licences');
      expect(rows.length).toBeGreaterThan(5);
      const issued = await platform.db.all<Record<string, unknown>>("SELECT * FROM issued_documents WHERE kind LIKE 'licence:%'");
      const dump = JSON.stringify([rows, issued]);
      // Not even as a resident ID card's licence number, which is the ID number itself.
      for (const secret of [ZHANG_SAN, ZHAO, '测试张三', 'J110101-2012-000123']) expect(dump.includes(secret), secret).toBe(false);
    });

    it('shows staff a case’s licence with its document, issuer, validity and verification, audited; a changed row fails', async () => {
      const body = idCardCase({ name: '测试张三', idNumber: ZHANG_SAN }, ZHANG_SAN, 'visit-lic-1');
      expect((await call('POST', '/v1/cases', { token: kiosk, json: body })).status).toBe(201);
      const seen = await call('GET', `/v1/cases/${body.caseId}/licences`, { token: clerk });
      expect(seen.status).toBe(200);
      const [entry] = seen.body.licences;
      expect(entry).toMatchObject({ materialCode: 'id-card', problem: null });
      expect(entry.licence).toMatchObject({
        type: 'resident-id-card',
        number: ZHANG_SAN,
        issuer: '测试市公安局演示分局',
        validFrom: '2020-01-05',
        validUntil: '2040-01-05',
        status: 'valid',
        holderMasked: '110101********0017',
        verification: 'genuine',
      });
      expect(Buffer.from(entry.licence.document.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await call('GET', `/v1/cases/${body.caseId}/licences`, { token: kiosk })).status).toBe(403);
      const trail = await call('GET', `/v1/audit?caseId=${body.caseId}`, { token: admin });
      expect(trail.body.map((e: { action: string }) => e.action)).toContain('licence-read');

      await platform.db.run("UPDATE licences SET valid_until = '2099-01-01' WHERE id = ?", [entry.licence.id]);
      const altered = await call('GET', `/v1/cases/${body.caseId}/licences`, { token: clerk });
      expect(altered.body.licences[0].licence.verification).toBe('altered');
    });

    it('looks an agent’s papers up under the agent, and flags a licence named for somebody else', async () => {
      const agent = await lookup(SUN, ['resident-id-card', 'disability-certificate'], 'agent');
      expect(agent.body.results.map((r: { status: string }) => r.status)).toEqual(['valid', 'valid']);
      const consent = await platform.db.get<{ holder_role: string }>("SELECT holder_role FROM licence_consents WHERE holder_role = 'agent'");
      expect(consent?.holder_role).toBe('agent');
      // A case naming 测试李四's licence for another applicant is refused at intake, never kept as his.
      const body = idCardCase({ name: '李四', idNumber: YOUNG_ID }, LI_SI, 'visit-lic-2');
      const refused = await call('POST', '/v1/cases', { token: kiosk, json: body });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'licence-wrong-holder', field: 'materials.0.electronicLicence' });
      expect(JSON.stringify(refused.body)).not.toContain(LI_SI);
      expect(await platform.db.get('SELECT id FROM cases WHERE id = ?', [body.caseId])).toBeUndefined();
    });

    describe('intake refuses a case naming a licence it cannot rest on', () => {
      const ZHOU = { name: '测试周过期', idNumber: '420102197505050010' };
      const QIAN = { name: '测试钱吊销', idNumber: YOUNG_ID };

      it.each([
        ['unknown', 'licence-unknown', () => idCardCase({ name: '测试李四', idNumber: LI_SI }, 'NO-SUCH-LICENCE-1', 'visit-lic-u')],
        ['expired', 'licence-expired', () => idCardCase(ZHOU, ZHOU.idNumber, 'visit-lic-e')],
        ['revoked', 'licence-revoked', () => idCardCase(QIAN, 'RID-REVOKED-0001', 'visit-lic-r')],
      ])('an %s licence: 422 %s on the material, and no case', async (_what, code, make) => {
        await platform.services.licences!.load([
          { type: 'resident-id-card', number: 'RID-REVOKED-0001', issuer: '测试市公安局演示分局', holderIdNumber: YOUNG_ID, holderName: QIAN.name, validFrom: '2020-01-01', validUntil: null, revokedAt: '2026-11-30' },
        ]);
        const body = make();
        const answer = await call('POST', '/v1/cases', { token: kiosk, json: body });
        expect(answer.status).toBe(422);
        expect(answer.body.error).toMatchObject({ code, field: 'materials.0.electronicLicence' });
        expect(await platform.db.get('SELECT id FROM cases WHERE id = ?', [body.caseId])).toBeUndefined();
      });

      it('a licence revoked only from a later day still stands today; the lookup skips a revoked one', async () => {
        await platform.services.licences!.load([
          { type: 'resident-id-card', number: 'RID-LATER-0001', issuer: '测试市公安局演示分局', holderIdNumber: ELDERLY, holderName: '测试孙后撤', validFrom: '2020-01-01', validUntil: null, revokedAt: '2026-12-02' },
        ]);
        expect((await call('POST', '/v1/cases', { token: kiosk, json: idCardCase({ name: '测试孙后撤', idNumber: ELDERLY }, 'RID-LATER-0001', 'visit-lic-l') })).status).toBe(201);
        expect((await lookup(YOUNG_ID, ['resident-id-card'])).body.results).toEqual([{ type: 'resident-id-card', status: 'missing', number: null }]);
      });

      it('a licence revoked after the case was made shows the desk as revoked; a 补正 naming it is refused', async () => {
        const body = idCardCase({ name: '测试孙艾克斯', idNumber: SUN }, SUN, 'visit-lic-s');
        expect((await call('POST', '/v1/cases', { token: kiosk, json: body })).status).toBe(201);
        const [held] = await platform.services.licences!.library.ofHolder(SUN, ['resident-id-card']);
        await platform.services.licences!.load([
          { type: 'resident-id-card', number: SUN, issuer: held!.issuer, holderIdNumber: SUN, holderName: '测试孙艾克斯', validFrom: held!.validFrom, validUntil: held!.validUntil, revokedAt: '2026-11-15' },
        ]);
        const seen = await call('GET', `/v1/cases/${body.caseId}/licences`, { token: clerk });
        expect(seen.body.licences[0]).toMatchObject({ materialCode: 'id-card', problem: 'revoked', licence: { revokedAt: '2026-11-15', holderMasked: '440106********048X' } });
        // The resend of the case as it was keeps its receipt: it was valid when it was made.
        expect((await call('POST', '/v1/cases', { token: kiosk, json: body })).status).toBe(201);

        expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId: body.caseId } })).status).toBe(200);
        expect((await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'request-materials', missingMaterials: ['身份证'] } })).status).toBe(200);
        const supplement = { supplementId: randomUUID(), materials: [{ code: 'id-card', electronicLicence: { type: 'resident-id-card', number: SUN } }] };
        const refused = await call('POST', `/v1/cases/${body.caseId}/supplements`, { token: kiosk, json: supplement });
        expect(refused.status).toBe(422);
        expect(refused.body.error).toMatchObject({ code: 'licence-revoked', field: 'materials.0.electronicLicence' });
      });
    });

    it('adds a completed social-security-card case’s result to the library, found by the next case', async () => {
      expect((await lookup(LI_SI, ['social-security-card'])).body.results[0].status).toBe('missing');
      const body = {
        caseId: randomUUID(),
        serviceCode: 'social-security-card-application',
        submittedAt: new Date(clock).toISOString(),
        visitId: 'visit-lic-3',
        applicant: { name: '测试李四', idNumber: LI_SI, phone: '13800138000' },
        form: { name: '测试李四', idNumber: LI_SI, phone: '13800138000', reason: 'first', bank: 'icbc', delivery: 'centre' },
        materials: [{ code: 'id-card', electronicLicence: { type: 'resident-id-card', number: LI_SI } }],
      };
      expect((await call('POST', '/v1/cases', { token: kiosk, json: body })).status).toBe(201);
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId: body.caseId } })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'accept' } })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${body.caseId}/decisions`, { token: clerk, json: { decision: 'transfer' } })).status).toBe(200);
      const office = demo.backOffice['social-insurance']!;
      const backOffice = await signIn(office.username, office.password);
      // The back office sees the licence the case names, its number (an ID number here) and holder masked.
      const opened = await call('GET', `/v1/back-office/cases/${body.caseId}`, { token: backOffice });
      expect(opened.body.electronicLicences).toEqual([{ type: 'resident-id-card', number: '640104********0021', holderMasked: '640104********0021' }]);
      const approved = await call('POST', `/v1/back-office/cases/${body.caseId}/decisions`, {
        token: backOffice,
        json: { decision: 'approve', result: { documentNumber: 'SSC-2026-777001', decisionText: '准予制发社会保障卡' } },
      });
      expect(approved.body.status).toBe('ready');
      const found = await call('POST', '/v1/pickups/search', { token: clerk, json: { by: 'case', caseId: body.caseId } });
      const pickupId = found.body.pickups[0].pickupId as string;
      const posted = await call('POST', `/v1/pickups/${pickupId}/collect`, { token: clerk, json: { method: 'post', carrier: 'EMS', trackingNumber: 'EMS-1234567' } });
      expect(posted.status).toBe(200);

      let next: { status: string; number: string | null } | undefined;
      for (let attempt = 0; attempt < 50 && next?.status !== 'valid'; attempt += 1) {
        next = (await lookup(LI_SI, ['social-security-card'])).body.results[0];
        if (next?.status !== 'valid') await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(next).toEqual({ type: 'social-security-card', status: 'valid', number: 'SSC-2026-777001' });
      const record = await platform.services.licences!.library.byNumber('social-security-card', 'SSC-2026-777001');
      expect(record?.sourceCaseId).toBe(body.caseId);
      expect((await platform.services.licences!.view(record!, '2026-12-01')).verification).toBe('genuine');
    });

    it('documents the routes in /v1/openapi.json', async () => {
      const doc = await call('GET', '/v1/openapi.json');
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/licences/lookups', '/v1/cases/{caseId}/licences']));
    });
  });
}
