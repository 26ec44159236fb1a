import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../platform';
import { expectAccessible } from './support/accessibility';
import { counterOn, credentialOf, signInAtDesk } from './support/desk';
import { callApi } from './support/kiosk';
import { screenshot } from './support/screens';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

/**
 * 效能 end to end with a fake clock (the house's: the platform in this process with its clock
 * moved, as in counter.e2e.ts; the counters are `tongban start` processes): two cases accepted at
 * 1号窗口, one sent to 社保's back office, pass their warning time and then their deadline, and
 * every screen says so — the desk's case panel, the back office's list and panel, a wall display
 * showing every window's calls, and the centre's dashboard.
 */
test.describe.configure({ mode: 'serial' });

const YOUNG_ID = '440305199912310011';
const HOUR_MS = 3_600_000;

let dir: string;
let platform: RunningPlatform;
let demo: DemoCredentials;
let skewMs = 0;
let windowOne: RunningTerminal;
let windowTwo: RunningTerminal;

const counterSets = (windowName: string) => counterOn(platform.url, windowName, credentialOf(demo.counter.credential));

async function kioskSubmits(): Promise<{ caseId: string; queueNumber: string }> {
  const caseId = randomUUID();
  const response = await fetch(`${platform.url}/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demo.kiosk.credential}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      caseId,
      serviceCode: 'social-security-card-application',
      submittedAt: new Date().toISOString(),
      visitId: `visit-${caseId.slice(0, 8)}`,
      applicant: { name: '李四', idNumber: YOUNG_ID, phone: '13800138000' },
      form: { name: '李四', idNumber: YOUNG_ID, phone: '13800138000', reason: 'first', bank: 'icbc', delivery: 'centre' },
      materials: [],
    }),
  });
  expect(response.status).toBe(201);
  return { caseId, queueNumber: ((await response.json()) as { queueNumber: string }).queueNumber };
}

const signIn = (page: Page, terminal: RunningTerminal, username: string, password: string, screen: RegExp) => signInAtDesk(page, terminal.url, { username, password }, screen);

async function callAndAccept(page: Page, queueNumber: string) {
  await expect(page.locator(`tr[data-queue-number="${queueNumber}"]`)).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: '叫号' }).click();
  await expect(page.getByRole('heading', { name: `办件审核 ${queueNumber}` })).toBeVisible();
  await page.getByRole('button', { name: '受理', exact: true }).click();
  // 受理 only asks (issue 16's desk): nothing is decided before 确认受理.
  await page.getByRole('button', { name: '确认受理' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已受理');
}

/** The warning time the platform fixed for a case at 受理. */
async function warningAt(caseId: string): Promise<number> {
  const response = await fetch(`${platform.url}/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${demo.kiosk.credential}` } });
  const body = (await response.json()) as { timeliness: { warningAt: string; deadlineAt: string } };
  return Date.parse(body.timeliness.warningAt);
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tongban-timeliness-e2e-'));
  platform = await startPlatform({
    db: path.join(dir, 'platform.db'),
    seedDemo: true,
    rateLimitPerMinute: 100_000,
    // Weeks pass on the fake clock: the sessions of the day must outlast them.
    settings: { staffSessionMinutes: 60 * 24 * 60 },
    now: () => Date.now() + skewMs,
  });
  demo = platform.demoCredentials!;
  windowOne = await startTerminal(counterSets('1号窗口'));
  windowTwo = await startTerminal(counterSets('2号窗口'));
});

test.afterAll(async () => {
  for (const terminal of [windowOne, windowTwo]) await terminal?.stop();
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a case passes its warning time and its deadline: the desk, the back office, the wall and the dashboard say so', async ({ browser }) => {
  test.setTimeout(240_000);
  const desk = await newPage(browser);
  const wall = await newPage(browser);
  const office = await newPage(browser);
  const dashboard = await newPage(browser);

  const sent = await kioskSubmits();
  const kept = await kioskSubmits();
  await signIn(desk, windowOne, demo.clerk.username, demo.clerk.password, /排队等候/);
  // A wall of 2号窗口 set to show every window's calls.
  await wall.goto(`${windowTwo.url}&view=wall&windows=all`);

  // The first goes to 社保; the second stays on 1号窗口's desk, accepted.
  await callAndAccept(desk, sent.queueNumber);
  await desk.getByTestId('case-review').getByRole('button', { name: '转办' }).click();
  await desk.getByRole('button', { name: '确认', exact: true }).click();
  await expect(desk.getByTestId('case-status')).toHaveText('已转办');
  await callAndAccept(desk, kept.queueNumber);
  const deskBadge = desk.getByTestId('case-review').getByTestId('timeliness');
  await expect(deskBadge).toHaveText('时限内');

  await signIn(office, windowTwo, demo.backOffice['social-insurance']!.username, demo.backOffice['social-insurance']!.password, /后台审批 · 社保/);
  const officeRow = office.locator(`tr[data-queue-number="${sent.queueNumber}"]`);
  await expect(officeRow.getByTestId('timeliness')).toHaveText('时限内', { timeout: 10_000 });

  // The wall (2号窗口's, showing every window) lists 1号窗口's calls with their state.
  await wall.reload();
  await expect(wall.getByTestId('wall-number')).toHaveText(kept.queueNumber, { timeout: 20_000 });
  await expect(wall.locator('.wall-current').getByTestId('timeliness')).toHaveText('时限内');
  await expect(wall.locator(`li[data-queue-number="${sent.queueNumber}"]`)).toContainText('1号窗口');
  await expect(wall.locator(`li[data-queue-number="${sent.queueNumber}"]`).getByTestId('timeliness')).toHaveText('时限内');

  await dashboard.goto(`${platform.url}/dashboard`);
  await dashboard.getByLabel('用户名').fill(demo.admin.username);
  await dashboard.getByLabel('密码').fill(demo.admin.password);
  await dashboard.getByRole('button', { name: '登录', exact: true }).click();
  await expect(dashboard.locator('[data-empty="deadlines"]')).toHaveText('无');

  // The clock moves into the last working day of the promise.
  skewMs = (await warningAt(sent.caseId)) + HOUR_MS - Date.now();
  for (const [label, state] of [
    ['临近时限', 'warning'],
    ['已超期', 'overdue'],
  ] as const) {
    await desk.reload();
    await expect(deskBadge).toHaveText(label, { timeout: 15_000 });
    await expect(deskBadge).toHaveAttribute('data-timeliness', state);
    await office.reload();
    await expect(officeRow.getByTestId('timeliness')).toHaveText(label, { timeout: 15_000 });
    await officeRow.getByRole('button', { name: '打开' }).click();
    await expect(office.getByTestId('back-office-case').getByTestId('timeliness')).toHaveText(label);
    // That day both citizens are called again (the wall shows the day's calls), and the wall says how each case stands.
    await callApi(desk, 'counter.recall', { caseId: sent.caseId });
    await callApi(desk, 'counter.recall', { caseId: kept.caseId });
    await expect(wall.getByTestId('wall-number')).toHaveText(kept.queueNumber);
    await expect(wall.locator('.wall-current').getByTestId('timeliness')).toHaveText(label, { timeout: 30_000 });
    await expect(wall.locator(`li[data-queue-number="${sent.queueNumber}"]`).getByTestId('timeliness')).toHaveText(label);
    await dashboard.getByRole('button', { name: '今天' }).click();
    for (const c of [sent, kept]) {
      await expect(dashboard.locator(`table[data-table="deadlines"] tr[data-case="${c.queueNumber}"] [data-timeliness]`)).toHaveText(label, { timeout: 15_000 });
    }
    await expect(dashboard.locator(`tr[data-case="${sent.queueNumber}"]`)).toContainText('部门审批中');
    await expectAccessible(dashboard, `dashboard (${state})`);
    await expectAccessible(wall, `wall (${state})`);
    await screenshot(wall, `wall-all-windows-${state}`);
    await screenshot(desk, `counter-timeliness-${state}`);
    // Past the end of the deadline's day.
    skewMs += 24 * HOUR_MS;
  }
});
