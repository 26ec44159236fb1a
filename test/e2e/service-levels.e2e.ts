import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../platform';
import { expectAccessible } from './support/accessibility';
import { counterOn, credentialOf, platformCall, signInAtDesk } from './support/desk';
import { screenshot } from './support/screens';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

/**
 * 等候时限 end to end with a fake clock (the platform in this process with its clock moved, as in
 * timeliness.e2e.ts; the counter is a `tongban start` process): a case and a ticket of one service
 * wait past its warning and then its critical threshold, and without any reload the desk's queue
 * says 即将超时 then 已超时 on the case, the wall's line for the service counts them, and the
 * dashboard shows the service's counts now and today.
 */
test.describe.configure({ mode: 'serial' });

const SERVICE = 'social-security-card-application';
const YOUNG_ID = '440305199912310011';
const MINUTE_MS = 60_000;

let dir: string;
let platform: RunningPlatform;
let demo: DemoCredentials;
/**
 * The platform's clock starts at 10:00 of today (Shanghai) whenever the test runs, so that the
 * minutes it moves never cross midnight: the dashboard's "today" is the browser's day.
 */
const MORNING_MS = Date.parse(`${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T10:00:00+08:00`) - Date.now();
let skewMs = MORNING_MS;
let counter: RunningTerminal;

async function kioskSubmits(): Promise<string> {
  const caseId = randomUUID();
  const response = await platformCall(platform.url, 'POST', '/v1/cases', demo.kiosk.credential, {
    caseId,
    serviceCode: SERVICE,
    submittedAt: new Date(Date.now() + skewMs).toISOString(),
    visitId: `visit-${caseId.slice(0, 8)}`,
    applicant: { name: '李四', idNumber: YOUNG_ID, phone: '13800138000' },
    form: { name: '李四', idNumber: YOUNG_ID, phone: '13800138000', reason: 'first', bank: 'icbc', delivery: 'centre' },
    materials: [],
  });
  expect(response.status).toBe(201);
  return response.body.queueNumber as string;
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tongban-service-levels-e2e-'));
  platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true, rateLimitPerMinute: 100_000, now: () => Date.now() + skewMs });
  demo = platform.demoCredentials!;
  counter = await startTerminal(counterOn(platform.url, '1号窗口', credentialOf(demo.counter.credential)));
});

test.afterAll(async () => {
  await counter?.stop();
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('waits crossing their thresholds show on the desk, the wall and the dashboard without a reload', async ({ browser }) => {
  test.setTimeout(240_000);
  // The centre's admin sets the service's thresholds on the dashboard; one the platform refuses first.
  const dashboard = await newPage(browser);
  await dashboard.goto(`${platform.url}/dashboard`);
  await dashboard.getByLabel('用户名').fill(demo.admin.username);
  await dashboard.getByLabel('密码').fill(demo.admin.password);
  await dashboard.getByRole('button', { name: '登录', exact: true }).click();
  const levels = dashboard.locator(`table[data-table="service-levels"] tr[data-service="${SERVICE}"]`);
  await expect(levels).toContainText('预警 15 分钟 / 超时 30 分钟', { timeout: 15_000 });
  const targets = dashboard.locator('form[data-targets]');
  await targets.getByLabel('事项').selectOption(SERVICE);
  await targets.getByLabel('预警阈值（分钟）').fill('20');
  await targets.getByLabel('超时阈值（分钟）').fill('10');
  await targets.getByRole('button', { name: '保存阈值' }).click();
  await expect(dashboard.locator('#target-error')).toHaveText('超时阈值须为 1 至 600 的整数分钟，且大于预警阈值。');
  await targets.getByLabel('预警阈值（分钟）').fill('10');
  await targets.getByLabel('超时阈值（分钟）').fill('20');
  await targets.getByRole('button', { name: '保存阈值' }).click();
  await expect(levels).toContainText('预警 10 分钟 / 超时 20 分钟', { timeout: 15_000 });
  await expectAccessible(dashboard, 'dashboard with the thresholds form');

  const queueNumber = await kioskSubmits();
  expect((await platformCall(platform.url, 'POST', '/v1/tickets', demo.kiosk.credential, { serviceCode: SERVICE })).status).toBe(201);

  const desk = await newPage(browser);
  await signInAtDesk(desk, counter.url, demo.clerk);
  const row = desk.locator(`tr[data-queue-number="${queueNumber}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.getByTestId('wait-level')).toHaveCount(0);

  const wall = await newPage(browser);
  await wall.goto(`${counter.url}&view=wall`);
  const line = wall.locator(`[data-testid="wall-service-line"][data-service="${SERVICE}"]`);
  await expect(line).toContainText('等候 2 人', { timeout: 20_000 });
  await expect(line.locator('[data-wait-level]')).toHaveCount(0);

  // Eleven minutes on: past the warning. Nothing is reloaded; the desk and the wall read again by themselves.
  skewMs = MORNING_MS + 11 * MINUTE_MS;
  await expect(row.getByTestId('wait-level')).toHaveText('即将超时', { timeout: 45_000 });
  await expect(row.getByTestId('wait-level')).toHaveAttribute('data-wait-level', 'warning');
  await expect(line.locator('[data-wait-level="warning"]')).toHaveText('即将超时 2 人', { timeout: 30_000 });
  await screenshot(desk, 'service-levels-desk-warning');

  // Twenty-one minutes: past critical.
  skewMs = MORNING_MS + 21 * MINUTE_MS;
  await expect(row.getByTestId('wait-level')).toHaveText('已超时', { timeout: 45_000 });
  await expect(row.getByTestId('wait-level')).toHaveAttribute('data-wait-level', 'critical');
  await expect(line.locator('[data-wait-level="critical"]')).toHaveText('已超时 2 人', { timeout: 30_000 });
  await expect(line.locator('[data-wait-level="warning"]')).toHaveCount(0);
  await screenshot(desk, 'service-levels-desk-critical');
  await screenshot(wall, 'service-levels-wall-critical');
  await expectAccessible(wall, 'wall with service levels');

  // The dashboard's own 30 s refresh, or 今天, shows the counts now and today.
  await dashboard.getByRole('button', { name: '今天' }).click();
  await expect(levels.locator('[data-level="critical"]').first()).toHaveText('已超时 2', { timeout: 15_000 });
  await expectAccessible(dashboard, 'dashboard with service levels');
  await screenshot(dashboard, 'service-levels-dashboard');

  // The clerk calls the case, marks 开始办理, and the dashboard's statistics have it.
  await desk.getByRole('button', { name: '叫号' }).click();
  await expect(desk.getByRole('heading', { name: `办件审核 ${queueNumber}` })).toBeVisible();
  skewMs = MORNING_MS + 23 * MINUTE_MS;
  await desk.getByRole('button', { name: '开始办理' }).click();
  await expect(desk.getByTestId('service-started')).toContainText('开始办理');
  await dashboard.getByRole('button', { name: '今天' }).click();
  const times = dashboard.locator(`table[data-table="service-times"] tr[data-row="${SERVICE}"]`);
  // Walking: called at 21 minutes, started at 23 (the real seconds between are rounded away).
  await expect(times.locator('td').nth(3)).toHaveText('2 分钟', { timeout: 15_000 });
  await expect(levels.locator('[data-level="critical"]')).toHaveText(['已超时 1', '已超时 2']);
  await expectAccessible(dashboard, 'dashboard with service times');
});
