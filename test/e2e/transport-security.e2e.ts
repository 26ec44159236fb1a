import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import net, { type AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { chromiumArgs } from '../../main/host/chromium-launcher';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

let terminal: RunningTerminal;

test.beforeAll(async () => {
  terminal = await startTerminal();
});
test.afterAll(async () => {
  await terminal.stop();
});

const wsUrl = () => `${terminal.origin.replace('http', 'ws')}/api`;

/** Opens a WebSocket from Node, as any local program could; resolves with the upgrade's fate. */
function connect(protocols: string[], origin: string | undefined): Promise<{ ws?: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl(), protocols, origin ? { origin } : {});
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.once('error', () => resolve({}));
  });
}

function call(ws: WebSocket, frame: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString()) as Record<string, unknown>));
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

test('a connection without the launch secret is refused', async () => {
  expect((await connect(['tongban.v1'], terminal.origin)).status).toBe(401);
  expect((await connect(['tongban.v1', 'secret.00ff'], terminal.origin)).status).toBe(401);
  expect((await connect(['tongban.v1', `secret.${terminal.secret}`], terminal.origin)).ws).toBeDefined();
});

test('a connection from another origin is refused, even with the secret', async () => {
  const protocols = ['tongban.v1', `secret.${terminal.secret}`];
  expect((await connect(protocols, 'http://evil.example')).status).toBe(403);
  expect((await connect(protocols, undefined)).status).toBe(403);
});

test('a page served from another origin gets nothing, even knowing the secret', async ({ page }) => {
  const other: Server = createServer((_req, res) => res.end('<!doctype html><title>other</title>'));
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    const outcome = await page.evaluate(
      ([url, secret]) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url as string, ['tongban.v1', `secret.${secret}`]);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      [wsUrl(), terminal.secret],
    );
    expect(outcome).toBe('refused');
  } finally {
    other.close();
  }
});

test('malformed calls get schema errors and the host keeps serving', async () => {
  const { ws } = await connect(['tongban.v1', `secret.${terminal.secret}`], terminal.origin);
  if (!ws) throw new Error('could not connect with the secret');
  try {
    const badArgs = await call(ws, { id: 1, method: 'session.begin', args: { via: 'backdoor' } });
    expect(badArgs).toMatchObject({ id: 1, ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(badArgs)).toContain('"path":"via"');

    const extraArgs = await call(ws, { id: 2, method: 'session.end', args: { reason: 'done', rm: '-rf' } });
    expect(extraArgs).toMatchObject({ id: 2, ok: false, error: { code: 'bad-request' } });

    expect(await call(ws, 'not json at all')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call(ws, { id: 'x', method: 7 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call(ws, { id: 3, method: '__proto__', args: {} })).toMatchObject({ ok: false, error: { code: 'unknown-method' } });

    const info = await call(ws, { id: 4, method: 'terminal.info', args: {} });
    expect(info).toMatchObject({ id: 4, ok: true, result: { role: 'kiosk', shell: 'chromium-host' } });
  } finally {
    ws.close();
  }
  const page = await fetch(terminal.origin + '/');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
});

test('the host answers only its own host name (DNS rebinding)', async () => {
  const { port } = new URL(terminal.origin);
  const status = await new Promise<number>((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write('GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n');
    });
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve(Number(data.split(' ')[1])));
    socket.on('error', reject);
  });
  expect(status).toBe(421);
});

test('the WebSocket upgrade answers only its own host name too (DNS rebinding), even with Origin and secret', async () => {
  const { port } = new URL(terminal.origin);
  const status = await new Promise<number>((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(
        [
          'GET /api HTTP/1.1',
          'Host: attacker.example',
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          `Sec-WebSocket-Protocol: tongban.v1, secret.${terminal.secret}`,
          `Origin: ${terminal.origin}`,
          '',
          '',
        ].join('\r\n'),
      );
    });
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve(Number(data.split(' ')[1])));
    socket.on('error', reject);
  });
  expect(status).toBe(421);
});

test('the launch secret is neither printed nor on a command line: it waits in a 0600 launch page', async () => {
  expect(terminal.output()).not.toContain(terminal.secret);
  const launchPage = /launch page: (\S+)\)/.exec(terminal.output())?.[1];
  expect(launchPage).toBeDefined();
  expect(statSync(launchPage!).mode & 0o777).toBe(0o600);
  expect(statSync(path.dirname(launchPage!)).mode & 0o777).toBe(0o700);
  expect(readFileSync(launchPage!, 'utf8')).toContain(`${terminal.origin}/#secret=${terminal.secret}`);
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    expect(cmdline).not.toContain(terminal.secret);
  }
  expect(chromiumArgs(pathToFileURL(launchPage!).href, 'kiosk', '/tmp/profile').join(' ')).not.toContain('secret');
});

test('Chromium opening the launch page lands on the terminal with its secret', async ({ page }) => {
  const launchPage = /launch page: (\S+)\)/.exec(terminal.output())![1]!;
  await page.goto(pathToFileURL(launchPage).href);
  await page.waitForURL(`${terminal.origin}/**`);
  expect(new URL(page.url()).hash).toBe(`#secret=${terminal.secret}`);
});

test('a technician sees the secret only with --print-secret', async () => {
  const shown = await startTerminal([], { flags: ['--print-secret'] });
  try {
    expect(shown.output()).toContain(`ready: ${shown.origin}/#secret=${shown.secret}`);
  } finally {
    await shown.stop();
  }
});
