import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParser } from 'eventsource-parser';
import { DEMO } from '../../../platform/seed/demo';
import { certificateCase, client } from './helpers';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';

const run = promisify(execFile);
const bin = path.resolve('bin/tongban.js');
const KIOSK = `tbt_${DEMO.kiosk.terminalId}.${DEMO.kiosk.secret}`;

interface Served {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

/** `tongban platform` as a city runs it: its own process, its own port. */
async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'platform', '--port', '0', ...args]);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`tongban platform exited with ${code}: ${out}`)));
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
  });
  return { url, child, output: () => out };
}

function stop(served: Served | undefined): Promise<void> {
  if (!served || served.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    served.child.once('exit', () => resolve());
    served.child.kill('SIGTERM');
  });
}

/** An open event stream: resolves `seen(caseId)` when the stream delivers that case's `submitted` event. */
async function openStream(url: string, token: string, after: number) {
  const controller = new AbortController();
  const response = await fetch(`${url}/v1/events/stream?after=${after}`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  const waiting = new Map<string, (at: number) => void>();
  const arrived = new Map<string, number>();
  const parser = createParser({
    onEvent: (message) => {
      if (message.event !== 'case') return;
      const event = JSON.parse(message.data) as { caseId: string; type: string };
      if (event.type !== 'submitted') return;
      arrived.set(event.caseId, performance.now());
      waiting.get(event.caseId)?.(performance.now());
    },
  });
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body!) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // Aborted by close(): the stream's end is the test's own.
    }
  })();
  return {
    seen: (caseId: string) =>
      new Promise<number>((resolve) => {
        const at = arrived.get(caseId);
        if (at !== undefined) resolve(at);
        else waiting.set(caseId, resolve);
      }),
    close: () => controller.abort(),
  };
}

/**
 * Issue 19: a city's platform as two processes on one PostgreSQL. A kiosk submits through one,
 * a desk connected to the other sees it within a second (LISTEN/NOTIFY, not the stream's 15 s
 * keepalive) and claims it; a desk on the first process cannot. Stream caps and rate limits
 * hold across the two.
 */
describe('a city on two platform processes (PostgreSQL)', () => {
  let postgres: LocalPostgres;
  let db: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-city-'));
  const keyFile = path.join(dir, 'platform.keys');
  let a: Served | undefined;
  let b: Served | undefined;

  beforeAll(async () => {
    postgres = await startLocalPostgres();
    db = await postgres.createDatabase('city');
    // The first process migrates and seeds; the second joins the same store and key file.
    a = await serve(['--db', db, '--key-file', keyFile, '--seed-demo']);
    b = await serve(['--db', db, '--key-file', keyFile]);
    const password = 'second-desk-password-1';
    const child = run(process.execPath, [bin, 'platform', 'staff', 'add', '--db', db, '--key-file', keyFile, '--centre', DEMO.centre.id, '--username', 'desk.two', '--password-stdin']);
    child.child.stdin!.end(password);
    await child;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(url: string, username: string, password: string): Promise<string> {
    const answer = await client(url)('POST', '/v1/staff/sessions', { json: { username, password } });
    expect(answer.status).toBe(201);
    return answer.body.token as string;
  }

  async function cursor(url: string, token: string): Promise<number> {
    let after = 0;
    for (let more = true; more; ) {
      const page = await client(url)('GET', `/v1/events?after=${after}&limit=500`, { token });
      after = page.body.cursor;
      more = page.body.hasMore;
    }
    return after;
  }

  it('a kiosk submits through one process; a desk on the other sees it within 1 s and claims it; a desk on the first cannot', async () => {
    const deskOne = await signIn(b!.url, 'demo.clerk', 'tongban-demo-clerk');
    const deskTwo = await signIn(a!.url, 'desk.two', 'second-desk-password-1');
    const stream = await openStream(b!.url, deskOne, await cursor(b!.url, deskOne));
    try {
      const delays: number[] = [];
      const caseIds: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const body = certificateCase();
        const posted = performance.now();
        const answer = await client(a!.url)('POST', '/v1/cases', { token: KIOSK, json: body });
        expect(answer.status).toBe(201);
        const seen = await Promise.race([stream.seen(body.caseId), new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 5_000))]);
        delays.push(seen - posted);
        caseIds.push(body.caseId);
      }
      expect(Math.max(...delays)).toBeLessThan(1000);

      const claimed = await client(b!.url)('POST', '/v1/queue/claim', { token: deskOne, json: { caseId: caseIds[0] } });
      expect(claimed.status).toBe(200);
      expect(claimed.body).toMatchObject({ caseId: caseIds[0], status: 'claimed' });
      const refused = await client(a!.url)('POST', '/v1/queue/claim', { token: deskTwo, json: { caseId: caseIds[0] } });
      expect(refused.status).toBe(409);

      // Both desks at once on another case, each through its own process: exactly one gets it.
      const race = await Promise.all([
        client(b!.url)('POST', '/v1/queue/claim', { token: deskOne, json: { caseId: caseIds[1] } }),
        client(a!.url)('POST', '/v1/queue/claim', { token: deskTwo, json: { caseId: caseIds[1] } }),
      ]);
      expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    } finally {
      stream.close();
    }
  }, 60_000);

  /** A desk's event stream on `url`, read until a frame of `event` arrives; its text so far. */
  async function streamUntil(url: string, token: string, event: string) {
    const controller = new AbortController();
    const response = await fetch(`${url}/v1/events/stream?after=${await cursor(url, token)}`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const heard = (async () => {
      let text = '';
      while (!text.includes(`event: ${event}\n`)) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`the stream ended without a ${event} frame: ${text}`);
        text += decoder.decode(chunk.value, { stream: true });
      }
      return text;
    })();
    return { heard: heard.finally(() => controller.abort()) };
  }

  it('a help call made through one process reaches the desk streaming from the other', async () => {
    const desk = await signIn(b!.url, 'demo.clerk', 'tongban-demo-clerk');
    const { heard } = await streamUntil(b!.url, desk, 'help');
    const called = await client(a!.url)('POST', '/v1/help-calls', { token: KIOSK, json: { screen: 'form', location: '一楼大厅' } });
    expect(called.status).toBe(201);
    expect(await heard).toContain(called.body.id as string);
  }, 30_000);

  it('a number called at a window served by one process reaches the walls streaming from the other', async () => {
    const wall = await signIn(b!.url, 'demo.clerk', 'tongban-demo-clerk');
    const desk = await signIn(a!.url, 'desk.two', 'second-desk-password-1');
    const body = certificateCase();
    const submitted = await client(a!.url)('POST', '/v1/cases', { token: KIOSK, json: body });
    expect(submitted.status).toBe(201);
    expect((await client(a!.url)('POST', '/v1/queue/claim', { token: desk, json: { caseId: body.caseId } })).status).toBe(200);
    const { heard } = await streamUntil(b!.url, wall, 'call');
    const reported = await client(a!.url)('POST', '/v1/calls', { token: desk, json: { caseId: body.caseId, windowName: '5号窗口' } });
    expect(reported.status).toBe(204);
    const frame = (await heard).split('event: call\n')[1]!;
    expect(frame).toContain(`"queueNumber":"${submitted.body.queueNumber as string}"`);
    expect(frame).toContain('"windowName":"5号窗口"');
  }, 30_000);

  it('the per-credential stream cap counts the streams open in both processes', async () => {
    const desk = await signIn(a!.url, 'desk.two', 'second-desk-password-1');
    const open: AbortController[] = [];
    try {
      // The default cap is 5 per credential: three here, two there, then neither takes a sixth.
      for (const url of [a!.url, a!.url, a!.url, b!.url, b!.url]) {
        const controller = new AbortController();
        const response = await fetch(`${url}/v1/events/stream`, { headers: { authorization: `Bearer ${desk}` }, signal: controller.signal });
        expect(response.status).toBe(200);
        open.push(controller);
      }
      for (const url of [a!.url, b!.url]) {
        const refused = await client(url)('GET', '/v1/events/stream', { token: desk });
        expect(refused.status).toBe(429);
        expect(refused.body.error.code).toBe('too-many-streams');
      }
      // One closed in the first process frees a slot the second may take.
      open.shift()!.abort();
      await expect
        .poll(async () => {
          const controller = new AbortController();
          const response = await fetch(`${b!.url}/v1/events/stream`, { headers: { authorization: `Bearer ${desk}` }, signal: controller.signal });
          if (response.status === 200) open.push(controller);
          else await response.arrayBuffer();
          return response.status;
        }, { timeout: 10_000, interval: 200 })
        .toBe(200);
    } finally {
      for (const controller of open) controller.abort();
    }
  }, 30_000);

  it('a credential reissued from the command line stops working in both processes', async () => {
    const added = await run(process.execPath, [bin, 'platform', 'terminal', 'add', '--db', db, '--key-file', keyFile, '--centre', DEMO.centre.id, '--id', 'kiosk-reissued', '--kind', 'kiosk']);
    const old = (JSON.parse(added.stdout) as { credential: string }).credential;
    for (const url of [a!.url, b!.url]) expect((await client(url)('GET', '/v1/me', { token: old })).status).toBe(200);
    const reissued = await run(process.execPath, [bin, 'platform', 'terminal', 'reissue', '--db', db, '--key-file', keyFile, '--id', 'kiosk-reissued']);
    const fresh = (JSON.parse(reissued.stdout) as { credential: string }).credential;
    for (const url of [a!.url, b!.url]) {
      await expect.poll(async () => (await client(url)('GET', '/v1/me', { token: old })).status, { timeout: 2_000, interval: 50 }).toBe(401);
      expect((await client(url)('GET', '/v1/me', { token: fresh })).status).toBe(200);
    }
  }, 30_000);

  it('sign-in attempts are limited per address across both processes', async () => {
    // The limit is 30 a minute per address; 20 wrong passwords through each process pass it.
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      for (const url of [a!.url, b!.url]) {
        statuses.push((await client(url)('POST', '/v1/staff/sessions', { json: { username: 'nobody.here', password: 'wrong-password-1' } })).status);
        // Each process publishes its counts every 250 ms; the attempts here come slower than a person's would not.
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(34);
  }, 30_000);
});

describe('a SQLite store serves one platform process', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-sqlite-owner-'));
  let first: Served | undefined;

  afterAll(async () => {
    await stop(first);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second process on the same file, clearly, and lets one start after the first stops', async () => {
    const file = path.join(dir, 'centre.db');
    first = await serve(['--db', file]);
    const second = await run(process.execPath, [bin, 'platform', '--port', '0', '--db', file]).catch((error: { code: number; stderr: string }) => error);
    expect(second).toMatchObject({ code: 1, stderr: expect.stringContaining(`another platform process is already serving ${file}`) });
    expect((second as { stderr: string }).stderr).toContain('PostgreSQL');
    // The command line's own subcommands still open the store beside the running platform.
    const added = await run(process.execPath, [bin, 'platform', 'centre', 'add', '--db', file, '--id', 'c2', '--name', 'Second']);
    expect(JSON.parse(added.stdout)).toMatchObject({ centreId: 'c2' });
    await stop(first);
    first = await serve(['--db', file]);
    expect((await fetch(`${first.url}/v1/health`)).status).toBe(200);
  }, 60_000);
});
