import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice, RunningPlatform } from '../../../platform';
import { certificateCase, startSeeded, type SeededPlatform } from '../platform/helpers';

const CERTIFICATE = 'si-contribution-certificate';
const MEDICAL = 'resident-medical-enrolment';
const RESIDENCE = 'residence-permit-endorsement';
const SIX = [CERTIFICATE, MEDICAL, RESIDENCE, 'flexible-employment-registration', 'elderly-longevity-allowance', 'residence-permit'];
const beijing = (local: string) => Date.parse(`${local}+08:00`);

/**
 * Multi-service visits at the windows on a real platform over HTTP: one number for up to five
 * services, 叫号/重呼/未到/完成, transfer and redirect kept apart, the wall's calls, and a
 * citizen cancelling a booking by its code.
 */
export function visitDeskSuite(label: string, newDb: (name: string) => Promise<string>): void {
  describe(`visits at the windows on ${label}`, () => {
    const notices: Notice[] = [];
    let site: SeededPlatform;
    let platform: RunningPlatform;

    beforeAll(async () => {
      const notifier = { channel: 'test', send: async (notice: Notice) => void notices.push(notice) };
      site = await startSeeded({ db: await newDb('visitdesk'), now: () => beijing('2026-12-02T10:00:00'), notifier });
      platform = site.platform;
    });

    afterAll(async () => {
      await platform?.close();
    });

    const take = (json: Record<string, unknown>) => site.call('POST', '/v1/tickets', { token: site.kiosk, json });
    const callAt = (window: string, services?: string[]) => site.call('POST', '/v1/tickets/call', { token: site.clerk, json: { window, ...(services ? { services } : {}) } });
    const act = (ticketId: string, action: string, json: Record<string, unknown>) => site.call('POST', `/v1/tickets/${ticketId}/${action}`, { token: site.clerk, json });
    /** Nobody left waiting from an earlier test, so each starts from an empty line. */
    const drain = async () => {
      for (;;) {
        const next = await callAt('清场窗口');
        if (next.status === 204) return;
        await act(next.body.ticketId, 'finish', { window: '清场窗口' });
      }
    };

    it('takes one number for a visit of several services, and refuses six, an unknown one and a repeat naming the field', async () => {
      const visit = await take({ services: [CERTIFICATE, MEDICAL] });
      expect(visit.status).toBe(201);
      expect(visit.body.number).toMatch(/^A\d+$/);
      expect(visit.body.serviceCode).toBe(CERTIFICATE);
      expect(visit.body.services).toEqual([
        { serviceCode: CERTIFICATE, caseId: null, caseNumber: null, caseStatus: null },
        { serviceCode: MEDICAL, caseId: null, caseNumber: null, caseStatus: null },
      ]);
      const six = await take({ services: SIX });
      expect(six.status).toBe(400);
      expect(six.body.error.field).toBe('services');
      expect(six.body.error.message).toContain('at most 5 services');
      const unknown = await take({ services: [CERTIFICATE, 'no-such-service'] });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error).toMatchObject({ field: 'services' });
      expect(unknown.body.error.message).toContain('no-such-service');
      const twice = await take({ services: [MEDICAL, MEDICAL] });
      expect(twice.status).toBe(400);
      expect(twice.body.error.field).toBe('services');
      const both = await take({ serviceCode: CERTIFICATE, services: [MEDICAL] });
      expect(both.status).toBe(400);
      const remote = await site.call('POST', `/v1/public/centres/${site.demo.centreId}/tickets`, { json: { services: [MEDICAL, RESIDENCE] } });
      expect(remote.status).toBe(201);
      expect(remote.body.services.map((s: { serviceCode: string }) => s.serviceCode)).toEqual([MEDICAL, RESIDENCE]);
      await drain();
    });

    it('calls the visit at one window, shows it on the wall, recalls it, keeps a case per service and completes it there', async () => {
      const visit = await take({ services: [CERTIFICATE, MEDICAL] });
      const called = await callAt('3号窗口');
      expect(called.body).toMatchObject({ ticketId: visit.body.ticketId, status: 'called', window: '3号窗口' });
      const wall = await site.call('GET', '/v1/calls', { token: site.demo.counter.credential });
      expect(wall.status).toBe(200);
      expect(wall.body.calls[0]).toMatchObject({ caseId: visit.body.ticketId, ticket: true, queueNumber: visit.body.number, windowName: '3号窗口', recall: false });

      const wrong = await act(visit.body.ticketId, 'recall', { window: '5号窗口' });
      expect(wrong.status).toBe(409);
      expect(wrong.body.error.field).toBe('window');
      expect((await act(visit.body.ticketId, 'recall', { window: '3号窗口' })).status).toBe(200);
      expect((await site.call('GET', '/v1/calls?window=3号窗口', { token: site.clerk })).body.calls[0]).toMatchObject({ queueNumber: visit.body.number, recall: true });

      const first = certificateCase();
      expect((await site.call('POST', '/v1/cases', { token: site.kiosk, json: first })).status).toBe(201);
      const linked = await act(visit.body.ticketId, 'cases', { window: '3号窗口', caseId: first.caseId });
      expect(linked.status).toBe(200);
      expect(linked.body.services[0]).toMatchObject({ serviceCode: CERTIFICATE, caseId: first.caseId, caseStatus: 'queued' });
      expect(linked.body.services[0].caseNumber).toMatch(/^A\d+$/);
      expect(linked.body.services[1].caseId).toBeNull();
      // A second case of the same service finds no free place in this visit; a case of another visit is refused too.
      const second = certificateCase();
      await site.call('POST', '/v1/cases', { token: site.kiosk, json: second });
      const full = await act(visit.body.ticketId, 'cases', { window: '3号窗口', caseId: second.caseId });
      expect(full.status).toBe(422);
      expect(full.body.error.field).toBe('caseId');
      const nowhere = await act(visit.body.ticketId, 'cases', { window: '3号窗口', caseId: '00000000-0000-4000-8000-000000000000' });
      expect(nowhere.status).toBe(422);

      // The case is handled at the same window: claimed, accepted, completed; the visit shows it.
      expect((await site.call('POST', '/v1/queue/claim', { token: site.clerk, json: { caseId: first.caseId } })).status).toBe(200);
      expect((await site.call('POST', `/v1/cases/${first.caseId}/decisions`, { token: site.clerk, json: { decision: 'accept' } })).status).toBe(200);
      expect((await site.call('POST', `/v1/cases/${first.caseId}/decisions`, { token: site.clerk, json: { decision: 'complete', result: '已出具缴费证明' } })).status).toBe(200);
      const list = await site.call('GET', '/v1/tickets', { token: site.clerk });
      expect(list.body.find((t: { ticketId: string }) => t.ticketId === visit.body.ticketId).services[0].caseStatus).toBe('completed');

      expect((await act(visit.body.ticketId, 'finish', { window: '5号窗口' })).status).toBe(409);
      const done = await act(visit.body.ticketId, 'finish', { window: '3号窗口' });
      expect(done.body).toMatchObject({ status: 'done', outcome: 'served' });
      const late = await act(visit.body.ticketId, 'transfer', { window: '3号窗口', toWindow: '5号窗口' });
      expect(late.status).toBe(409);
      expect(late.body.error.field).toBe('ticketId');
      expect((await act(visit.body.ticketId, 'recall', { window: '3号窗口' })).status).toBe(409);
      const events = await site.call('GET', `/v1/tickets/${visit.body.ticketId}/events`, { token: site.clerk });
      expect(events.body.map((e: { type: string }) => e.type)).toEqual(['taken', 'called', 'recalled', 'case-linked', 'served']);
    });

    it("a window's call goes out on the centre's event stream as `event: call`, for walls of every window", async () => {
      await take({ serviceCode: CERTIFICATE });
      const controller = new AbortController();
      const stream = await fetch(`${platform.url}/v1/events/stream?after=999999`, { headers: { authorization: `Bearer ${site.clerk}` }, signal: controller.signal });
      expect(stream.status).toBe(200);
      const reader = stream.body!.getReader();
      const called = await callAt('7号窗口');
      let text = '';
      while (!text.includes(`"queueNumber":"${called.body.number}"`)) text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      expect(text).toContain('event: call');
      expect(text).toContain('"windowName":"7号窗口"');
      expect((await act(called.body.ticketId, 'finish', { window: '7号窗口' })).status).toBe(200);
    });

    it('未到 ends the ticket as a no-show; an unknown ticket is not found', async () => {
      await take({ serviceCode: CERTIFICATE });
      const called = await callAt('3号窗口');
      const gone = await act(called.body.ticketId, 'no-show', { window: '3号窗口' });
      expect(gone.body).toMatchObject({ status: 'done', outcome: 'no-show' });
      expect((await act('00000000-0000-4000-8000-000000000000', 'no-show', { window: '3号窗口' })).status).toBe(404);
      expect((await act('not-a-uuid', 'no-show', { window: '3号窗口' })).status).toBe(400);
    });

    it('a transfer keeps the number and the place, goes only to the named window, and is recorded apart', async () => {
      const mine = await take({ services: [CERTIFICATE] });
      const later = await take({ serviceCode: CERTIFICATE });
      const called = await callAt('3号窗口');
      expect(called.body.ticketId).toBe(mine.body.ticketId);
      const unknown = await act(mine.body.ticketId, 'transfer', { window: '3号窗口', serviceCode: 'no-such-service' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.field).toBe('serviceCode');
      expect((await act(mine.body.ticketId, 'transfer', { window: '3号窗口' })).status).toBe(400);
      expect((await act(mine.body.ticketId, 'transfer', { window: '4号窗口', toWindow: '5号窗口' })).body.error.field).toBe('window');
      const nowhere = await act(mine.body.ticketId, 'transfer', { window: '3号窗口', toWindow: '3号窗口' });
      expect(nowhere.status).toBe(422);
      expect(nowhere.body.error.field).toBe('toWindow');
      const moved = await act(mine.body.ticketId, 'transfer', { window: '3号窗口', toWindow: '5号窗口', note: '需社保专窗' });
      expect(moved.body).toMatchObject({ status: 'waiting', number: mine.body.number, targetWindow: '5号窗口', transfers: 1, window: null });
      // Window 3 gets the one behind; window 5 gets the transferred visit, ahead of everyone after it.
      expect((await callAt('3号窗口')).body.ticketId).toBe(later.body.ticketId);
      const third = await take({ serviceCode: CERTIFICATE });
      const at5 = await callAt('5号窗口');
      expect(at5.body).toMatchObject({ ticketId: mine.body.ticketId, number: mine.body.number, window: '5号窗口' });
      // To another service line: the visit gains that service and keeps its place before the later ticket.
      const otherLine = await take({ serviceCode: MEDICAL });
      const relined = await act(mine.body.ticketId, 'transfer', { window: '5号窗口', serviceCode: MEDICAL });
      expect(relined.body.serviceCode).toBe(MEDICAL);
      expect(relined.body.services.map((s: { serviceCode: string }) => s.serviceCode)).toEqual([CERTIFICATE, MEDICAL]);
      expect(relined.body.ahead).toBe(0);
      expect((await callAt('6号窗口', [MEDICAL])).body.ticketId).toBe(mine.body.ticketId);
      const events = (await site.call('GET', `/v1/tickets/${mine.body.ticketId}/events`, { token: site.clerk })).body;
      expect(events.filter((e: { type: string }) => e.type === 'transferred')).toHaveLength(2);
      expect(events.find((e: { type: string }) => e.type === 'transferred').detail).toContain('5号窗口');
      const audit = await platform.db.all<{ action: string; detail: string }>("SELECT action, detail FROM audit_log WHERE action LIKE 'ticket-%'");
      expect(audit.filter((a) => a.action === 'ticket-transferred')).toHaveLength(2);
      expect(audit.some((a) => a.action === 'ticket-redirected')).toBe(false);
      void third;
      void otherLine;
      await drain();
    });

    it('a redirect ends the visit and opens a new one with its own number, the phone carried, recorded apart', async () => {
      const mine = await site.call('POST', `/v1/public/centres/${site.demo.centreId}/tickets`, { json: { serviceCode: CERTIFICATE, phone: '13700137000' } });
      const called = await callAt('3号窗口');
      expect(called.body.ticketId).toBe(mine.body.ticketId);
      const elsewhere = await act(mine.body.ticketId, 'redirect', { window: '3号窗口', serviceCode: RESIDENCE, centreId: 'no-such-centre' });
      expect(elsewhere.status).toBe(404);
      const unknown = await act(mine.body.ticketId, 'redirect', { window: '3号窗口', serviceCode: 'no-such-service' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.field).toBe('serviceCode');
      expect((await act(mine.body.ticketId, 'redirect', { window: '4号窗口', serviceCode: RESIDENCE })).body.error.field).toBe('window');
      const redirected = await act(mine.body.ticketId, 'redirect', { window: '3号窗口', serviceCode: RESIDENCE, note: '应办居住证签注' });
      expect(redirected.status).toBe(200);
      expect(redirected.body.ended).toMatchObject({ ticketId: mine.body.ticketId, status: 'done', outcome: 'redirected', redirectedTo: redirected.body.ticket.number });
      expect(redirected.body.ticket).toMatchObject({ source: 'redirect', status: 'waiting', serviceCode: RESIDENCE, phoneMasked: '137****7000' });
      expect(redirected.body.ticket.number).toMatch(/^C\d+$/);
      expect(redirected.body.ticket.number).not.toBe(mine.body.number);
      await platform.notificationsSettled();
      expect(notices.filter((n) => n.to === '13700137000').at(-1)!.text).toContain(`您已取号 ${redirected.body.ticket.number}`);
      expect((await act(mine.body.ticketId, 'redirect', { window: '3号窗口', serviceCode: RESIDENCE })).status).toBe(409);
      const events = (await site.call('GET', `/v1/tickets/${mine.body.ticketId}/events`, { token: site.clerk })).body.map((e: { type: string }) => e.type);
      expect(events).toContain('redirected');
      expect(events).not.toContain('transferred');
      const audit = await platform.db.all<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'ticket-redirected'");
      expect(audit).toHaveLength(1);
      expect(audit[0]!.detail).toContain(redirected.body.ticket.number);
      expect(JSON.stringify(audit)).not.toContain('13700137000');
      await drain();
    });

    it('only window staff act on tickets', async () => {
      await take({ serviceCode: CERTIFICATE });
      const called = await callAt('3号窗口');
      expect((await site.call('POST', `/v1/tickets/${called.body.ticketId}/recall`, { token: site.kiosk, json: { window: '3号窗口' } })).status).toBe(403);
      expect((await site.call('POST', `/v1/tickets/${called.body.ticketId}/transfer`, { json: { window: '3号窗口', toWindow: '4号窗口' } })).status).toBe(401);
      expect((await act(called.body.ticketId, 'finish', { window: '3号窗口' })).status).toBe(200);
    });
  });
}
