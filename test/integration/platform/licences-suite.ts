import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeeded, YOUNG_ID, type SeededPlatform } from './helpers';

// The ID-card simulator's fictional holders (drivers/idcard/simulator/cards.ts).
const ZHANG_SAN = '110101198503120017';
const LI_SI = '640104199211300021';
const ZHAO = '320102194801010016';
const SUN = '44010619870704048X';

/**
 * The licence library (电子证照) over real HTTP on the demo library: a kiosk's consented lookup,
 * the staff's view of a case's licences, and a completed case's result found by the next case.
 * The clock stands on 1 December 2026 (CST).
 */
export function licencesSuite(dialect: 'sqlite' | 'postgres', newDb: (name: string) => Promise<string>): void {
  describe(`the licence library on ${dialect}`, () => {
    let s: SeededPlatform;
    const clock = Date.parse('2026-12-01T10:00:00+08:00');

    function lookup(holderIdNumber: string, types: string[], holderRole: 'applicant' | 'agent' = 'applicant', token = s.kiosk) {
      return s.call('POST', '/v1/licences/lookups', {
        token,
        json: { visitId: `visit-${randomUUID().slice(0, 8)}`, consent: { grantedAt: new Date(clock).toISOString(), scope: 'this-case' }, holderRole, holderIdNumber, types },
      });
    }

    /** A case for `holder` whose ID-card material is the resident ID card licence numbered `licenceNumber`. */
    function caseNaming(licenceNumber: string, holder: { name: string; idNumber: string }, visitId: string, service: 'contribution' | 'social-security-card' = 'contribution') {
      const contribution = service === 'contribution';
      return {
        caseId: randomUUID(),
        serviceCode: contribution ? 'si-contribution-certificate' : 'social-security-card-application',
        submittedAt: new Date(clock).toISOString(),
        visitId,
        applicant: { ...holder, phone: '13800138000' },
        form: contribution
          ? { ...holder, insuranceType: 'all', fromMonth: '2020-01-01', toMonth: '2024-12-01', purpose: 'housing' }
          : { ...holder, phone: '13800138000', reason: 'first', bank: 'icbc', delivery: 'centre' },
        materials: [{ code: 'id-card', electronicLicence: { type: 'resident-id-card', number: licenceNumber } }],
      };
    }

    beforeAll(async () => {
      s = await startSeeded({ db: await newDb('licences'), rateLimitPerMinute: 100_000, now: () => clock });
    });

    afterAll(async () => {
      await s.platform?.close();
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

      const consents = await s.platform.db.all<{ holder_key: string; types: string; holder_role: string }>('SELECT * FROM licence_consents');
      expect(consents.length).toBe(3);
      expect(JSON.stringify(consents)).not.toContain(ZHANG_SAN);
      const trail = await s.call('GET', '/v1/audit?limit=20', { token: s.admin });
      expect(trail.body.filter((e: { action: string }) => e.action === 'licence-lookup').length).toBe(3);
    });

    it('refuses a lookup from staff, without a consent, or with a malformed ID number', async () => {
      expect((await lookup(ZHANG_SAN, ['marriage-certificate'], 'applicant', s.clerk)).status).toBe(403);
      const noConsent = await s.call('POST', '/v1/licences/lookups', { token: s.kiosk, json: { visitId: 'v1', holderRole: 'applicant', holderIdNumber: ZHANG_SAN, types: ['marriage-certificate'] } });
      expect(noConsent.status).toBe(400);
      expect((await lookup('11010119850312001', ['marriage-certificate'])).status).toBe(400);
    });

    it('keeps holders sealed: no ID number or name in the licences table', async () => {
      const rows = await s.platform.db.all<Record<string, unknown>>('SELECT * FROM licences');
      expect(rows.length).toBeGreaterThan(5);
      const issued = await s.platform.db.all<Record<string, unknown>>("SELECT * FROM issued_documents WHERE kind LIKE 'licence:%'");
      const dump = JSON.stringify([rows, issued]);
      // Not even as a resident ID card's licence number, which is the ID number itself.
      for (const secret of [ZHANG_SAN, ZHAO, '测试张三', 'J110101-2012-000123']) expect(dump.includes(secret), secret).toBe(false);
    });

    it('shows staff a case’s licence with its document, issuer, validity and verification, audited; a changed row fails', async () => {
      const body = caseNaming(ZHANG_SAN, { name: '测试张三', idNumber: ZHANG_SAN }, 'visit-lic-1');
      expect((await s.call('POST', '/v1/cases', { token: s.kiosk, json: body })).status).toBe(201);
      const seen = await s.call('GET', `/v1/cases/${body.caseId}/licences`, { token: s.clerk });
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
      expect((await s.call('GET', `/v1/cases/${body.caseId}/licences`, { token: s.kiosk })).status).toBe(403);
      const trail = await s.call('GET', `/v1/audit?caseId=${body.caseId}`, { token: s.admin });
      expect(trail.body.map((e: { action: string }) => e.action)).toContain('licence-read');

      await s.platform.db.run("UPDATE licences SET valid_until = '2099-01-01' WHERE id = ?", [entry.licence.id]);
      const altered = await s.call('GET', `/v1/cases/${body.caseId}/licences`, { token: s.clerk });
      expect(altered.body.licences[0].licence.verification).toBe('altered');
    });

    it('looks an agent’s papers up under the agent, and flags a licence named for somebody else', async () => {
      const agent = await lookup(SUN, ['resident-id-card', 'disability-certificate'], 'agent');
      expect(agent.body.results.map((r: { status: string }) => r.status)).toEqual(['valid', 'valid']);
      const consent = await s.platform.db.get<{ holder_role: string }>("SELECT holder_role FROM licence_consents WHERE holder_role = 'agent'");
      expect(consent?.holder_role).toBe('agent');
      // A case naming 李四's licence for 王五's material is shown to staff as not found, never as his.
      const body = caseNaming(LI_SI, { name: '李四', idNumber: YOUNG_ID }, 'visit-lic-2');
      expect((await s.call('POST', '/v1/cases', { token: s.kiosk, json: body })).status).toBe(201);
      const seen = await s.call('GET', `/v1/cases/${body.caseId}/licences`, { token: s.clerk });
      expect(seen.body.licences).toEqual([{ materialCode: 'id-card', licence: null, problem: 'not-found' }]);
    });

    it('adds a completed social-security-card case’s result to the library, found by the next case', async () => {
      expect((await lookup(LI_SI, ['social-security-card'])).body.results[0].status).toBe('missing');
      const body = caseNaming(LI_SI, { name: '测试李四', idNumber: LI_SI }, 'visit-lic-3', 'social-security-card');
      expect((await s.call('POST', '/v1/cases', { token: s.kiosk, json: body })).status).toBe(201);
      expect((await s.call('POST', '/v1/queue/claim', { token: s.clerk, json: { caseId: body.caseId } })).status).toBe(200);
      expect((await s.call('POST', `/v1/cases/${body.caseId}/decisions`, { token: s.clerk, json: { decision: 'accept' } })).status).toBe(200);
      expect((await s.call('POST', `/v1/cases/${body.caseId}/decisions`, { token: s.clerk, json: { decision: 'transfer' } })).status).toBe(200);
      const office = s.demo.backOffice['social-insurance']!;
      const backOffice = await s.signIn(office.username, office.password);
      const approved = await s.call('POST', `/v1/back-office/cases/${body.caseId}/decisions`, {
        token: backOffice,
        json: { decision: 'approve', result: { documentNumber: 'SSC-2026-777001', decisionText: '准予制发社会保障卡' } },
      });
      expect(approved.body.status).toBe('ready');
      const found = await s.call('POST', '/v1/pickups/search', { token: s.clerk, json: { by: 'case', caseId: body.caseId } });
      const pickupId = found.body.pickups[0].pickupId as string;
      const posted = await s.call('POST', `/v1/pickups/${pickupId}/collect`, { token: s.clerk, json: { method: 'post', carrier: 'EMS', trackingNumber: 'EMS-1234567' } });
      expect(posted.status).toBe(200);

      let next: { status: string; number: string | null } | undefined;
      for (let attempt = 0; attempt < 50 && next?.status !== 'valid'; attempt += 1) {
        next = (await lookup(LI_SI, ['social-security-card'])).body.results[0];
        if (next?.status !== 'valid') await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(next).toEqual({ type: 'social-security-card', status: 'valid', number: 'SSC-2026-777001' });
      const record = await s.platform.services.licences!.library.byNumber('social-security-card', 'SSC-2026-777001');
      expect(record?.sourceCaseId).toBe(body.caseId);
      expect((await s.platform.services.licences!.view(record!, '2026-12-01')).verification).toBe('genuine');
    });

    it('documents the routes in /v1/openapi.json', async () => {
      const doc = await s.call('GET', '/v1/openapi.json');
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/licences/lookups', '/v1/cases/{caseId}/licences']));
    });
  });
}
