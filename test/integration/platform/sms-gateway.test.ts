import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmsGatewayNotifier, startPlatform, type RunningPlatform } from '../../../platform';
import { certificateCase, client, YOUNG_ID } from './helpers';

/** A real HTTP SMS gateway on loopback: records what it is sent, and fails on demand. */
describe('notices through an HTTP SMS gateway', () => {
  const received: { body: { to: string; text: string; reference: string }; auth: string | undefined }[] = [];
  let failNext = false;
  let gateway: Server;
  let platform: RunningPlatform;
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-sms-'));

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      req.on('end', () => {
        if (failNext) {
          failNext = false;
          res.writeHead(503).end();
          return;
        }
        received.push({ body: JSON.parse(data), auth: req.headers.authorization });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const address = gateway.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    platform = await startPlatform({
      db: path.join(dir, 'sms.db'),
      seedDemo: true,
      notifier: new SmsGatewayNotifier({ url: `http://127.0.0.1:${port}/send`, token: 'gateway-token' }),
    });
  });

  afterAll(async () => {
    await platform?.close();
    await new Promise((resolve) => gateway.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the citizen a notice with no personal data in it', async () => {
    const call = client(platform.url);
    const body = certificateCase();
    await call('POST', '/v1/cases', { token: platform.demoCredentials!.kiosk.credential, json: body });
    await platform.notificationsSettled();
    const notice = received.find((r) => r.body.reference.startsWith(body.caseId));
    expect(notice?.body.to).toBe('13800138000');
    expect(notice?.auth).toBe('Bearer gateway-token');
    expect(notice?.body.text).toMatch(/^【通办】.*A\d{3}/);
    expect(notice?.body.text).not.toContain('李四');
    expect(notice?.body.text).not.toContain(YOUNG_ID);
  });

  it('records a failed send in the outbox instead of losing it', async () => {
    failNext = true;
    const body = certificateCase();
    await client(platform.url)('POST', '/v1/cases', { token: platform.demoCredentials!.kiosk.credential, json: body });
    await platform.notificationsSettled();
    const rows = await platform.db.all<{ status: string; error: string; recipient_masked: string }>(
      'SELECT status, error, recipient_masked FROM notifications WHERE case_id = ?',
      [body.caseId],
    );
    expect(rows).toEqual([{ status: 'failed', error: expect.stringContaining('503'), recipient_masked: '138****8000' }]);
  });
});
