import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EventBus } from '../../../main/api/event-bus';
import { CounterService } from '../../../main/counter/counter-service';
import { StaffClient } from '../../../main/counter/staff-client';
import { startPlatform, type RunningPlatform } from '../../../platform';
import { startLocalPostgres, type LocalPostgres } from '../platform/local-postgres';
import { certificateCase, client } from '../platform/helpers';

/**
 * Two platform instances, each with its own connection pool, on one PostgreSQL (a city's set-up), two counters on each, all calling
 * next at once: the claim's `FOR UPDATE SKIP LOCKED` must hand every case to exactly one desk.
 */
let server: LocalPostgres;
const platforms: RunningPlatform[] = [];
const desks: CounterService[] = [];

beforeAll(async () => {
  server = await startLocalPostgres();
  const db = await server.createDatabase('counter_claims');
  platforms.push(await startPlatform({ db, seedDemo: true, rateLimitPerMinute: 100_000 }));
  platforms.push(await startPlatform({ db, rateLimitPerMinute: 100_000 }));
}, 60_000);

afterAll(async () => {
  for (const desk of desks) await desk.dispose();
  for (const platform of platforms) await platform.close();
  server?.stop();
});

it('four desks on two platform processes calling next together never share a case', async () => {
  const demo = platforms[0]!.demoCredentials!;
  for (let i = 0; i < 4; i += 1) {
    const desk = new CounterService({
      client: new StaffClient({ baseUrl: platforms[i % 2]!.url }),
      windowName: `${i + 1}号窗口`,
      lockMinutes: 10,
      events: new EventBus(),
      log: pino({ level: 'silent' }),
    });
    desks.push(desk);
    const who = i % 2 === 0 ? demo.clerk : demo.admin;
    expect((await desk.signIn(who.username, who.password)).ok).toBe(true);
  }
  const call = client(platforms[0]!.url);
  const submitted: string[] = [];
  for (let round = 0; round < 10; round += 1) {
    const batch = await Promise.all(
      [0, 1, 2].map(async () => {
        const body = certificateCase();
        expect((await call('POST', '/v1/cases', { token: demo.kiosk.credential, json: body })).status).toBe(201);
        return body.caseId;
      }),
    );
    submitted.push(...batch);
    const calls = await Promise.all(desks.map((desk) => desk.callNext()));
    const got = calls.map((c) => c.case?.caseId).filter((id): id is string => id !== undefined);
    // Three cases, four desks: three get one each, distinct, and one finds the queue empty.
    expect(got.sort()).toEqual([...batch].sort());
    await Promise.all(
      desks.map(async (desk, i) => {
        const caseId = calls[i]!.case?.caseId;
        if (caseId) await desk.decide(caseId, { decision: 'reject', reason: 'other', text: '测试清理' });
      }),
    );
  }
  expect(new Set(submitted).size).toBe(30);
}, 60_000);
