import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { startIppEvePrinter, type IppEvePrinter } from '../integration/printing/support/ippeveprinter';
import { expectAccessible } from './support/accessibility';
import { counterOn, rejectAtDesk, signInAtDesk } from './support/desk';
import { DEMO, startPlatformProcess, type RunningPlatform } from './support/platform-process';
import { SCREENSHOT_DIR, screenshot } from './support/screens';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

/**
 * The desk's 补正 and 不予受理 on kiosk cases print their notices with the platform's signed code:
 * a real `tongban platform` process published at an https address (a proxy in front of it is
 * played by the browser's routing), a counter terminal printing to a real IPP Everywhere printer
 * (ippeveprinter). The printed PDF is read back (pdftotext), its first page rasterised
 * (pdftoppm) and its QR code decoded (zbarimg); the decoded https address, opened in Chromium,
 * shows the notice 已核验 with nothing personal, and a changed code 未通过核验.
 */
test.describe.configure({ mode: 'serial' });

const PUBLIC_URL = 'https://zwfw.example.gov.cn/tongban';
const APPLICANT = { name: '李四', idNumber: '440305199912310011', phone: '13800138000' };
const MASKED_ID = '440305********0011';
const FOOTER = /李\*\s+440305\*{8}0011\s+第1页 共1页/;
const KIOSK_TOKEN = `tbt_${DEMO.kiosk.terminalId}.${DEMO.kiosk.secret}`;

let printer: IppEvePrinter;
let platform: RunningPlatform;
let desk: RunningTerminal;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  printer = await startIppEvePrinter();
  platform = await startPlatformProcess(['--public-url', PUBLIC_URL]);
  desk = await startTerminal([
    ...counterOn(platform.url, '2号窗口'),
    'counter.notices.reviewBody="示范市示范区人民政府"',
    'counter.notices.court="示范市示范区人民法院"',
    `devices.a4Printer=${JSON.stringify({ transport: 'ipp', url: printer.uri })}`,
  ]);
});

test.afterAll(async () => {
  await desk?.stop();
  await platform?.dispose();
  await printer?.stop();
});

/** A case as the demo kiosk submits it to the platform. */
async function kioskSubmits(): Promise<string> {
  const caseId = randomUUID();
  const response = await fetch(`${platform.url}/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KIOSK_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      caseId,
      serviceCode: 'si-contribution-certificate',
      submittedAt: new Date().toISOString(),
      visitId: `visit-${caseId.slice(0, 8)}`,
      applicant: APPLICANT,
      form: { name: APPLICANT.name, idNumber: APPLICANT.idNumber, insuranceType: 'all', fromMonth: '2020-01-01', toMonth: '2024-12-01', purpose: 'housing' },
      materials: [],
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { queueNumber: string }).queueNumber;
}

/** The kiosk case called to this desk and open in its review panel. */
async function callKioskCase(page: Page): Promise<string> {
  const number = await kioskSubmits();
  await expect(page.locator(`tr[data-queue-number="${number}"]`)).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: '叫号' }).click();
  await expect(page.getByRole('heading', { name: `办件审核 ${number}` })).toBeVisible();
  return number;
}

/** The standard and the large type of the desk (what `ui.largeTypeDefault` sets), each shot once with `shown` in view. */
async function bothTypeSizes(page: Page, name: string, shown: Locator): Promise<void> {
  await shown.scrollIntoViewIfNeeded();
  await screenshot(page, name);
  await page.evaluate(() => (document.documentElement.dataset.largeType = 'true'));
  await shown.scrollIntoViewIfNeeded();
  await screenshot(page, `${name}-large`);
  await page.evaluate(() => (document.documentElement.dataset.largeType = 'false'));
}

/** The printer's newest job after `before` jobs, waited for as a clerk waits for the paper. */
async function printedAfter(before: number): Promise<string> {
  await expect.poll(() => printer.received().length, { timeout: 60_000 }).toBe(before + 1);
  return printer.received().sort().at(-1) as string;
}

/** What is on the paper, its QR code read off the first page, and a PNG of that page among the screenshots. */
function readPaper(pdf: string, name: string): { text: string; flat: string; url: string } {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const png = path.join(SCREENSHOT_DIR, name);
  execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
  const url = execFileSync('zbarimg', ['--raw', '-q', `${png}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return { text, flat: text.replace(/\s+/g, ''), url };
}

/** The https address opened in Chromium, served by the platform behind it (the proxy's part). */
async function behindProxy(context: BrowserContext): Promise<void> {
  await context.route(`${PUBLIC_URL}/**`, async (route) => {
    const asked = new URL(route.request().url());
    const response = await route.fetch({ url: `${platform.url}${asked.pathname.slice(new URL(PUBLIC_URL).pathname.length)}${asked.search}` });
    await route.fulfill({ response });
  });
}

/** The notice's page in the browser: 已核验 and the case, nothing personal; one changed character, 未通过核验. */
async function verifiedInBrowser(page: Page, url: string, title: string, name: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('[data-verified="true"]')).toHaveText(`已核验：这份${title}由平台签发，真实有效`);
  await expect(page.getByRole('heading', { name: '办件进度' })).toBeVisible();
  await expect(page.locator('body')).toContainText('社会保险个人参保缴费证明');
  const shown = (await page.locator('body').textContent()) ?? '';
  for (const personal of [APPLICANT.name, APPLICANT.idNumber, APPLICANT.idNumber.slice(0, 6), APPLICANT.phone, '未在本区参保']) expect(shown).not.toContain(personal);
  await expectAccessible(page, `${title} verified`);
  await screenshot(page, `${name}-verified`);
  const changed = url.replace(/(.)$/, (c) => (c === 'A' ? 'B' : 'A'));
  await page.goto(changed);
  await expect(page.locator('[data-verified="false"]')).toHaveText('未通过核验');
  await expect(page.locator('body')).toContainText('平台没有签发过与此核验码相符的告知书');
  await expectAccessible(page, `${title} not verified`);
  await screenshot(page, `${name}-not-verified`);
}

test('补正 at the desk prints the 补正材料告知书 with the signed code; its QR code opens the https status page, 已核验', async ({ page, context }) => {
  test.setTimeout(150_000);
  await behindProxy(context);
  await signInAtDesk(page, desk.url, DEMO.clerk);
  const number = await callKioskCase(page);
  const before = printer.received().length;
  await page.getByRole('button', { name: '补正' }).click();
  await page.getByLabel('缺少的全部材料（每行一项，一次性告知）').fill('居民户口簿：首页及本人页复印件各1份\n近期一寸免冠彩色照片');
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待补正');
  const status = page.getByTestId('notice-print');
  await expect(status).toHaveAttribute('data-state', 'printed', { timeout: 60_000 });
  const code = /核验码 ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})/.exec((await status.textContent()) ?? '')?.[1] as string;
  expect(code).toBeTruthy();
  await expectAccessible(page, 'desk notice printed');
  await bothTypeSizes(page, 'desk-notice-supplement-decided', status);

  const paper = readPaper(await printedAfter(before), 'desk-notice-supplement-printed');
  expect(paper.text).toContain('补正材料告知书');
  for (const line of ['居民户口簿', '首页及本人页复印件各1份', '近期一寸免冠彩色照片', '未提交或不符合要求，请补正', '10个工作日内', '社会保险个人参保缴费证明']) expect(paper.flat).toContain(line);
  // The masked holder and 第N页 共M页 at the foot of the page.
  expect(paper.text).toMatch(FOOTER);
  expect(paper.text).toContain(`李*（公民身份号码：${MASKED_ID}）`);
  expect(paper.text).not.toContain(APPLICANT.idNumber);
  expect(paper.text).not.toContain(APPLICANT.name);
  expect(paper.text).toContain(`核验码：${code}`);
  expect(paper.url).toMatch(new RegExp(`^${PUBLIC_URL}/status/notices/notice-\\d+\\?code=${code}$`));
  expect(paper.flat).toContain(paper.url);
  expect(number).toMatch(/^[A-Z]\d{3}$/);
  await verifiedInBrowser(page, paper.url, '补正材料告知书', 'desk-notice-supplement');
});

test('不予受理 at the desk prints the 不予受理告知书 with the reason, remedies and signed code; a failed print shows 重新打印', async ({ page, context }) => {
  test.setTimeout(150_000);
  await behindProxy(context);
  await signInAtDesk(page, desk.url, DEMO.clerk);
  await callKioskCase(page);
  const before = printer.received().length;
  // The printer fails this job: the decision stands, the desk says why the paper did not come and offers 重新打印.
  printer.failNextJob();
  await rejectAtDesk(page, 'not-eligible', '未在本区参保');
  const status = page.getByTestId('notice-print');
  await expect(status).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(status).toContainText('不予受理告知书没有打印出来：打印机没有完成打印，请检查打印机后重新打印');
  await expect(status).toContainText('决定已作出，重新打印不会再次作出决定');
  await expectAccessible(page, 'desk notice print failed');
  await bothTypeSizes(page, 'desk-notice-print-failed', status);
  await status.getByRole('button', { name: '重新打印' }).click();
  await expect(status).toHaveAttribute('data-state', 'printed', { timeout: 60_000 });
  await expect(status).toContainText('不予受理告知书已打印，核验码');
  await bothTypeSizes(page, 'desk-notice-rejection-decided', status);

  const paper = readPaper(await printedAfter(before), 'desk-notice-rejection-printed');
  expect(paper.text).toContain('不予受理告知书');
  for (const line of ['申请人不符合办理条件：未在本区参保', '根据《中华人民共和国社会保险法》的规定，决定不予受理', '示范市示范区人民政府', '示范市示范区人民法院']) expect(paper.flat).toContain(line);
  // The masked holder and 第N页 共M页 at the foot of the page.
  expect(paper.text).toMatch(FOOTER);
  expect(paper.text).toContain(`李*（公民身份号码：${MASKED_ID}）`);
  expect(paper.text).not.toContain(APPLICANT.idNumber);
  expect(paper.url).toMatch(new RegExp(`^${PUBLIC_URL}/status/notices/notice-\\d+\\?code=[0-9A-Z-]{19}$`));
  await verifiedInBrowser(page, paper.url, '不予受理告知书', 'desk-notice-rejection');
});

test('with the platform out of reach the decision is not taken, and the clerk is told so; nothing is printed', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAtDesk(page, desk.url, DEMO.clerk);
  await callKioskCase(page);
  const before = printer.received().length;
  await platform.stop();
  try {
    await page.getByRole('button', { name: '补正' }).click();
    await page.getByLabel('缺少的全部材料（每行一项，一次性告知）').fill('居民户口簿');
    await page.getByRole('button', { name: '确认' }).click();
    const said = page.getByText('无法连接平台，决定没有作出，办件状态未改变。请稍后重试');
    await expect(said).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('case-status')).toHaveText('审核中');
    await expect(page.getByTestId('notice-print')).toHaveCount(0);
    await bothTypeSizes(page, 'desk-notice-platform-unreachable', said);
  } finally {
    await platform.restart();
  }
  expect(printer.received().length).toBe(before);
});
