import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventData } from '../../../contract/terminal/api';
import { EventBus } from '../../../main/api/event-bus';
import { CounterService } from '../../../main/counter/counter-service';
import { StaffClient } from '../../../main/counter/staff-client';
import { demoCatalogue, startPlatform, type DemoCredentials, type RunningPlatform } from '../../../platform';
import { certificateCase, client } from '../platform/helpers';

/**
 * A real HTTP server between the counter and the platform that forwards everything, and sends a
 * keepalive on each event stream every 100 ms as a platform does, until it is told to go quiet:
 * then the streams open at that moment get nothing more, and their sockets stay open. That is a
 * half-open connection (a NAT that forgot the flow, a proxy that hung): no error, no close.
 */
async function startQuietingProxy(target: string) {
  const streams: Array<{ quiet: boolean }> = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      if (!req.url?.startsWith('/v1/events/stream')) {
        answer.pipe(res);
        return;
      }
      const stream = { quiet: false };
      streams.push(stream);
      const keepalive = setInterval(() => {
        if (!stream.quiet) res.write(': keepalive\n\n');
      }, 100);
      answer.on('data', (chunk: Buffer) => {
        if (!stream.quiet) res.write(chunk);
      });
      answer.on('end', () => {
        clearInterval(keepalive);
        if (!stream.quiet) res.end();
      });
      res.on('close', () => {
        clearInterval(keepalive);
        answer.destroy();
      });
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    streams,
    /** The streams open now fall silent without closing. */
    quieten: () => streams.forEach((s) => (s.quiet = true)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

const waitUntil = async (done: () => boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the counter on a half-open event stream', () => {
  let platform: RunningPlatform;
  let demo: DemoCredentials;
  let proxy: Awaited<ReturnType<typeof startQuietingProxy>>;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-half-open-'));
    platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true, rateLimitPerMinute: 100_000 });
    demo = platform.demoCredentials!;
    proxy = await startQuietingProxy(platform.url);
  });

  afterAll(async () => {
    await proxy?.close();
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('notices the silence, follows the stream again, and the queue stays live', async () => {
    const events = new EventBus();
    const queues: Array<EventData<'counter.queue'>> = [];
    events.subscribe((frame) => {
      if (frame.event === 'counter.queue') queues.push(frame.data as EventData<'counter.queue'>);
    });
    const service = new CounterService({
      client: new StaffClient({ baseUrl: proxy.url, streamIdleMs: 600 }),
      windowName: '3号窗口',
      lockMinutes: 10,
      events,
      log: pino({ level: 'silent' }),
      reconnectMs: 50,
      catalogue: async () => demoCatalogue,
    });
    try {
      expect(await service.signIn(demo.clerk.username, demo.clerk.password)).toMatchObject({ ok: true });
      await waitUntil(() => proxy.streams.length === 1, 5_000, 'no event stream');
      // A stream that keeps its keepalives coming is healthy: the watchdog leaves it alone.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(proxy.streams.length).toBe(1);

      proxy.quieten();
      await waitUntil(() => proxy.streams.length === 2, 5_000, 'the silent stream was not followed again');

      // A case submitted after the reconnect reaches the desk's queue through the new stream.
      const body = certificateCase();
      const answer = await client(platform.url)('POST', '/v1/cases', { token: demo.kiosk.credential, json: body });
      expect(answer.status).toBe(201);
      await waitUntil(() => queues.some((q) => q.waiting.some((c) => c.caseId === body.caseId)), 5_000, 'the new case did not reach the queue');
    } finally {
      await service.dispose();
    }
  });
});
