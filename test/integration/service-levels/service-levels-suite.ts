import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../../platform';
import { certificateCase, client } from '../platform/helpers';

const CERTIFICATE = 'si-contribution-certificate';
const CARD = 'social-security-card-application';
const cst = (time: string) => Date.parse(`2026-12-01T${time}+08:00`);
const MIN = 60;

/**
 * 等候时限 over real HTTP with a clock the test moves: targets set and refused, a case and two
 * tickets crossing their thresholds while they wait, then called, started (开始办理) and
 * finished, and the day's waiting, walking and handling figures given back exactly.
 */
export function serviceLevelsSuite(label: string, newDb: (name: string) => Promise<string>): void {
  describe(`service-level targets on ${label}`, () => {
    let platform: RunningPlatform;
    let call: ReturnType<typeof client>;
    let demo: DemoCredentials;
    let clerk: string;
    let admin: string;
    let clock = cst('08:30:00');
    const at = (time: string) => void (clock = cst(time));
    const caseA = certificateCase();
    let ticketOne = '';
    let ticketCard = '';

    beforeAll(async () => {
      platform = await startPlatform({ db: await newDb('service_levels'), seedDemo: true, rateLimitPerMinute: 100_000, signInAttemptsPerMinute: 1_000, now: () => clock });
      demo = platform.demoCredentials!;
      call = client(platform.url);
      clerk = (await call('POST', '/v1/staff/sessions', { json: demo.clerk })).body.token;
      admin = (await call('POST', '/v1/staff/sessions', { json: demo.admin })).body.token;
    });
    afterAll(async () => {
      await platform?.close();
    });

    const line = async (serviceCode: string) => {
      const now = await call('GET', '/v1/service-levels/now', { token: clerk });
      expect(now.status).toBe(200);
      return now.body.services.find((s: { serviceCode: string }) => s.serviceCode === serviceCode);
    };
    /** A window calls the service's next ticket, starts it and finishes it, at the three times given. */
    const serveTicket = async (ticketId: string, serviceCode: string, [calledAt, startedAt, finishedAt]: [string, string, string]) => {
      const window = { window: '3号窗口' };
      at(calledAt);
      expect((await call('POST', '/v1/tickets/call', { token: clerk, json: { ...window, services: [serviceCode] } })).body.ticketId).toBe(ticketId);
      at(startedAt);
      const started = await call('POST', `/v1/tickets/${ticketId}/start`, { token: clerk });
      expect(started.status).toBe(200);
      expect((await call('GET', '/v1/tickets', { token: clerk })).body.find((t: { ticketId: string }) => t.ticketId === ticketId)?.startedAt).toBe(started.body.startedAt);
      at(finishedAt);
      expect((await call('POST', `/v1/tickets/${ticketId}/finish`, { token: clerk, json: window })).status).toBe(200);
    };
    const ticketLevel = async (ticketId: string) => (await call('GET', '/v1/tickets', { token: clerk })).body.find((t: { ticketId: string }) => t.ticketId === ticketId)?.waitLevel;
    const queuedLevel = async () => (await call('GET', '/v1/queue', { token: clerk })).body.waiting.find((c: { caseId: string }) => c.caseId === caseA.caseId)?.waitLevel;

    it('has defaults for every service, and sets a service’s targets only when they make sense', async () => {
      const listed = await call('GET', '/v1/service-levels/targets', { token: clerk });
      expect(listed.status).toBe(200);
      expect(listed.body.find((t: { serviceCode: string }) => t.serviceCode === CARD)).toEqual({ serviceCode: CARD, warningMinutes: 15, criticalMinutes: 30, isDefault: true });

      const put = (serviceCode: string, body: object, token = admin) => call('PUT', `/v1/admin/service-levels/targets/${serviceCode}`, { token, json: body });
      const backwards = await put(CERTIFICATE, { warningMinutes: 20, criticalMinutes: 20 });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.field).toBe('criticalMinutes');
      const zero = await put(CERTIFICATE, { warningMinutes: 0, criticalMinutes: 20 });
      expect(zero.status).toBe(400);
      expect(zero.body.error.field).toBe('warningMinutes');
      const fraction = await put(CERTIFICATE, { warningMinutes: 5.5, criticalMinutes: 20 });
      expect(fraction.status).toBe(400);
      const unknown = await put('no-such-service', { warningMinutes: 10, criticalMinutes: 20 });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.field).toBe('serviceCode');
      expect((await put(CERTIFICATE, { warningMinutes: 10, criticalMinutes: 20 }, clerk)).status).toBe(403);

      expect((await put(CERTIFICATE, { warningMinutes: 12, criticalMinutes: 40 })).body).toEqual({ serviceCode: CERTIFICATE, warningMinutes: 12, criticalMinutes: 40, isDefault: false });
      expect((await call('DELETE', `/v1/admin/service-levels/targets/${CERTIFICATE}`, { token: admin })).body.isDefault).toBe(true);
      expect((await put(CERTIFICATE, { warningMinutes: 10, criticalMinutes: 20 })).status).toBe(200);
      const again = await call('GET', '/v1/service-levels/targets', { token: clerk });
      expect(again.body.find((t: { serviceCode: string }) => t.serviceCode === CERTIFICATE)).toEqual({ serviceCode: CERTIFICATE, warningMinutes: 10, criticalMinutes: 20, isDefault: false });
    });

    it('marks a waiting case and tickets as they pass the warning and the critical threshold', async () => {
      at('09:00:00');
      expect((await call('POST', '/v1/cases', { token: demo.kiosk.credential, json: { ...caseA, submittedAt: new Date(clock).toISOString() } })).status).toBe(201);
      const one = await call('POST', '/v1/tickets', { token: demo.kiosk.credential, json: { serviceCode: CERTIFICATE } });
      expect(one.status).toBe(201);
      ticketOne = one.body.ticketId;
      ticketCard = (await call('POST', '/v1/tickets', { token: demo.kiosk.credential, json: { serviceCode: CARD } })).body.ticketId;

      at('09:09:59');
      expect(await queuedLevel()).toBe('ok');
      expect(await ticketLevel(ticketOne)).toBe('ok');
      expect(await line(CERTIFICATE)).toMatchObject({ waiting: 2, warningNow: 0, criticalNow: 0, warningToday: 0, criticalToday: 0 });

      // Ten minutes waited is 即将超时 under a ten-minute warning: at the threshold counts.
      at('09:10:00');
      expect(await queuedLevel()).toBe('warning');
      expect(await ticketLevel(ticketOne)).toBe('warning');
      expect(await ticketLevel(ticketCard)).toBe('ok');
      expect(await line(CERTIFICATE)).toMatchObject({ waiting: 2, warningNow: 2, criticalNow: 0, warningToday: 2, criticalToday: 0 });
      expect(await line(CARD)).toMatchObject({ waiting: 1, warningNow: 0, criticalNow: 0 });

      at('09:21:00');
      expect(await queuedLevel()).toBe('critical');
      expect(await ticketLevel(ticketOne)).toBe('critical');
      expect(await ticketLevel(ticketCard)).toBe('warning');
      expect(await line(CERTIFICATE)).toMatchObject({ waiting: 2, warningNow: 0, criticalNow: 2, warningToday: 2, criticalToday: 2 });
      expect(await line(CARD)).toMatchObject({ waiting: 1, warningNow: 1, criticalNow: 0, warningMinutes: 15, criticalMinutes: 30 });
    });

    it('records 开始办理 once, only for what this window called', async () => {
      expect((await call('POST', `/v1/cases/${caseA.caseId}/start`, { token: clerk })).status).toBe(409);
      expect((await call('POST', `/v1/tickets/${ticketOne}/start`, { token: clerk })).status).toBe(409);
      expect((await call('POST', `/v1/cases/${randomUUID()}/start`, { token: clerk })).status).toBe(404);
      expect((await call('POST', `/v1/tickets/${randomUUID()}/start`, { token: clerk })).status).toBe(404);
      expect((await call('POST', `/v1/cases/${caseA.caseId}/start`, { token: demo.kiosk.credential })).status).toBe(403);
    });

    it('gives the day’s waiting, walking and handling per service and per staff member, and exports them', async () => {
      // The case: waited 22 min, walked 2, handled 6 (to 受理).
      at('09:22:00');
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId: caseA.caseId } })).status).toBe(200);
      at('09:24:00');
      const started = await call('POST', `/v1/cases/${caseA.caseId}/start`, { token: clerk });
      expect(started.body).toEqual({ startedAt: new Date(cst('09:24:00')).toISOString() });
      at('09:25:00');
      expect((await call('POST', `/v1/cases/${caseA.caseId}/start`, { token: clerk })).body).toEqual(started.body);
      at('09:30:00');
      expect((await call('POST', `/v1/cases/${caseA.caseId}/decisions`, { token: clerk, json: { decision: 'accept' } })).status).toBe(200);
      // Ticket one: waited 25 min, walked 1, handled 10; the card ticket: waited 40 (past critical), walked 3, handled 7.
      await serveTicket(ticketOne, CERTIFICATE, ['09:25:00', '09:26:00', '09:36:00']);
      await serveTicket(ticketCard, CARD, ['09:40:00', '09:43:00', '09:50:00']);

      expect(await line(CERTIFICATE)).toMatchObject({ waiting: 0, warningNow: 0, criticalNow: 0, warningToday: 2, criticalToday: 2 });
      expect(await line(CARD)).toMatchObject({ waiting: 0, warningToday: 1, criticalToday: 1 });

      const dashboard = await call('GET', '/v1/dashboard', { token: admin });
      expect(dashboard.status).toBe(200);
      const dist = (values: number[]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return { p50Seconds: sorted[Math.floor(sorted.length / 2)], p90Seconds: sorted[Math.min(sorted.length - 1, Math.floor(0.9 * sorted.length))] };
      };
      const certificate = dashboard.body.serviceTimes.byService.find((s: { serviceCode: string }) => s.serviceCode === CERTIFICATE);
      expect(certificate).toMatchObject({ served: 2, waiting: { count: 2, ...dist([22 * MIN, 25 * MIN]) }, walking: { count: 2, ...dist([2 * MIN, 1 * MIN]) }, handling: { count: 2, ...dist([6 * MIN, 10 * MIN]) } });
      const card = dashboard.body.serviceTimes.byService.find((s: { serviceCode: string }) => s.serviceCode === CARD);
      expect(card).toMatchObject({ served: 1, waiting: { p50Seconds: 40 * MIN }, walking: { p50Seconds: 3 * MIN }, handling: { p50Seconds: 7 * MIN } });
      expect(dashboard.body.serviceTimes.byStaff).toHaveLength(1);
      expect(dashboard.body.serviceTimes.byStaff[0]).toMatchObject({ served: 3, waiting: { count: 3, p50Seconds: 25 * MIN, p90Seconds: 40 * MIN }, handling: { count: 3, p50Seconds: 7 * MIN } });
      expect(dashboard.body.serviceLevels.find((l: { serviceCode: string }) => l.serviceCode === CARD)).toMatchObject({ criticalToday: 1 });

      // A range that ends before the day holds nothing.
      const before = await call('GET', `/v1/dashboard?from=${encodeURIComponent('2026-11-30T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-01T00:00:00+08:00')}`, { token: admin });
      expect(before.body.serviceTimes.byService).toEqual([]);

      const csv = await call('GET', '/v1/dashboard/export/service-times.csv?lang=zh-CN', { token: admin });
      expect(csv.status).toBe(200);
      const rows = parse(String(csv.body).replace(/^\uFEFF/, '')) as string[][];
      expect(rows[0]).toEqual(['事项', '已叫号', '等候中位数（秒）', '等候 P90（秒）', '走到窗口中位数（秒）', '走到窗口 P90（秒）', '办理中位数（秒）', '办理 P90（秒）']);
      expect(rows.find((r) => r[1] === '1')).toEqual([expect.any(String), '1', '2400', '2400', '180', '180', '420', '420']);
      const staffCsv = parse(String((await call('GET', '/v1/dashboard/export/staff-times.csv?lang=en', { token: admin })).body).replace(/^\uFEFF/, '')) as string[][];
      expect(staffCsv[0]![0]).toBe('Staff member');
      expect(staffCsv[1]!.slice(1, 4)).toEqual(['3', '1500', '2400']);
      const levelsCsv = parse(String((await call('GET', '/v1/dashboard/export/service-levels.csv', { token: admin })).body).replace(/^\uFEFF/, '')) as string[][];
      expect(levelsCsv[0]).toContain('今日超时');
    });

    it('waits a checked-in appointment from its slot, not from coming early', async () => {
      // Ticket rows written the way a check-in writes them: taken at 09:50 for a 10:00 slot.
      at('09:50:00');
      const visits = platform.services.visits!;
      const prepared = await visits.tickets.prepare({ centreId: demo.centreId, services: [CARD], source: 'kiosk', appointment: { id: randomUUID(), slotStart: cst('10:00:00') } });
      await platform.services.ctx.db.transaction((tx) => visits.tickets.insert(tx, prepared));
      at('10:14:59');
      expect(await line(CARD)).toMatchObject({ waiting: 1, warningNow: 0 });
      at('10:15:00');
      expect(await line(CARD)).toMatchObject({ waiting: 1, warningNow: 1 });
    });

    it('counts a case sent back to the queue as waiting again, from its receipt', async () => {
      at('10:20:00');
      const caseB = certificateCase();
      expect((await call('POST', '/v1/cases', { token: demo.kiosk.credential, json: { ...caseB, submittedAt: new Date(clock).toISOString() } })).status).toBe(201);
      at('10:25:00');
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId: caseB.caseId } })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${caseB.caseId}/decisions`, { token: clerk, json: { decision: 'release', note: '未到场' } })).status).toBe(200);
      at('10:31:00');
      const waiting = (await call('GET', '/v1/queue', { token: clerk })).body.waiting;
      expect(waiting.find((c: { caseId: string }) => c.caseId === caseB.caseId)?.waitLevel).toBe('warning');
      expect(await line(CERTIFICATE)).toMatchObject({ waiting: 1, warningNow: 1 });
    });
  });
}
