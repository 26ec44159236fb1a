import { mkdtempSync, rmSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../platform';
import { expectAccessible } from './support/accessibility';
import { counterOn, credentialOf, platformCall as callPlatform, signInAtDesk, staffToken, rejectAtDesk } from './support/desk';
import { screenshot } from './support/screens';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

/**
 * The counter terminal end to end: the reference platform with the demo seed in this process,
 * counter terminals as `tongban start` processes pointed at it, and cases posted over HTTP as the
 * demo kiosk posts them.
 */
test.describe.configure({ mode: 'serial' });

declare global {
  interface Window {
    /** What the wall display handed to speech synthesis (renderer/src/counter/speech.ts). */
    tongbanUtterances?: string[];
  }
}

let dir: string;
let platform: RunningPlatform;
let demo: DemoCredentials;
/** Moves the platform's clock, to let a staff session expire. */
let skewMs = 0;
const terminals: RunningTerminal[] = [];

/**
 * How long a pushed change may take to show: far inside the desk's 20 s fallback refresh, so only
 * the event stream can meet it, and loose enough for two busy cores. Its latency is measured by
 * bench/platform (submitToVisible), not here.
 */
const LIVE_MS = 5_000;

const YOUNG_ID = '440305199912310011';
const ELDERLY_ID = '11010519491231002X';

const counterSets = (windowName: string) => counterOn(platform.url, windowName, credentialOf(demo.counter.credential));

const platformCall = (method: string, route: string, token: string, body?: unknown) => callPlatform(platform.url, method, route, token, body);

/** A case as the demo kiosk submits it. */
async function kioskSubmits(idNumber = YOUNG_ID, scan?: Buffer): Promise<{ caseId: string; queueNumber: string }> {
  const caseId = randomUUID();
  const materials: Array<{ code: string; blob: string }> = [];
  if (scan) {
    const sha256 = createHash('sha256').update(scan).digest('hex');
    const put = await fetch(`${platform.url}/v1/blobs/${sha256}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${demo.kiosk.credential}`, 'content-type': 'image/png' },
      body: new Uint8Array(scan),
    });
    expect(put.ok).toBe(true);
    materials.push({ code: 'id-card', blob: sha256 });
  }
  const answer = await platformCall('POST', '/v1/cases', demo.kiosk.credential, {
    caseId,
    serviceCode: 'si-contribution-certificate',
    submittedAt: new Date().toISOString(),
    visitId: `visit-${caseId.slice(0, 8)}`,
    applicant: { name: '李四', idNumber, phone: '13800138000' },
    form: { name: '李四', idNumber, insuranceType: 'all', fromMonth: '2020-01-01', toMonth: '2024-12-01', purpose: 'housing' },
    materials,
  });
  expect(answer.status).toBe(201);
  return { caseId, queueNumber: answer.body.queueNumber };
}

/** What the kiosk's status lookup reads: the case's status on the platform under the kiosk's credential. */
async function statusSeenByKiosk(caseId: string): Promise<string> {
  return (await platformCall('GET', `/v1/cases/${caseId}`, demo.kiosk.credential)).body.status;
}

const signIn = (page: Page, terminal: RunningTerminal, username: string, password: string) => signInAtDesk(page, terminal.url, { username, password });

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tongban-counter-e2e-'));
  platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true, rateLimitPerMinute: 100_000, now: () => Date.now() + skewMs });
  demo = platform.demoCredentials!;
  terminals.push(await startTerminal(counterSets('3号窗口')));
});

test.afterAll(async () => {
  for (const terminal of terminals) await terminal.stop();
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('sign in, live queue, call next to the wall display, review and every decision', async ({ page, context }) => {
  test.setTimeout(120_000);
  const terminal = terminals[0]!;
  // The staff token stays in the terminal process: no frame the page receives carries one.
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(String(payload))));
  await page.goto(terminal.url);
  await expect(page.getByRole('heading', { name: '窗口人员登录' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('用户名').fill(demo.clerk.username);
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确');
  await page.getByLabel('密码').fill(demo.clerk.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '排队等候' })).toBeVisible();
  await expect(page.getByText('工作人员：演示窗口人员')).toBeVisible();

  const wallPage = await context.newPage();
  await wallPage.goto(`${terminal.url}&view=wall`);
  await expect(wallPage.getByText('请留意叫号')).toBeVisible();

  // A case posted by the kiosk shows on the counter without a reload, pushed by the event stream.
  const scan = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#7a8ca3' } }).png().toBuffer();
  const first = await kioskSubmits(YOUNG_ID, scan);
  const row = page.getByTestId('queue-table').locator(`tr[data-queue-number="${first.queueNumber}"]`);
  await expect(row).toBeVisible({ timeout: LIVE_MS });
  await expect(row).toContainText('参保缴费证明');
  await expect(row).toContainText('自助终端');
  const elderly = await kioskSubmits(ELDERLY_ID);
  const elderlyRow = page.getByTestId('queue-table').locator(`tr[data-queue-number="${elderly.queueNumber}"]`);
  await expect(elderlyRow).toContainText('老年人', { timeout: LIVE_MS });
  await expect(page.getByTestId('queue-count')).toHaveText('等候 2 件');
  const third = await kioskSubmits();
  const fourth = await kioskSubmits();
  await expect(page.getByTestId('queue-count')).toHaveText('等候 4 件', { timeout: LIVE_MS });
  await screenshot(page, 'counter-queue');
  await expectAccessible(page);

  // Call next: the platform's rule puts the elderly applicant first.
  await page.getByRole('button', { name: '叫号' }).click();
  await expect(page.getByRole('heading', { name: `办件审核 ${elderly.queueNumber}` })).toBeVisible();
  await expect(wallPage.getByTestId('wall-number')).toHaveText(elderly.queueNumber);
  await expect(wallPage.getByTestId('wall-announcement')).toHaveText(`请${elderly.queueNumber}号到3号窗口`);
  expect(await wallPage.evaluate(() => window.tongbanUtterances)).toEqual([`请${elderly.queueNumber}号到3号窗口`]);
  expect(await statusSeenByKiosk(elderly.caseId)).toBe('claimed');
  await expect(page.getByTestId('queue-table').locator(`tr[data-queue-number="${elderly.queueNumber}"]`)).toHaveCount(0);
  await expect(page.getByTestId('claimed-table').locator(`tr[data-queue-number="${elderly.queueNumber}"]`)).toBeVisible();

  // Personal data masked until revealed with a purpose.
  await expect(page.getByTestId('applicant-id')).toHaveText(/^110105\*+002X$/);
  await page.getByLabel('查看目的（将被记录）').fill('核对申请人身份');
  await page.getByRole('button', { name: '查看完整信息' }).click();
  await expect(page.getByTestId('applicant-id')).toHaveText(ELDERLY_ID);
  await screenshot(page, 'counter-case-review');
  await expectAccessible(page);

  // Recall announces again; accept, then complete with the result handed out (Alt+A, Alt+C).
  await page.getByRole('button', { name: '重呼' }).click();
  await expect.poll(() => wallPage.evaluate(() => window.tongbanUtterances?.length)).toBe(2);
  // Alt+A only asks: nothing is accepted until the clerk confirms (Enter, the focus is on 确认受理).
  await page.keyboard.press('Alt+A');
  await expect(page.getByTestId('confirm-decision')).toContainText(`确认受理 ${elderly.queueNumber} 号？`);
  await expect(page.getByRole('button', { name: '确认受理' })).toBeFocused();
  expect(await statusSeenByKiosk(elderly.caseId)).toBe('claimed');
  await expect(page.getByTestId('case-status')).toHaveText('审核中');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-decision')).toHaveCount(0);
  await expect(page.getByTestId('case-status')).toHaveText('审核中');
  await page.keyboard.press('Alt+A');
  await expect(page.getByRole('button', { name: '确认受理' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-status')).toHaveText('已受理');
  expect(await statusSeenByKiosk(elderly.caseId)).toBe('accepted');
  await page.keyboard.press('Alt+C');
  await page.getByLabel('办结结果（发放的证照或文书）').fill('参保缴费证明一份');
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('button', { name: '确认办结' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已办结');
  expect(await statusSeenByKiosk(elderly.caseId)).toBe('completed');

  // Reject with a reason from the list and particulars.
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: `办件审核 ${first.queueNumber}` })).toBeVisible();
  await expect(wallPage.getByTestId('wall-number')).toHaveText(first.queueNumber);
  // The scan comes through the terminal from the platform's blob route.
  await page.getByRole('button', { name: '查看扫描件' }).click();
  const image = page.getByRole('img', { name: '扫描件' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  await page.getByRole('button', { name: '旋转' }).click();
  await expect(image).toHaveAttribute('style', /rotate\(90deg\)/);
  await rejectAtDesk(page, 'not-eligible', '未在本区参保');
  expect(await statusSeenByKiosk(first.caseId)).toBe('rejected');
  expect((await platformCall('GET', `/v1/cases/${first.caseId}`, demo.kiosk.credential)).body.decision.reason).toBe('申请人不符合办理条件：未在本区参保');

  // 补正: everything missing at once.
  await page.getByRole('button', { name: '叫号' }).click();
  await expect(page.getByRole('heading', { name: `办件审核 ${third.queueNumber}` })).toBeVisible();
  await page.getByRole('button', { name: '补正' }).click();
  await page.getByLabel('缺少的全部材料（每行一项，一次性告知）').fill('户口簿\n近期免冠照片');
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('待补正');
  const asked = await platformCall('GET', `/v1/cases/${third.caseId}`, demo.kiosk.credential);
  expect(asked.body).toMatchObject({ status: 'awaiting-materials', decision: { missingMaterials: ['户口簿', '近期免冠照片'] } });

  // Skip (no-show): back to the queue with the note; the wall keeps the last few numbers.
  await page.getByRole('button', { name: '叫号' }).click();
  await expect(page.getByRole('heading', { name: `办件审核 ${fourth.queueNumber}` })).toBeVisible();
  await page.keyboard.press('Alt+S');
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByTestId('queue-table').locator(`tr[data-queue-number="${fourth.queueNumber}"]`)).toBeVisible({ timeout: LIVE_MS });
  expect(await statusSeenByKiosk(fourth.caseId)).toBe('queued');
  await expect(wallPage.locator('.wall-recent li')).toHaveCount(3);
  await screenshot(wallPage, 'counter-wall-display');
  await expectAccessible(wallPage);

  // Today's figures from the platform.
  await page.getByRole('tab', { name: '今日统计' }).click();
  await page.getByRole('button', { name: '刷新统计' }).click();
  await expect(page.getByTestId('reports')).toContainText('今日已处理3');
  await expectAccessible(page);

  // Walk-in: a case typed at the window joins the queue as a counter case.
  await page.getByRole('tab', { name: '现场受理' }).click();
  await page.getByLabel('办理事项').selectOption({ label: '社会保险个人参保缴费证明' });
  await page.getByLabel('申请人姓名').fill('王五');
  await page.getByLabel('身份证号', { exact: true }).fill(YOUNG_ID);
  await page.getByLabel('险种').selectOption({ index: 1 });
  await page.getByLabel('起始年月').fill('2021-01-01');
  await page.getByLabel('截止年月').fill('2023-12-01');
  await page.getByLabel('用途').selectOption({ index: 1 });
  await page.getByRole('button', { name: '创建办件' }).click();
  await expect(page.getByTestId('counter-message')).toHaveText(/已创建办件，排队号 A\d{3}/);
  const walkIn = (await page.getByTestId('counter-message').textContent())!.match(/A\d{3}/)![0];
  await expect(page.getByTestId('queue-table').locator(`tr[data-queue-number="${walkIn}"]`)).toContainText('窗口现场', { timeout: LIVE_MS });
  await expectAccessible(page);
  expect(frames.length).toBeGreaterThan(10);
  expect(frames.filter((f) => f.includes('tbs_'))).toEqual([]);
});

test('two counters calling next at the same moment never get the same case', async ({ browser }) => {
  const second = await startTerminal(counterSets('5号窗口'));
  terminals.push(second);
  const one = await browser.newPage();
  const two = await browser.newPage();
  await signIn(one, terminals[0]!, demo.clerk.username, demo.clerk.password);
  await signIn(two, second, demo.admin.username, demo.admin.password);
  // Whatever an earlier test left waiting is claimed away first.
  const token = await staffToken(platform.url, demo.admin);
  let claimed = await platformCall('POST', '/v1/queue/claim', token, {});
  while (claimed.status === 200) claimed = await platformCall('POST', '/v1/queue/claim', token, {});
  const a = await kioskSubmits();
  const b = await kioskSubmits();
  await expect(one.getByTestId('queue-count')).toHaveText('等候 2 件', { timeout: LIVE_MS });
  await Promise.all([one.getByRole('button', { name: '叫号' }).click(), two.getByRole('button', { name: '叫号' }).click()]);
  const heading = (page: Page) => page.getByRole('heading', { name: /^办件审核 / }).textContent();
  await expect(one.getByRole('heading', { name: /^办件审核 / })).toBeVisible();
  await expect(two.getByRole('heading', { name: /^办件审核 / })).toBeVisible();
  const numbers = [await heading(one), await heading(two)].map((h) => h!.replace('办件审核 ', ''));
  expect(numbers.sort()).toEqual([a.queueNumber, b.queueNumber].sort());
  await one.close();
  await two.close();
});

test('lock, sign-out and an expired staff session: nothing can be done and the screen is cleared', async ({ page }) => {
  const terminal = terminals[0]!;
  await signIn(page, terminal, demo.clerk.username, demo.clerk.password);
  const waiting = await kioskSubmits();
  await expect(page.getByTestId('queue-table').locator(`tr[data-queue-number="${waiting.queueNumber}"]`)).toBeVisible({ timeout: LIVE_MS });

  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('heading', { name: '窗口已锁定' })).toBeVisible();
  await expect(page.locator('tr[data-queue-number]')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel('密码').fill(demo.clerk.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByTestId('queue-table').locator(`tr[data-queue-number="${waiting.queueNumber}"]`)).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '窗口人员登录' })).toBeVisible();
  await expect(page.locator('tr[data-queue-number]')).toHaveCount(0);

  await signIn(page, terminal, demo.clerk.username, demo.clerk.password);
  skewMs = 9 * 3_600_000;
  try {
    // Whichever comes first tells the terminal: this call's 401, or one on the live queue's refresh.
    await page.keyboard.press('Alt+N');
    await expect(page.getByText('登录已过期，无法继续操作，请重新登录。')).toBeVisible();
    await expect(page.getByRole('heading', { name: '窗口人员登录' })).toBeVisible();
    await expect(page.locator('tr[data-queue-number]')).toHaveCount(0);
    expect(await statusSeenByKiosk(waiting.caseId)).toBe('queued');
  } finally {
    skewMs = 0;
  }
});
