import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNumberOf } from '../../../contract/platform/case-number';
import { startPlatform, type RunningPlatform } from '../../../platform';
import { newStatusCode } from '../../../main/cases/status-code';
import { certificateCase, client, YOUNG_ID } from './helpers';

/** 呼叫工作人员 and the public status page on a real platform (SQLite file, HTTP on loopback). */
describe('help calls and the public status page', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-help-'));
  let platform: RunningPlatform;
  let call: ReturnType<typeof client>;
  let kiosk: string;
  let counter: string;
  let clerk: string;
  let admin: string;

  beforeAll(async () => {
    platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true, rateLimitPerMinute: 100_000 });
    call = client(platform.url);
    kiosk = platform.demoCredentials!.kiosk.credential;
    counter = platform.demoCredentials!.counter.credential;
    clerk = (await call('POST', '/v1/staff/sessions', { json: platform.demoCredentials!.clerk })).body.token;
    admin = (await call('POST', '/v1/staff/sessions', { json: platform.demoCredentials!.admin })).body.token;
  });

  afterAll(async () => {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a kiosk calls, the desks hear it on the event stream, the first staff member takes it, a second gets 409, all audited', async () => {
    const stream = new AbortController();
    const heard: string[] = [];
    const listening = fetch(`${platform.url}/v1/events/stream`, { headers: { authorization: `Bearer ${clerk}` }, signal: stream.signal }).then(async (response) => {
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) heard.push(decoder.decode(chunk));
    }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const made = await call('POST', '/v1/help-calls', { token: kiosk, json: { location: '一楼大厅', screen: 'form' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ state: 'open', location: '一楼大厅', screen: 'form', terminalId: 'demo-kiosk-1', takenBy: null });
    await expect.poll(() => heard.join('')).toContain(`event: help\ndata: ${JSON.stringify(made.body)}`);

    expect((await call('GET', '/v1/help-calls', { token: counter })).body.map((c: { id: string }) => c.id)).toContain(made.body.id);
    expect((await call('GET', '/v1/help-calls', { token: kiosk })).status).toBe(403);
    expect((await call('POST', '/v1/help-calls', { token: counter, json: { location: 'x', screen: 'form' } })).status).toBe(403);
    expect((await call('POST', `/v1/help-calls/${made.body.id}/take`, { token: kiosk, json: {} })).status).toBe(403);

    const taken = await call('POST', `/v1/help-calls/${made.body.id}/take`, { token: clerk, json: {} });
    expect(taken.body).toMatchObject({ state: 'taken', takenBy: { displayName: '演示窗口人员' } });
    const again = await call('POST', `/v1/help-calls/${made.body.id}/take`, { token: admin, json: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('taken by 演示窗口人员');
    expect((await call('POST', `/v1/help-calls/${made.body.id}/cancel`, { token: kiosk, json: {} })).status).toBe(409);
    expect((await call('GET', `/v1/help-calls/${made.body.id}`, { token: kiosk })).body.state).toBe('taken');
    stream.abort();
    await listening;

    const audit = (await call('GET', '/v1/audit', { token: admin })).body as Array<{ action: string; detail: string }>;
    expect(audit.filter((a) => a.detail?.includes(made.body.id)).map((a) => a.action).sort()).toEqual(['help-called', 'help-taken']);
  });

  it('a bad help call is refused naming the field', async () => {
    const bad = await call('POST', '/v1/help-calls', { token: kiosk, json: { location: '一楼', screen: 'Form Screen!' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('screen');
  });

  it('a case is found by its receipt code, stored only as a digest, and the page shows nothing personal', async () => {
    const code = newStatusCode();
    const request = certificateCase({ statusCode: code });
    expect((await call('POST', '/v1/cases', { token: kiosk, json: request })).status).toBe(201);

    const json = await call('GET', `/v1/public/status/${code}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ caseNumber: caseNumberOf(request.caseId), status: 'queued', history: [{ type: 'submitted', status: 'queued' }] });
    const page = await call('GET', `/status/${code}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    for (const personal of ['李四', YOUNG_ID, YOUNG_ID.slice(0, 6), '13800138000', request.caseId]) {
      expect(JSON.stringify(json.body)).not.toContain(personal);
      expect(page.body).not.toContain(personal);
    }
    // Grouped as printed on the receipt, it opens the same page.
    expect((await call('GET', `/status/${code.match(/.{4}/g)!.join('-')}`)).status).toBe(200);

    const stored = await platform.db.all<Record<string, unknown>>('SELECT * FROM case_status_codes');
    expect(JSON.stringify(stored)).not.toContain(code);
    const cases = await platform.db.all<Record<string, unknown>>('SELECT request FROM cases');
    expect(JSON.stringify(cases)).not.toContain(code);

    expect((await call('GET', `/v1/public/status/${newStatusCode()}`)).status).toBe(404);
    expect((await call('GET', '/status/not-a-code')).status).toBe(404);
    expect((await call('GET', '/v1/public/status/0000000000000000')).status).toBe(400);
  });

  it('a decision’s notice is issued signed: its code is on the status page and verifies as genuine under the platform’s document key', async () => {
    const decisions = [
      { kind: 'supplement-notice', decision: { decision: 'request-materials', missingMaterials: ['居民户口簿原件'], note: '请携带户口簿' }, secret: '请携带户口簿' },
      { kind: 'rejection-notice', decision: { decision: 'reject', reason: '不属于本中心受理范围' }, secret: '不属于本中心受理范围' },
    ];
    const seen: string[] = [];
    for (const { kind, decision, secret } of decisions) {
      const code = newStatusCode();
      const request = certificateCase({ statusCode: code });
      expect((await call('POST', '/v1/cases', { token: kiosk, json: request })).status).toBe(201);
      expect((await call('GET', `/v1/public/status/${code}`)).body.notices).toEqual([]);
      expect((await call('POST', '/v1/queue/claim', { token: clerk, json: { caseId: request.caseId } })).status).toBe(200);
      expect((await call('POST', `/v1/cases/${request.caseId}/decisions`, { token: clerk, json: decision })).status).toBe(200);

      const json = await call('GET', `/v1/public/status/${code}`);
      const notices = json.body.notices as { kind: string; documentId: string; verificationCode: string; verifyUrl: string }[];
      expect(notices.map((n) => n.kind)).toEqual([kind]);
      const notice = notices[0]!;
      expect(notice.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      const url = new URL(notice.verifyUrl);
      expect(url.searchParams.get('code')).toBe(notice.verificationCode);
      const verified = await call('GET', `${url.pathname}${url.search}`);
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ status: 'genuine', document: { kind, documentId: notice.documentId, data: { caseNumber: caseNumberOf(request.caseId) } } });
      // The signed data names no person and carries no staff's reason.
      for (const personal of ['李四', YOUNG_ID, secret]) expect(JSON.stringify(verified.body)).not.toContain(personal);
      // Asking again gives the same code: issued once, deterministically.
      expect((await call('GET', `/v1/public/status/${code}`)).body.notices).toEqual(notices);
      const page = await call('GET', `/status/${code}`);
      expect(page.body).toContain('告知书核验');
      expect(page.body).toContain(notice.verificationCode);
      expect(page.body).not.toContain(secret);
      seen.push(notice.documentId, notice.verificationCode);
    }
    // One notice's id with another's code is no document.
    expect((await call('GET', `/v1/documents/verify?id=${seen[0]}&code=${seen[3]}`)).status).toBe(404);
  });
});
