import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../platform';
import { expectAccessible } from './support/accessibility';
import { screenshot } from './support/screens';

/**
 * The centre's dashboard (监察) in a real browser: the platform with the demo seed in this
 * process on a fixed clock (the house's fake clock, as in counter.e2e.ts), a day of events
 * scripted over HTTP as the kiosk and the window make them, and the page at /dashboard read as a
 * centre manager reads it, figure by figure, then exported.
 */
test.describe.configure({ mode: 'serial' });

const cst = (text: string) => Date.parse(`${text}+08:00`);
const YOUNG_ID = '440305199912310011';

let dir: string;
let platform: RunningPlatform;
let demo: DemoCredentials;
let clock = cst('2026-12-01T09:00:00');

async function call(method: string, route: string, token: string, body?: unknown) {
  const response = await fetch(`${platform.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = response.status === 204 ? undefined : await response.json();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

function certificate(at: string) {
  const caseId = randomUUID();
  return {
    caseId,
    serviceCode: 'si-contribution-certificate',
    submittedAt: new Date(cst(`2026-12-01T${at}`)).toISOString(),
    visitId: `visit-${caseId.slice(0, 8)}`,
    applicant: { name: '李四', idNumber: YOUNG_ID, phone: '13800138000' },
    form: { name: '李四', idNumber: YOUNG_ID, insuranceType: 'all', fromMonth: '2020-01-01', toMonth: '2024-12-01', purpose: 'housing' },
    materials: [],
  };
}

async function signInToDashboard(page: Page) {
  await page.goto(`${platform.url}/dashboard`);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.getByLabel('用户名').fill(demo.admin.username);
  await page.getByLabel('密码').fill(demo.admin.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '当前排队' })).toBeVisible();
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tongban-dashboard-e2e-'));
  platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true, rateLimitPerMinute: 100_000, now: () => clock });
  demo = platform.demoCredentials!;
  const kiosk = demo.kiosk.credential;
  const clerk = ((await call('POST', '/v1/staff/sessions', '', { username: demo.clerk.username, password: demo.clerk.password })) as { token: string }).token;
  const at = (text: string) => (clock = cst(`2026-12-01T${text}`));
  // The scripted Tuesday: A is served in full, B refused, C still waits; B's citizen rates it 1.
  const a = certificate('09:00:00');
  const b = certificate('09:06:00');
  const c = certificate('10:00:00');
  at('09:00:00');
  await call('POST', '/v1/cases', kiosk, a);
  at('09:06:00');
  await call('POST', '/v1/cases', kiosk, b);
  at('09:12:00');
  await call('POST', '/v1/queue/claim', clerk, { caseId: a.caseId });
  at('09:15:00');
  await call('POST', `/v1/cases/${a.caseId}/decisions`, clerk, { decision: 'accept' });
  at('09:18:00');
  await call('POST', `/v1/cases/${a.caseId}/decisions`, clerk, { decision: 'complete', result: '参保缴费证明一份' });
  at('09:30:00');
  await call('POST', '/v1/queue/claim', clerk, { caseId: b.caseId });
  at('09:33:00');
  await call('POST', `/v1/cases/${b.caseId}/decisions`, clerk, { decision: 'reject', reason: '未在本区参保' });
  at('10:00:00');
  await call('POST', '/v1/cases', kiosk, c);
  await call('POST', `/v1/cases/${b.caseId}/rating`, kiosk, { level: 1, reasons: ['long-wait', 'staff-attitude'], comment: '等了很久，态度也不好', visitId: b.visitId });
  at('10:20:00');
});

test.afterAll(async () => {
  await platform?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the dashboard gives back the scripted day, exports each table as CSV, and passes axe in both languages', async ({ page }) => {
  test.setTimeout(120_000);
  await signInToDashboard(page);
  await page.getByLabel('开始日期').fill('2026-12-01');
  await page.getByLabel('结束日期（含）').fill('2026-12-01');
  await page.getByRole('button', { name: '查看', exact: true }).click();

  // The queue now (10:20): C has waited 20 minutes.
  const queueRow = page.locator('table[data-table="queue"] tr[data-service="si-contribution-certificate"]');
  await expect(queueRow.locator('td')).toHaveText(['1', '0', '20 分钟', '20 分钟']);
  // The day: three received, one completed; waits of 12 and 24 minutes, A handled in 6.
  await expect(page.locator('[data-total="received"] dd')).toHaveText('3');
  await expect(page.locator('[data-total="completed"] dd')).toHaveText('1');
  await expect(page.locator('[data-total="mean-wait"] dd')).toHaveText('18 分钟');
  await expect(page.locator('[data-total="mean-handling"] dd')).toHaveText('6 分钟');
  await expect(page.locator('[data-total="bad-ratings"] dd')).toHaveText('1');
  const serviceRow = page.locator('table[data-table="services"] tr[data-service="si-contribution-certificate"]');
  await expect(serviceRow.locator('th')).toHaveText('社会保险个人参保缴费证明');
  await expect(serviceRow.locator('td')).toHaveText(['3', '1', '18 分钟', '6 分钟', '0']);
  await expect(page.getByRole('img', { name: '各事项收件数' })).toBeVisible();
  await expect(page.getByRole('img', { name: '各事项平均等候时长（分钟）' })).toBeVisible();
  // The clerk: two numbers called, three decisions, 3 minutes from each call to its decision.
  await expect(page.locator('table[data-table="staff"] tbody tr')).toHaveCount(1);
  await expect(page.locator('table[data-table="staff"] tbody tr th')).toHaveText('演示窗口人员');
  await expect(page.locator('table[data-table="staff"] tbody tr td')).toHaveText(['2', '3', '3 分钟']);
  await expect(page.locator('[data-empty="deadlines"]')).toHaveText('无');
  const bad = page.locator('table[data-table="bad-ratings"] tbody tr');
  await expect(bad).toHaveCount(1);
  await expect(bad).toHaveAttribute('data-state', 'open');
  await expect(bad.locator('td')).toHaveText([
    '社会保险个人参保缴费证明',
    '非常不满意',
    '等候时间长、服务态度',
    '等了很久，态度也不好',
    '2026/12/1 10:00:00',
    '2026/12/8 23:59:59',
    '实名，须回访',
    '待整改登记整改',
  ]);
  await screenshot(page, 'dashboard');
  await expectAccessible(page, 'dashboard');

  // 整改: refused without what was done, and for this named rating without its call back.
  await bad.getByRole('button', { name: /登记整改/ }).click();
  const form = page.getByRole('form', { name: /差评整改与回访/ });
  await form.getByRole('button', { name: '确认办结整改' }).click();
  await expect(form.getByRole('alert')).toHaveText('请填写整改情况，说明做了什么（至少 2 个字）。');
  await form.getByLabel('整改情况（做了什么）').fill('已与窗口人员谈话，调整高峰时段排班');
  await form.getByRole('button', { name: '确认办结整改' }).click();
  await expect(form.getByRole('alert')).toHaveText('这是实名评价：请先电话回访市民，选择回访结果并填写回访记录。');
  await expectAccessible(page, 'dashboard follow-up form');
  await form.getByLabel('回访结果（实名评价必须回访）').selectOption('reached');
  await form.getByLabel('回访记录').fill('电话回访，市民表示理解');
  await form.getByRole('button', { name: '确认办结整改' }).click();
  await expect(bad).toHaveAttribute('data-state', 'closed');
  await expect(bad.locator('td').nth(6)).toHaveText('已回访：电话回访，市民表示理解');
  await expect(bad.locator('td').nth(7)).toHaveText('已整改：已与窗口人员谈话，调整高峰时段排班');

  // Each table downloads as CSV with Excel's BOM, in the page's language.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV：按事项统计' }).click();
  const file = await (await download).path();
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(parse(bytes.toString('utf8'), { bom: true })).toEqual([
    ['事项', '收件数', '办结数', '平均等候（秒）', '平均办理时长（秒）', '超期'],
    ['社会保险个人参保缴费证明', '3', '1', '1080', '360', '0'],
  ]);

  // English second: the same figures in the other language, every word from the table.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Queue now' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('table[data-table="services"] tr[data-service="si-contribution-certificate"] td')).toHaveText(['3', '1', '18 min', '6 min', '0']);
  await expect(page.locator('table[data-table="bad-ratings"] tbody tr td').nth(1)).toHaveText('Very dissatisfied');
  await expectAccessible(page, 'dashboard (English)');
});

test('a clerk cannot open the dashboard; the page says why in Chinese', async ({ page }) => {
  await page.goto(`${platform.url}/dashboard`);
  await page.getByLabel('用户名').fill(demo.clerk.username);
  await page.getByLabel('密码').fill(demo.clerk.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('您的账号不能查看中心监察（需中心管理员）。');
});
