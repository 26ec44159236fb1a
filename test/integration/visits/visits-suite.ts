import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCredentials, Notice, RunningPlatform } from '../../../platform';
import { ELDERLY_ID, startSeeded, YOUNG_ID, type Call } from '../platform/helpers';

const SERVICE = 'si-contribution-certificate';
const OTHER_ID = '110105198001010016';
/** Mon–Fri 09:00–12:00 and 13:30–17:00, the centre's hours as the fleet page sets them. */
const WEEKDAYS = [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:00' }];
const HOURS = { timeZone: 'Asia/Shanghai', week: [[], WEEKDAYS, WEEKDAYS, WEEKDAYS, WEEKDAYS, WEEKDAYS, []], maintenanceAt: '03:00' };
const beijing = (local: string) => Date.parse(`${local}+08:00`);

/** Appointments and the ticket queue on a real platform over HTTP, with a clock the test moves. */
export function visitsSuite(label: string, newDb: (name: string) => Promise<string>): void {
  describe(`visits on ${label}`, () => {
    let platform: RunningPlatform, demo: DemoCredentials, call: Call, kiosk: string, clerk: string, admin: string;
    let clock = beijing('2026-12-01T10:00:00');
    const notices: Notice[] = [];
    const sent = async () => {
      await platform.notificationsSettled();
      return notices.map((n) => n.text);
    };

    beforeAll(async () => {
      const notifier = { channel: 'test', send: async (notice: Notice) => void notices.push(notice) };
      ({ platform, demo, call, kiosk, clerk, admin } = await startSeeded({ db: await newDb('visits'), now: () => clock, notifier }));
      const fleet = await call('PUT', '/v1/fleet/settings', { token: admin, json: { technicianPhone: null, webhookUrl: null, webhookSecret: null, openingHours: HOURS } });
      expect(fleet.status).toBe(200);
      const settings = await call('PUT', '/v1/admin/visit-settings', {
        token: admin,
        json: { slotMinutes: 30, graceMinutes: 15, nearThreshold: 3, services: { [SERVICE]: { windows: 1, minutesPerCitizen: 15 } } },
      });
      expect(settings.status).toBe(200);
    });

    afterAll(async () => {
      await platform?.close();
    });

    const book = (slotStart: string, idNumber: string, phone = '13900139000') =>
      call('POST', `/v1/public/centres/${demo.centreId}/appointments`, { json: { serviceCode: SERVICE, slotStart: new Date(beijing(slotStart)).toISOString(), name: '王小明', idNumber, phone } });
    const take = (phone?: string) => call('POST', '/v1/tickets', { token: kiosk, json: { serviceCode: SERVICE, ...(phone ? { phone } : {}) } });
    const callNext = (window = '3号窗口') => call('POST', '/v1/tickets/call', { token: clerk, json: { window, services: [SERVICE] } });
    /** The fake clock moves; a staff session older than a working day would have expired, so the clerk signs in again. */
    const at = async (local: string) => {
      clock = beijing(local);
      clerk = (await call('POST', '/v1/staff/sessions', { json: demo.clerk })).body.token;
    };
    const tokenOf = (link: string) => link.split('/t/')[1]!;

    it('makes slots from the opening hours and the windows, none on a weekend or a bad service', async () => {
      const slots = await call('GET', `/v1/public/centres/${demo.centreId}/slots?serviceCode=${SERVICE}&date=2026-12-02`);
      expect(slots.status).toBe(200);
      expect(slots.body).toHaveLength(13);
      expect(slots.body[0]).toMatchObject({ start: new Date(beijing('2026-12-02T09:00:00')).toISOString(), capacity: 2, free: 2 });
      expect(slots.body[6].start).toBe(new Date(beijing('2026-12-02T13:30:00')).toISOString());
      expect((await call('GET', `/v1/public/centres/${demo.centreId}/slots?serviceCode=${SERVICE}&date=2026-12-05`)).body).toEqual([]);
      const bad = await call('GET', `/v1/public/centres/${demo.centreId}/slots?serviceCode=nope&date=2026-12-02`);
      expect(bad.status).toBe(422);
      expect(bad.body.error.field).toBe('serviceCode');
    });

    it('books a slot, masks the booker, refuses a full slot, a second booking and a bad ID number naming the field', async () => {
      const first = await book('2026-12-02T10:00:00', YOUNG_ID);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'booked', nameMasked: '王**', idNumberMasked: '440305********0011', phoneMasked: '139****9000' });
      expect(first.body.code).toMatch(/^[2-9A-Z]{12}$/);
      expect(JSON.stringify(first.body)).not.toContain(YOUNG_ID);
      expect((await book('2026-12-02T10:00:00', ELDERLY_ID)).status).toBe(201);
      const full = await book('2026-12-02T10:00:00', OTHER_ID);
      expect(full.status).toBe(409);
      expect(full.body.error.field).toBe('slotStart');
      const twice = await book('2026-12-02T11:00:00', YOUNG_ID);
      expect(twice.status).toBe(409);
      expect(twice.body.error.field).toBe('idNumber');
      const bad = await book('2026-12-02T11:00:00', '440305199912310012');
      expect(bad.status).toBe(422);
      expect(bad.body.error.field).toBe('idNumber');
      const off = await book('2026-12-02T10:10:00', OTHER_ID);
      expect(off.status).toBe(422);
      expect(off.body.error.field).toBe('slotStart');
      const slots = await call('GET', `/v1/public/centres/${demo.centreId}/slots?serviceCode=${SERVICE}&date=2026-12-02`);
      expect(slots.body[2]).toMatchObject({ free: 0 });
    });

    it('reminds the day before, once, without anything personal', async () => {
      await at('2026-12-01T10:05:00');
      expect(await platform.services.visits!.appointments.sweep()).toEqual({ noShows: 0, reminders: 2 });
      expect(await platform.services.visits!.appointments.sweep()).toEqual({ noShows: 0, reminders: 0 });
      const reminders = (await sent()).filter((t) => t.includes('您预约的'));
      expect(reminders).toHaveLength(2);
      expect(reminders[0]).toContain('12月2日 10:00');
      for (const text of reminders) expect(text).not.toMatch(/王|4403|1101|13900139000/);
    });

    it('checks in by card at the kiosk: the appointment is served first once its slot begins', async () => {
      await at('2026-12-02T09:20:00');
      const early = await call('POST', '/v1/appointments/check-in', { token: kiosk, json: { idNumber: YOUNG_ID } });
      expect(early.status).toBe(409);
      await at('2026-12-02T09:50:00');
      const walkIn = await take();
      expect(walkIn.status).toBe(201);
      const checkedIn = await call('POST', '/v1/appointments/check-in', { token: kiosk, json: { idNumber: YOUNG_ID } });
      expect(checkedIn.status).toBe(200);
      expect(checkedIn.body.appointment.status).toBe('checked-in');
      expect(checkedIn.body.ticket).toMatchObject({ source: 'appointment', status: 'waiting', ahead: 1 });
      expect((await call('POST', '/v1/appointments/check-in', { token: kiosk, json: { idNumber: YOUNG_ID } })).status).toBe(404);
      expect((await call('POST', '/v1/appointments/check-in', { token: demo.counter.credential, json: { idNumber: YOUNG_ID } })).status).toBe(403);
      await at('2026-12-02T10:01:00');
      const first = await callNext();
      expect(first.body).toMatchObject({ ticketId: checkedIn.body.ticket.ticketId, status: 'called', window: '3号窗口' });
      expect((await sent()).at(-1)).toContain(`请 ${first.body.number} 号到 3号窗口`);
      const second = await callNext();
      expect(second.body.ticketId).toBe(walkIn.body.ticketId);
      const done = await call('POST', `/v1/tickets/${first.body.ticketId}/finish`, { token: clerk });
      expect(done.body.status).toBe('done');
      const rated = await call('POST', `/v1/public/tickets/${tokenOf(checkedIn.body.ticket.link)}/rating`, { json: { level: 5 } });
      expect(rated.body.rating).toBe(5);
      expect((await call('POST', `/v1/public/tickets/${tokenOf(checkedIn.body.ticket.link)}/rating`, { json: { level: 1 } })).status).toBe(409);
      await call('POST', `/v1/tickets/${second.body.ticketId}/finish`, { token: clerk });
    });

    it('checks in by the booking code, and a booking past its grace becomes a no-show that frees the slot', async () => {
      // ELDERLY_ID's 10:00 booking was never checked in.
      await at('2026-12-02T10:16:00');
      expect((await platform.services.visits!.appointments.sweep()).noShows).toBe(1);
      expect((await call('POST', '/v1/appointments/check-in', { token: kiosk, json: { idNumber: ELDERLY_ID } })).status).toBe(404);
      const slots = await call('GET', `/v1/public/centres/${demo.centreId}/slots?serviceCode=${SERVICE}&date=2026-12-02`);
      expect(slots.body.find((s: { start: string }) => s.start === new Date(beijing('2026-12-02T10:00:00')).toISOString())).toMatchObject({ free: 1 });
      await at('2026-12-02T10:20:00');
      const later = await book('2026-12-02T11:00:00', OTHER_ID);
      expect(later.status).toBe(201);
      await at('2026-12-02T10:50:00');
      const byCode = await call('POST', '/v1/appointments/check-in', { token: kiosk, json: { code: later.body.code } });
      expect(byCode.status).toBe(200);
      expect(byCode.body.ticket.source).toBe('appointment');
      await at('2026-12-02T11:00:00');
      expect((await callNext()).body.ticketId).toBe(byCode.body.ticket.ticketId);
    });

    it('a remote number: SMS when three are ahead, postponed once to the back, then called', async () => {
      await at('2026-12-02T14:00:00');
      for (let i = 0; i < 4; i += 1) expect((await take()).status).toBe(201);
      const mine = await call('POST', `/v1/public/centres/${demo.centreId}/tickets`, { json: { serviceCode: SERVICE, phone: '13700137000' } });
      expect(mine.status).toBe(201);
      expect(mine.body).toMatchObject({ source: 'remote', ahead: 4, phoneMasked: '137****7000', canPostpone: true });
      const token = tokenOf(mine.body.link);
      const mineSms = () => notices.filter((n) => n.to === '13700137000').map((n) => n.text);
      await sent();
      expect(mineSms()).toHaveLength(1);
      expect(mineSms()[0]).toContain(mine.body.link);
      await callNext();
      await sent();
      expect(mineSms()).toHaveLength(2);
      expect(mineSms()[1]).toContain('前面还有 3 位');
      expect(mineSms()[1]).toContain(mine.body.link);
      const postponed = await call('POST', `/v1/public/tickets/${token}/postpone`);
      expect(postponed.body).toMatchObject({ postponed: true, canPostpone: false, ahead: 3 });
      expect((await call('POST', `/v1/public/tickets/${token}/postpone`)).status).toBe(409);
      const other = await call('POST', `/v1/public/centres/${demo.centreId}/tickets`, { json: { serviceCode: SERVICE } });
      expect((await call('POST', `/v1/public/tickets/${tokenOf(other.body.link)}/cancel`)).body.status).toBe('cancelled');
      for (let i = 0; i < 3; i += 1) await callNext();
      const called = await callNext('5号窗口');
      expect(called.body).toMatchObject({ ticketId: mine.body.ticketId, status: 'called', window: '5号窗口' });
      await sent();
      expect(mineSms().at(-1)).toContain(`请 ${mine.body.number} 号到 5号窗口`);
      expect(mineSms().filter((t) => t.includes('前面还有'))).toHaveLength(2);
      expect((await callNext()).status).toBe(204);
      expect((await call('GET', `/v1/public/tickets/${token}`)).body.status).toBe('called');
    });

    it('the live figures count who waits per service and estimate from recent calls', async () => {
      await at('2026-12-02T15:00:00');
      for (let i = 0; i < 3; i += 1) await take();
      const live = await call('GET', `/v1/public/centres/${demo.centreId}/live`);
      expect(live.status).toBe(200);
      const row = live.body.services.find((s: { serviceCode: string }) => s.serviceCode === SERVICE);
      // No calls in the last hour: the configured pace, one window at 15 minutes, for 3.5 citizens.
      expect(row).toMatchObject({ waiting: 3, estimatedWaitMinutes: 53 });
      for (const minute of [2, 4, 6]) {
        await at(`2026-12-02T15:0${minute}:00`);
        await take();
        await callNext();
      }
      const paced = (await call('GET', `/v1/public/centres/${demo.centreId}/live`)).body.services.find((s: { serviceCode: string }) => s.serviceCode === SERVICE);
      // Two intervals of 2 minutes beside four configured ones of 15: 10.7 minutes a citizen.
      expect(paced).toMatchObject({ waiting: 3, estimatedWaitMinutes: 37 });
      expect((await call('GET', '/v1/public/centres/nowhere/live')).status).toBe(404);
    });

    it('the pages show nothing personal and speak Chinese on a bad form', async () => {
      const page = await call('GET', `/live/${demo.centreId}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
      const bad = await fetch(`${platform.url}/book/${demo.centreId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ service: SERVICE, date: '2026-12-02', slotStart: new Date(beijing('2026-12-02T16:00:00')).toISOString(), name: '赵六', idNumber: '123', phone: '13800138000' }),
      });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain('身份证号码不正确');
      expect((await call('GET', '/t/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
      const ticket = await take();
      const rate = await fetch(`${platform.url}/t/${tokenOf(ticket.body.link)}/rate`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ level: '9' }),
      });
      expect(rate.status).toBe(422);
      expect(await rate.text()).toContain('请选择一个评价等级');
      const remote = await fetch(`${platform.url}/live/${demo.centreId}/ticket`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ service: 'no-such-service', phone: '' }),
      });
      expect(remote.status).toBe(422);
      expect(await remote.text()).toContain('请选择要办理的事项');
    });

    it('keeps no booker or phone in the clear, and wipes them when the booking or ticket ends', async () => {
      const rows = JSON.stringify([
        ...(await platform.db.all('SELECT * FROM appointments')),
        ...(await platform.db.all('SELECT * FROM tickets')),
        ...(await platform.db.all('SELECT * FROM visit_notices')),
      ]);
      for (const secret of [YOUNG_ID, ELDERLY_ID, OTHER_ID, '王小明', '13900139000', '13700137000']) expect(rows).not.toContain(secret);
      const ended = await platform.db.all<{ sealed: string | null }>("SELECT sealed FROM appointments WHERE status <> 'booked'");
      expect(ended.length).toBeGreaterThan(0);
      expect(ended.every((r) => r.sealed === null)).toBe(true);
      const finished = await platform.db.all<{ phone_sealed: string | null; token_sealed: string | null }>("SELECT phone_sealed, token_sealed FROM tickets WHERE status IN ('done', 'cancelled')");
      expect(finished.every((r) => r.phone_sealed === null && r.token_sealed === null)).toBe(true);
    });

    it('a citizen cancels a booking by its code, by API and on the page, and the slot is free again', async () => {
      await at('2026-12-02T15:10:00');
      const freeAt = async (local: string) =>
        (await call('GET', `/v1/public/centres/${demo.centreId}/slots?serviceCode=${SERVICE}&date=2026-12-02`)).body.find(
          (s: { start: string }) => s.start === new Date(beijing(local)).toISOString(),
        ).free;
      const booked = await book('2026-12-02T16:30:00', ELDERLY_ID);
      expect(booked.status).toBe(201);
      expect(await freeAt('2026-12-02T16:30:00')).toBe(1);
      const bad = await call('POST', '/v1/public/appointments/cancel', { json: { code: 'ZZZZZZZZZZZZ' } });
      expect(bad.status).toBe(404);
      expect((await call('POST', '/v1/public/appointments/cancel', { json: { code: 'short' } })).body.error.field).toBe('code');
      const cancelled = await call('POST', '/v1/public/appointments/cancel', { json: { code: booked.body.code.toLowerCase() } });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', appointmentId: booked.body.appointmentId });
      expect(cancelled.body.code).toBeUndefined();
      expect(await freeAt('2026-12-02T16:30:00')).toBe(2);
      const again = await call('POST', '/v1/public/appointments/cancel', { json: { code: booked.body.code } });
      expect(again.status).toBe(409);
      expect(again.body.error.field).toBe('code');
      expect((await call('POST', '/v1/appointments/check-in', { token: kiosk, json: { code: booked.body.code } })).status).toBe(404);
      expect((await platform.db.get<{ sealed: string | null }>('SELECT sealed FROM appointments WHERE id = ?', [booked.body.appointmentId]))!.sealed).toBeNull();

      const byPage = await book('2026-12-02T16:30:00', ELDERLY_ID);
      const form = await call('GET', `/book/${demo.centreId}/cancel`);
      expect(form.status).toBe(200);
      expect(form.body).toContain('签到码');
      const post = (code: string) =>
        fetch(`${platform.url}/book/${demo.centreId}/cancel`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ code }) });
      const wrong = await post('ABCDEFGH2345');
      expect(wrong.status).toBe(404);
      expect(await wrong.text()).toContain('没有找到这个签到码的预约');
      const done = await post(byPage.body.code);
      expect(done.status).toBe(200);
      const text = await done.text();
      expect(text).toContain('预约已取消');
      expect(text).not.toMatch(/王|4403|1101|13900139000/);
      expect(await freeAt('2026-12-02T16:30:00')).toBe(2);
      expect(await (await post(byPage.body.code)).text()).toContain('不能再取消');
    });

    it('two windows calling at once never call the same ticket', async () => {
      await at('2026-12-02T16:00:00');
      const queued = new Set<string>();
      for (let i = 0; i < 6; i += 1) queued.add((await take()).body.ticketId);
      const leftover = (await call('GET', '/v1/tickets', { token: clerk })).body.filter((t: { status: string }) => t.status === 'waiting').length;
      const calls = await Promise.all(Array.from({ length: leftover + 2 }, (_, i) => callNext(`${i}号窗口`)));
      const ids = calls.filter((c) => c.status === 200).map((c) => c.body.ticketId as string);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(leftover);
      for (const id of queued) expect(ids).toContain(id);
    });
  });
}
