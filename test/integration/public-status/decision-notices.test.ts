import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNumberOf } from '../../../contract/platform/case-number';
import { startPlatform, type RunningPlatform } from '../../../platform';
import { certificateCase, client, YOUNG_ID } from '../platform/helpers';

const PUBLIC_URL = 'https://zwfw.example.gov.cn/tongban';

/**
 * The notices the desk prints, on a real platform (SQLite file, HTTP on loopback): the desk
 * fetches the signed notice of its decision, and the page its QR code opens shows it verified
 * under the platform's document key, or, for a code changed by one character, an unknown id or
 * a record altered in the database, not verified, in Chinese. Nothing personal on any page.
 */
describe('decision notices for the desk and their verification page', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-notices-'));
  const env = {} as { platform: RunningPlatform; kiosk: string; clerk: string };
  const call: ReturnType<typeof client> = (...args) => client(env.platform.url)(...args);

  beforeAll(async () => {
    env.platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true, rateLimitPerMinute: 100_000, publicUrl: PUBLIC_URL });
    env.kiosk = env.platform.demoCredentials!.kiosk.credential;
    env.clerk = (await call('POST', '/v1/staff/sessions', { json: env.platform.demoCredentials!.clerk })).body.token;
  });

  afterAll(async () => {
    await env.platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A kiosk case claimed and decided by the clerk; the desk's notice of it. */
  async function decided(decision: unknown) {
    const request = certificateCase();
    expect((await call('POST', '/v1/cases', { token: env.kiosk, json: request })).status).toBe(201);
    expect((await call('GET', `/v1/cases/${request.caseId}/notices`, { token: env.clerk })).body).toEqual({ notices: [] });
    expect((await call('POST', '/v1/queue/claim', { token: env.clerk, json: { caseId: request.caseId } })).status).toBe(200);
    expect((await call('POST', `/v1/cases/${request.caseId}/decisions`, { token: env.clerk, json: decision })).status).toBe(200);
    const answer = await call('GET', `/v1/cases/${request.caseId}/notices`, { token: env.clerk });
    expect(answer.status).toBe(200);
    return { caseId: request.caseId, notices: answer.body.notices as Array<{ kind: string; documentId: string; verificationCode: string; pageUrl: string; issuer: string }> };
  }

  /** The page's path on this platform for an address under the public URL, as a proxy in front of it would serve it. */
  const local = (url: string) => url.slice(PUBLIC_URL.length);

  it('a rejection notice: signed, its https page shows 已核验 with the case and no personal data; a changed code is not verified', async () => {
    const { caseId, notices } = await decided({ decision: 'reject', reason: '申请人不符合办理条件：未在本区参保' });
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ kind: 'rejection-notice', issuer: '演示社区党群服务中心（演示）' });
    expect(notice.pageUrl).toBe(`${PUBLIC_URL}/status/notices/${notice.documentId}?code=${notice.verificationCode}`);

    const page = await call('GET', local(notice.pageUrl));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('data-verified="true"');
    expect(page.body).toContain('已核验：这份不予受理告知书由平台签发，真实有效');
    expect(page.body).toContain(caseNumberOf(caseId));
    expect(page.body).toContain('社会保险个人参保缴费证明');
    expect(page.body).toContain('不予受理，请留意短信或到窗口咨询');
    for (const personal of ['李四', YOUNG_ID, YOUNG_ID.slice(0, 6), '13800138000', '未在本区参保']) expect(page.body).not.toContain(personal);

    // One character of the code changed: the same page says, in Chinese, that it is not verified.
    const last = notice.verificationCode.at(-1) === 'A' ? 'B' : 'A';
    const tampered = await call('GET', local(notice.pageUrl.replace(/.$/, last)));
    expect(tampered.status).toBe(404);
    expect(tampered.body).toContain('data-verified="false"');
    expect(tampered.body).toContain('未通过核验');
    expect(tampered.body).toContain('平台没有签发过与此核验码相符的告知书');
    expect(tampered.body).not.toContain(caseNumberOf(caseId));
    // A code of the wrong shape, and an id nobody was given.
    const malformed = await call('GET', `/status/notices/${notice.documentId}?code=not-a-code`);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toContain('核验码格式不对');
    expect((await call('GET', `/status/notices/notice-999999?code=${notice.verificationCode}`)).status).toBe(404);
  });

  it('a 补正 notice verifies; the same notice altered in the database no longer does', async () => {
    const { notices } = await decided({ decision: 'request-materials', missingMaterials: ['居民户口簿', '近期免冠照片'] });
    const notice = notices[0]!;
    expect(notice.kind).toBe('supplement-notice');
    const page = await call('GET', local(notice.pageUrl));
    expect(page.body).toContain('已核验：这份补正材料告知书由平台签发，真实有效');
    expect(page.body).toContain('需要补正材料');

    // Someone with the database changes the decision the notice records: the signature no longer matches.
    const stored = await env.platform.services.documents!.registry.get(notice.documentId);
    const forged = { ...stored!, data: { ...stored!.data, decision: 'accepted' } };
    await env.platform.db.run('UPDATE issued_documents SET content = ? WHERE document_id = ?', [JSON.stringify(forged), notice.documentId]);
    const altered = await call('GET', local(notice.pageUrl));
    expect(altered.status).toBe(409);
    expect(altered.body).toContain('未通过核验');
    expect(altered.body).toContain('与签发时不一致');
    expect(altered.body).not.toContain('已核验');
  });

  it('only window staff of the centre read a case’s notices', async () => {
    const { caseId } = await decided({ decision: 'reject', reason: '重复申请：已在办理中' });
    expect((await call('GET', `/v1/cases/${caseId}/notices`, { token: env.kiosk })).status).toBe(403);
    expect((await call('GET', `/v1/cases/${caseId}/notices`)).status).toBe(401);
  });
});
