import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { callApi, placeCard } from './support/kiosk';
import { expectAccessible } from './support/accessibility';
import { screenshot } from './support/screens';
import { sign } from './support/signature';
import { platformCall as callPlatform, staffToken as tokenOf, startCentre, type Centre } from './support/desk';
import { DEMO, type RunningPlatform } from './support/platform-process';
import type { RunningTerminal } from './support/terminal-process';

/**
 * The counter desk for a day's work, through real processes (`tongban platform` with the demo
 * seed, a kiosk and a counter as `tongban start`): a whole case by keyboard alone, and every
 * platform error the desk can meet in Chinese words.
 */
test.describe.configure({ mode: 'serial' });

let centre: Centre | undefined;
let platform: RunningPlatform, kiosk: RunningTerminal, counter: RunningTerminal;

test.beforeAll(async () => {
  const started = await startCentre(['6号窗口']);
  centre = started;
  ({ platform, kiosk, desks: [counter] } = started);
});

test.afterAll(async () => {
  await centre?.stop();
});

const staffToken = (username: string, password: string) => tokenOf(platform.url, { username, password });
const platformCall = (method: string, route: string, token: string, body?: unknown) => callPlatform(platform.url, method, route, token, body);

async function kioskSubmits(page: Page): Promise<{ caseId: string; queueNumber: string }> {
  const receipt = await callApi<{ caseId: string }>(page, 'cases.submit', {
    serviceCode: 'social-security-card-application',
    values: { phone: '13800138000', reason: 'first', bank: 'icbc', delivery: 'centre' },
  });
  let queueNumber = '';
  await expect
    .poll(async () => (queueNumber = (await callApi<{ queueNumber: string | null }>(page, 'cases.lookup', { caseId: receipt.caseId })).queueNumber ?? ''))
    .toMatch(/^[A-Z]\d{3}$/);
  return { caseId: receipt.caseId, queueNumber };
}

/** Tab until `target` has the focus, as a clerk without a mouse would. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

async function signInByKeyboard(page: Page): Promise<void> {
  await page.goto(counter.url);
  const form = page.getByRole('heading', { name: '窗口人员登录' });
  const signOut = page.getByRole('button', { name: '退出登录' });
  await expect(form.or(signOut)).toBeVisible();
  if (await signOut.isVisible()) {
    await tabTo(page, signOut);
    await page.keyboard.press('Enter');
  }
  await expect(form).toBeVisible();
  await tabTo(page, page.getByLabel('用户名'));
  await page.keyboard.type(DEMO.clerk.username);
  await tabTo(page, page.getByLabel('密码'));
  await page.keyboard.type(DEMO.clerk.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /综合窗口 · 6号窗口|6号窗口/ })).toBeVisible();
}

/** The kiosk with the citizen's card on it, and the desk signed in by keyboard: two machines, two browser contexts. */
async function screens(browser: Browser): Promise<{ kioskPage: Page; desk: Page }> {
  const kioskPage = await (await browser.newContext()).newPage();
  await kioskPage.goto(kiosk.url);
  await placeCard(kioskPage, 'resident');
  const desk = await (await browser.newContext()).newPage();
  await signInByKeyboard(desk);
  return { kioskPage, desk };
}

/** A kiosk case, waited for until the desk's queue shows it. */
async function submittedAndQueued(kioskPage: Page, desk: Page): Promise<{ caseId: string; queueNumber: string }> {
  const submitted = await kioskSubmits(kioskPage);
  await expect(desk.getByTestId('queue-table').locator(`tr[data-queue-number="${submitted.queueNumber}"]`)).toBeVisible({ timeout: 10_000 });
  return submitted;
}

/** No sentence in English on the Chinese desk: queue numbers (A023) and case numbers aside, no Latin words. */
async function expectChineseMessage(page: Page, expected: string | RegExp): Promise<void> {
  const line = page.getByTestId('counter-message');
  await expect(line).toHaveText(expected);
  const text = ((await line.textContent()) ?? '').replace(/\b[A-Z]\d{3}\b/g, '');
  expect(text, text).not.toMatch(/[A-Za-z]{2,}/);
}

test('a whole case by keyboard alone: call, accept (confirmed), note, transfer, then after the department’s approval find it in my cases and complete it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { kioskPage, desk } = await screens(browser);
  const { caseId, queueNumber } = await submittedAndQueued(kioskPage, desk);

  // Arrow keys walk the queue; Alt+N calls the next number and opens its panel, the focus on its heading.
  await tabTo(desk, desk.getByTestId('queue-table').locator('tr[data-row]').first());
  await desk.keyboard.press('End');
  await expect(desk.getByTestId('queue-table').locator('tr[data-row]').last()).toBeFocused();
  await desk.keyboard.press('Alt+N');
  await expect(desk.getByRole('heading', { name: `办件审核 ${queueNumber}` })).toBeFocused();
  await expect(desk.getByTestId('claimed-table')).toContainText(queueNumber);

  await desk.keyboard.press('Alt+A');
  await expect(desk.getByRole('button', { name: '确认受理' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('case-status')).toHaveText('已受理');
  await expect(desk.getByTestId('case-deadline')).toContainText('个工作日内');

  await tabTo(desk, desk.getByLabel('备注内容（不对申请人显示）'));
  await desk.keyboard.type('申请人下午来补签');
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('case-notes')).toContainText('申请人下午来补签');

  await desk.keyboard.press('Alt+T');
  await expect(desk.getByTestId('decision-transfer')).toBeVisible();
  await expect(desk.getByLabel('接收部门')).toHaveValue('social-insurance');
  await tabTo(desk, desk.getByTestId('decision-transfer').getByRole('button', { name: '确认', exact: true }));
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('case-status')).toHaveText('已转办');

  // Esc closes the panel; the case is in my list of cases with a department.
  await desk.keyboard.press('Escape');
  await expect(desk.getByTestId('case-review')).toHaveCount(0);
  await tabTo(desk, desk.getByRole('tab', { name: '已转部门' }));
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('my-cases-list').locator(`tr[data-queue-number="${queueNumber}"]`)).toContainText('社保');

  // 社保's back office approves (another office, another person).
  const shebao = await staffToken('demo.shebao', 'tongban-demo-backoffice');
  const approved = await platformCall('POST', `/v1/back-office/cases/${caseId}/decisions`, shebao, {
    decision: 'approve',
    result: { decisionText: '准予办理', documentNumber: 'SSC-2026-000777' },
  });
  expect(approved.status).toBe(200);

  // 待领取: the row, Enter opens it; 发证 finds its pickup; posted by the citizen's choice, it completes.
  await tabTo(desk, desk.getByRole('tab', { name: '待领取' }));
  await desk.keyboard.press('Enter');
  const row = desk.getByTestId('my-cases-list').locator(`tr[data-queue-number="${queueNumber}"]`);
  await expect(row).toBeVisible();
  await screenshot(desk, 'desk-my-cases-ready');
  await tabTo(desk, row);
  await expect(row).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(desk.getByRole('heading', { name: `办件审核 ${queueNumber}` })).toBeFocused();
  await expect(desk.getByTestId('case-status')).toHaveText('待领取');
  await expect(desk.getByTestId('case-notes')).toContainText('申请人下午来补签');
  await tabTo(desk, desk.getByTestId('case-review').getByRole('button', { name: '发证' }));
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('pickup-result')).toContainText('SSC-2026-000777');
  await tabTo(desk, desk.getByLabel('快递公司'));
  await desk.keyboard.type('中国邮政');
  await tabTo(desk, desk.getByLabel('邮件号'));
  await desk.keyboard.type('1180245367890');
  await desk.keyboard.press('Enter');
  await expectChineseMessage(desk, '已登记邮寄：中国邮政 1180245367890');

  const clerk = await staffToken(DEMO.clerk.username, DEMO.clerk.password);
  expect((await platformCall('GET', `/v1/cases/${caseId}`, clerk)).body.status).toBe('completed');
  await expectAccessible(desk);
});

test('every platform error the desk meets reaches it in Chinese, fields named by their labels', async ({ browser }) => {
  test.setTimeout(180_000);
  const { kioskPage, desk } = await screens(browser);
  const first = await submittedAndQueued(kioskPage, desk);

  // The terminal's own refusal: a number is still on the desk.
  await desk.keyboard.press('Alt+N');
  await expect(desk.getByRole('heading', { name: `办件审核 ${first.queueNumber}` })).toBeVisible();
  await desk.keyboard.press('Alt+N');
  await expectChineseMessage(desk, `${first.queueNumber} 号还在本窗口办理中：请先受理、过号或转出，再叫下一号`);

  // illegal-transition: accepted here, then sent to its department by the same clerk elsewhere; the desk still offers 转办.
  await desk.keyboard.press('Alt+A');
  await expect(desk.getByRole('button', { name: '确认受理' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('case-status')).toHaveText('已受理');
  const sameClerk = await staffToken(DEMO.clerk.username, DEMO.clerk.password);
  expect((await platformCall('POST', `/v1/cases/${first.caseId}/decisions`, sameClerk, { decision: 'transfer' })).status).toBe(200);
  await desk.keyboard.press('Alt+T');
  await tabTo(desk, desk.getByTestId('decision-transfer').getByRole('button', { name: '确认', exact: true }));
  await desk.keyboard.press('Enter');
  await expectChineseMessage(desk, '办件当前状态不能进行此操作，请刷新后查看');
  await desk.keyboard.press('Escape');
  await expect(desk.getByTestId('decision-transfer')).toHaveCount(0);

  // conflict: the next number, handed to a colleague's window from elsewhere while this desk still shows it.
  const second = await submittedAndQueued(kioskPage, desk);
  await desk.keyboard.press('Alt+N');
  await expect(desk.getByRole('heading', { name: `办件审核 ${second.queueNumber}` })).toBeVisible();
  const admin = await staffToken('demo.admin', 'tongban-demo-admin');
  const adminId = ((await platformCall('GET', '/v1/me', admin)).body.staff as { id: string }).id;
  expect((await platformCall('POST', `/v1/desk/cases/${second.caseId}/handover`, sameClerk, { staffId: adminId })).status).toBe(200);
  await desk.keyboard.press('Alt+A');
  await expect(desk.getByRole('button', { name: '确认受理' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expectChineseMessage(desk, '办件已被他人处理或内容冲突，请刷新后再试');
  await desk.keyboard.press('Escape');
  // The panel closes and the focus goes back to the case's row before anything else is typed.
  await expect(desk.getByTestId('case-review')).toHaveCount(0);
  await expect(desk.locator('[data-row]:focus, [data-call-next]:focus')).toHaveCount(1);

  // invalid-form, with the field's label: a search by a number that is no case number.
  await desk.getByLabel('查找内容').fill('不是编号');
  await desk.keyboard.press('Enter');
  await expectChineseMessage(desk, '填写内容不符合要求（编号）');
  // The terminal refuses the call's arguments: named by the label too.
  await desk.getByLabel('查找内容').fill('A1');
  await desk.keyboard.press('Enter');
  await expectChineseMessage(desk, '提交的内容有误（编号），请检查后重试');

  // A walk-in error names the field by its label, not its name.
  await desk.getByRole('tab', { name: '现场受理' }).click();
  await desk.getByLabel('办理事项').selectOption({ label: '社会保险个人参保缴费证明' });
  await desk.getByLabel('申请人姓名').fill('王五');
  await desk.getByLabel('身份证号', { exact: true }).fill('440305199912310011');
  await desk.getByRole('button', { name: '创建办件' }).click();
  await expectChineseMessage(desk, /^(险种|起始年月|截止年月|用途)：/);
  await desk.getByLabel('身份证号', { exact: true }).fill('440305199912310012');
  await desk.getByRole('button', { name: '创建办件' }).click();
  await expectChineseMessage(desk, '身份证号：身份证号码不正确，请检查是否有输错的数字');

  // unreachable: the platform is down.
  await platform.stop();
  try {
    await desk.getByRole('tab', { name: '我的办件' }).click();
    await desk.getByLabel('查找方式').selectOption('name');
    await desk.getByLabel('查找内容').fill('张三');
    await desk.keyboard.press('Enter');
    await expectChineseMessage(desk, '无法连接平台，请稍后重试');
  } finally {
    await platform.restart();
  }
});

test('several results of one citizen, ready at once, handed out together against one signature', async ({ browser }) => {
  test.setTimeout(180_000);
  const { kioskPage, desk } = await screens(browser);
  const clerk = await staffToken(DEMO.clerk.username, DEMO.clerk.password);
  const shebao = await staffToken('demo.shebao', 'tongban-demo-backoffice');
  const cases = [await submittedAndQueued(kioskPage, desk), await submittedAndQueued(kioskPage, desk)];
  for (const { caseId } of cases) {
    expect((await platformCall('POST', '/v1/queue/claim', clerk, { caseId })).status).toBe(200);
    for (const decision of [{ decision: 'accept' }, { decision: 'transfer' }]) {
      expect((await platformCall('POST', `/v1/cases/${caseId}/decisions`, clerk, decision)).status).toBe(200);
    }
    const approved = await platformCall('POST', `/v1/back-office/cases/${caseId}/decisions`, shebao, { decision: 'approve', result: { decisionText: '准予办理' } });
    expect(approved.status).toBe(200);
  }

  await desk.getByRole('tab', { name: '领取结果' }).click();
  await callApi(desk, 'demo.placeCard', { cardId: 'resident' });
  await desk.getByRole('button', { name: '读取读卡器上的身份证查找' }).click();
  await expect(desk.getByTestId('pickup-result')).toHaveCount(2);
  await desk.getByTestId('pickup-all').click();
  await sign(desk);
  await desk.getByRole('button', { name: '确认领取' }).click();
  await expectChineseMessage(desk, '2 件结果已一并发放');
  for (const { caseId } of cases) expect((await platformCall('GET', `/v1/cases/${caseId}`, clerk)).body.status).toBe('completed');
  await expectAccessible(desk);
});
