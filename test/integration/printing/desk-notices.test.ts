import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IppDocumentPrinter } from '../../../drivers/ipp';
import { EventBus } from '../../../main/api/event-bus';
import { CounterService } from '../../../main/counter/counter-service';
import { DeskNotices, type DeskNoticesOptions } from '../../../main/counter/desk-notices';
import { StaffClient } from '../../../main/counter/staff-client';
import { ChromiumPdfRenderer, MemoryPrintRecordSink, PrintService } from '../../../main/printing';
import { demoCatalogue, startPlatform, type RunningPlatform } from '../../../platform';
import { certificateCase, client, YOUNG_ID } from '../platform/helpers';
import { startIppEvePrinter, type IppEvePrinter } from './support/ippeveprinter';
import { pdfPageCount, pdfText, pdfToPngs } from './support/pdf-tools';

const PUBLIC_URL = 'https://zwfw.example.gov.cn';

/**
 * The desk's notices through the real parts: a platform on loopback, the counter service under a
 * clerk's session, Chromium for the PDF and ippeveprinter for the paper. A 补正 list too long for
 * one page prints on two, each with the masked holder and 第N页 共M页; a failed print is kept and
 * 重新打印 sends that job; a case with no such decision prints nothing.
 */
describe('the desk prints the signed notice of its decision', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-desk-notices-'));
  const env = {} as { platform: RunningPlatform; printer: IppEvePrinter; renderer: ChromiumPdfRenderer; desk: CounterService; options: DeskNoticesOptions; notices: DeskNotices; kiosk: string };

  beforeAll(async () => {
    env.platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true, rateLimitPerMinute: 100_000, publicUrl: PUBLIC_URL });
    env.kiosk = env.platform.demoCredentials!.kiosk.credential;
    env.printer = await startIppEvePrinter();
    env.renderer = new ChromiumPdfRenderer();
    const printing = new PrintService({ renderer: env.renderer, records: new MemoryPrintRecordSink(), a4Printer: new IppDocumentPrinter(env.printer.uri, { pollIntervalMs: 100 }) });
    env.desk = new CounterService({ client: new StaffClient({ baseUrl: env.platform.url }), windowName: '5号窗口', lockMinutes: 10, events: new EventBus(), log: pino({ level: 'silent' }) });
    env.options = { desk: env.desk, printing, catalogue: async () => demoCatalogue, settings: { reviewBody: '示范区人民政府', court: '示范区人民法院', supplementWorkingDays: 5, centrePhone: '0757-00000000' } };
    env.notices = new DeskNotices(env.options);
    const clerk = env.platform.demoCredentials!.clerk;
    expect((await env.desk.signIn(clerk.username, clerk.password)).ok).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await env.desk?.dispose();
    await env.renderer?.close();
    await env.printer?.stop();
    await env.platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function claimedKioskCase(): Promise<string> {
    const request = certificateCase();
    expect((await client(env.platform.url)('POST', '/v1/cases', { token: env.kiosk, json: request })).status).toBe(201);
    const called = await env.desk.callNext();
    expect(called.case?.caseId).toBe(request.caseId);
    return request.caseId;
  }

  it('a 补正 list too long for one page: two pages, each with the masked holder and 第N页 共2页, the signed https page in the QR code', async () => {
    const caseId = await claimedKioskCase();
    const missing = Array.from({ length: 40 }, (_, i) => `补正材料第${i + 1}项：请提供原件及复印件各1份（测试用）`);
    await env.desk.decide(caseId, { decision: 'request-materials', missingMaterials: missing });
    const before = env.printer.received().length;
    const printed = await env.notices.print(caseId);
    expect(printed).toMatchObject({ ok: true, kind: 'supplement-notice', message: 'print.done' });
    expect(env.printer.received()).toHaveLength(before + 1);
    const pdf = env.printer.received().sort().at(-1)!;
    expect(pdfPageCount(pdf)).toBe(2);
    const pages = pdfText(pdf).split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`李\\*\\s+440305\\*{8}0011\\s+第${i + 1}页 共2页`)));
    const text = pages.join('');
    expect(text.replace(/\s+/g, '')).toContain('补正材料第40项');
    expect(text).toContain('5个工作日内');
    expect(text).toContain('联系电话：0757-00000000');
    expect(text).not.toContain(YOUNG_ID);
    // The QR code closes the notice, on its last page.
    const last = pdfToPngs(pdf, dir, 'supplement', 200).at(-1)!;
    const url = execFileSync('zbarimg', ['--raw', '-q', last], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    expect(url).toBe(`${PUBLIC_URL}/status/notices/${/notice-\d+/.exec(url)?.[0]}?code=${printed.verificationCode}`);
    // The page it opens, served by the platform behind that address.
    const page = await fetch(`${env.platform.url}${new URL(url).pathname}${new URL(url).search}`);
    expect(await page.text()).toContain('已核验：这份补正材料告知书由平台签发，真实有效');
  }, 60_000);

  it('a failed print is kept: 重新打印 sends that job and the paper comes out; an id this desk was not given is refused', async () => {
    const caseId = await claimedKioskCase();
    await env.desk.decide(caseId, { decision: 'reject', reason: 'not-in-scope', text: '应向户籍所在地街道申请' });
    const before = env.printer.received().length;
    env.printer.failNextJob();
    const failed = await env.notices.print(caseId);
    expect(failed).toMatchObject({ ok: false, kind: 'rejection-notice', message: 'print.a4.jobFailed' });
    expect(failed.retryId).toBeTruthy();
    const again = await env.notices.print(caseId, failed.retryId);
    expect(again).toMatchObject({ ok: true, kind: 'rejection-notice', verificationCode: failed.verificationCode });
    expect(env.printer.received()).toHaveLength(before + 1);
    const text = pdfText(env.printer.received().sort().at(-1)!);
    expect(text).toContain('不属于本中心受理范围：应向户籍所在地街道申请');
    expect(text).toContain('示范区人民法院');
    await expect(env.notices.print(caseId, failed.retryId)).rejects.toMatchObject({ reason: { code: 'no-notice' } });
  }, 60_000);

  it('the notice out of reach after the decision: the desk says the platform cannot be reached, and asking again prints it', async () => {
    const caseId = await claimedKioskCase();
    await env.desk.decide(caseId, { decision: 'request-materials', missingMaterials: ['居民户口簿'] });
    // The same clerk's session, through a link to an address where nothing listens (the platform gone between the two calls).
    const gone = new StaffClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    const cutOff = new DeskNotices({ ...env.options, desk: { act: (call) => env.desk.act((token) => call(token, gone)) } });
    await expect(cutOff.print(caseId)).rejects.toMatchObject({ code: 'unavailable', reason: { code: 'unreachable' } });
    expect(await env.notices.print(caseId)).toMatchObject({ ok: true, kind: 'supplement-notice' });
  }, 60_000);

  it('a case accepted, with no 不予受理 or 补正, has no notice to print', async () => {
    const caseId = await claimedKioskCase();
    await env.desk.decide(caseId, { decision: 'accept' });
    await expect(env.notices.print(caseId)).rejects.toMatchObject({ code: 'not-allowed', reason: { code: 'no-notice' } });
  });
});
