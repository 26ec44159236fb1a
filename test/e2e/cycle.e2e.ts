import { expect, test, type Browser, type Page } from '@playwright/test';
import { callApi, placeCard } from './support/kiosk';
import { expectAccessible } from './support/accessibility';
import { signInAtDesk, staffToken, startCentre, type Centre } from './support/desk';
import { DEMO, type RunningPlatform } from './support/platform-process';
import { screenshot } from './support/screens';
import { sign } from './support/signature';
import type { RunningTerminal } from './support/terminal-process';
import { newbornAnswers } from './support/newborn';

/**
 * The whole 一窗受理 cycle through real processes: `tongban platform` (demo seed), a kiosk and two
 * counter terminals as `tongban start` processes, each page in Chromium. Window 1 accepts and
 * sends the case to its department; window 2 serves first as 社保's back office (the counter
 * application signed in with a back-office account), then as the unified window that hands out
 * the result against the citizen's card on its own reader and a signature, and takes the rating.
 */
test.describe.configure({ mode: 'serial' });

const BACK_OFFICE_PASSWORD = 'tongban-demo-backoffice';
const BACK_OFFICE: Record<string, { username: string; name: string }> = {
  'social-insurance': { username: 'demo.shebao', name: '社保' },
  'medical-insurance': { username: 'demo.yibao', name: '医保' },
  household: { username: 'demo.huji', name: '户籍' },
};

let centre: Centre | undefined;
let platform: RunningPlatform, kiosk: RunningTerminal, windowOne: RunningTerminal, windowTwo: RunningTerminal;

test.beforeAll(async () => {
  const started = await startCentre(['1号窗口', '2号窗口']);
  centre = started;
  ({ platform, kiosk, desks: [windowOne, windowTwo] } = started);
});

test.afterAll(async () => {
  await centre?.stop();
});

async function historyOf(caseId: string): Promise<{ type: string; details: Record<string, unknown> }[]> {
  const token = await staffToken(platform.url, DEMO.clerk);
  const answer = await fetch(`${platform.url}/v1/cases/${caseId}/events?after=0&limit=500`, { headers: { authorization: `Bearer ${token}` } });
  return ((await answer.json()) as { events: { type: string; details: Record<string, unknown> }[] }).events;
}

const signIn = (page: Page, terminal: RunningTerminal, username: string, password: string, screen?: RegExp) => signInAtDesk(page, terminal.url, { username, password }, screen);

/** The case submitted by the kiosk, waited for until the kiosk's outbox has it on the platform. */
async function kioskSubmits(page: Page, serviceCode: string, values: Record<string, string | boolean>) {
  const receipt = await callApi<{ caseId: string; caseNumber: string; queueNumber: string | null }>(page, 'cases.submit', { serviceCode, values });
  await expect.poll(async () => (await callApi<{ queueNumber: string | null }>(page, 'cases.lookup', { caseId: receipt.caseId })).queueNumber).toMatch(/^[A-Z]\d{3}$/);
  return { caseId: receipt.caseId, caseNumber: receipt.caseNumber, queueNumber: (await callApi<{ queueNumber: string }>(page, 'cases.lookup', { caseId: receipt.caseId })).queueNumber };
}

/** Window 1: call the number, accept it (受理) and send it on. */
async function acceptAndSend(page: Page, queueNumber: string, transfer: boolean) {
  await expect(page.getByTestId('queue-table').locator(`tr[data-queue-number="${queueNumber}"]`)).toBeVisible({ timeout: 5000 });
  await page.getByRole('button', { name: '叫号' }).click();
  await expect(page.getByRole('heading', { name: `办件审核 ${queueNumber}` })).toBeVisible();
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await page.getByRole('button', { name: '确认受理' }).click();
  if (!transfer) return;
  await expect(page.getByTestId('case-status')).toHaveText('已受理');
  await expect(page.getByTestId('case-deadline')).toContainText('个工作日内');
  await page.getByTestId('case-review').getByRole('button', { name: '转办' }).click();
  await expect(page.getByLabel('接收部门')).toHaveValue('social-insurance');
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已转办');
}

/** Window 2 as a department's back office: open the case and approve it with the result. */
async function approveInBackOffice(page: Page, department: string, queueNumber: string, documentNumber: string) {
  const office = BACK_OFFICE[department]!;
  await signIn(page, windowTwo, office.username, BACK_OFFICE_PASSWORD, new RegExp(`后台审批 · ${office.name}`));
  const row = page.locator(`tr[data-queue-number="${queueNumber}"]`);
  await expect(row).toBeVisible({ timeout: 5000 });
  await row.getByRole('button', { name: '打开' }).click();
  await expect(page.getByTestId('back-office-case')).toBeVisible();
  await expect(page.getByTestId('applicant-id')).toHaveText(/^\d{6}\*{8}\d{3}[\dX]$/);
  await page.getByRole('button', { name: '审批通过' }).click();
  await page.getByLabel('文书编号（可选）').fill(documentNumber);
  await page.getByLabel('审批决定内容').fill('准予办理');
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByTestId('back-office-case').getByTestId('case-status')).toHaveText('待领取');
}

/** One browser context per screen, as three machines would be (axe needs pages of a context). */
async function pages(browser: Browser) {
  const open = async () => (await browser.newContext()).newPage();
  const kioskPage = await open();
  await kioskPage.goto(kiosk.url);
  await placeCard(kioskPage, 'resident');
  return { kioskPage, one: await open(), two: await open() };
}

test('a kiosk case: accepted at window 1, approved by 社保, collected at window 2 by the citizen’s card with a signature, rated', async ({ browser }) => {
  test.setTimeout(180_000);
  const { kioskPage, one, two } = await pages(browser);
  const { caseId, queueNumber } = await kioskSubmits(kioskPage, 'social-security-card-application', {
    phone: '13800138000',
    reason: 'first',
    bank: 'icbc',
    delivery: 'centre',
  });

  await signIn(one, windowOne, DEMO.clerk.username, DEMO.clerk.password, /排队等候/);
  await acceptAndSend(one, queueNumber, true);
  await screenshot(one, 'cycle-window-transferred');

  await approveInBackOffice(two, 'social-insurance', queueNumber, 'SSC-2026-000123');
  await expectAccessible(two);
  await screenshot(two, 'cycle-back-office');
  await expect
    .poll(() => platform.output())
    .toMatch(new RegExp(`notice for case ${caseId}: 【通办】.*取件码 \\d{6}`));

  // Window 2, now the unified window: the citizen's card on its reader finds the result.
  await signIn(two, windowTwo, DEMO.clerk.username, DEMO.clerk.password, /排队等候/);
  await two.getByRole('tab', { name: '领取结果' }).click();
  await callApi(two, 'demo.placeCard', { cardId: 'resident' });
  await two.getByRole('button', { name: '读取读卡器上的身份证查找' }).click();
  const result = two.getByTestId('pickup-result');
  await expect(result).toContainText('测***（110101********0017）的结果');
  await expect(result).toContainText('准予办理');
  await expect(result).toContainText('SSC-2026-000123');
  await two.getByRole('button', { name: '确认领取' }).click();
  await expect(two.getByTestId('counter-message')).toHaveText('请先签名');
  await sign(two);
  await screenshot(two, 'cycle-pickup-signature');
  await expectAccessible(two);
  await two.getByRole('button', { name: '确认领取' }).click();
  await expect(two.getByTestId('counter-message')).toHaveText('已领取，办件办结');
  await two.getByRole('button', { name: '非常满意' }).click();
  await expect(two.getByTestId('pickup-rated')).toHaveText('感谢评价：非常满意');

  const history = await historyOf(caseId);
  expect(history.map((e) => e.type)).toEqual(['submitted', 'claimed', 'accepted', 'transferred', 'approved', 'collected', 'rated']);
  expect(history[3]!.details.department).toBe('social-insurance');
  expect(history[5]!.details).toMatchObject({ method: 'counter', foundBy: 'id-card', windowName: '2号窗口', collector: 'self' });
  // The kiosk follows its case to the end.
  await expect.poll(async () => (await callApi<{ status: string }>(kioskPage, 'cases.lookup', { caseId })).status, { timeout: 15_000 }).toBe('completed');
  for (const page of [kioskPage, one, two]) await page.context().close();
});

test('a 一件事 submitted once at the kiosk: one case per item, each decided by its department, collected together', async ({ browser }) => {
  test.setTimeout(240_000);
  const { kioskPage, one, two } = await pages(browser);
  const { caseId, caseNumber, queueNumber } = await kioskSubmits(kioskPage, 'newborn-one-thing', {
    collectMode: 'together',
    ...newbornAnswers('11010519491231002X'),
    residency: 'local',
    reason: 'first',
    bank: 'ccb',
    delivery: 'centre',
  });
  expect(queueNumber).toMatch(/^F\d{3}$/);

  await signIn(one, windowOne, DEMO.clerk.username, DEMO.clerk.password, /排队等候/);
  await acceptAndSend(one, queueNumber, false);
  const items = one.getByTestId('bundle-items');
  await expect(items.locator('li')).toHaveCount(3);
  for (const [code, name] of [['newborn-hukou-registration', '户籍'], ['resident-medical-enrolment', '医保'], ['social-security-card-application', '社保']]) {
    await expect(items.locator(`[data-item="${code}"]`)).toContainText(`已转办`);
    await expect(items.locator(`[data-item="${code}"]`)).toContainText(name!);
  }
  await screenshot(one, 'cycle-bundle-split');

  for (const [index, department] of ['household', 'medical-insurance', 'social-insurance'].entries()) {
    await approveInBackOffice(two, department, `${queueNumber}-${index + 1}`, `DOC-${index + 1}`);
  }
  await expect.poll(() => platform.output()).toMatch(new RegExp(`notice for case ${caseId}: 【通办】.*取件码 \\d{6}`));
  const code = new RegExp(`notice for case ${caseId}: 【通办】.*取件码 (\\d{6})`).exec(platform.output())![1]!;

  await signIn(two, windowTwo, DEMO.clerk.username, DEMO.clerk.password, /排队等候/);
  await two.getByRole('tab', { name: '领取结果' }).click();
  await two.getByLabel('取件码（6 位）').fill(code);
  await two.getByRole('button', { name: '按取件码查找' }).click();
  const result = two.getByTestId('pickup-result');
  await expect(result.locator('li')).toHaveCount(3);
  await sign(two);
  await two.getByRole('button', { name: '确认领取' }).click();
  await expect(two.getByTestId('counter-message')).toHaveText('已领取，办件办结');
  await two.getByRole('button', { name: '满意', exact: true }).click();
  await expect(two.getByTestId('pickup-rated')).toBeVisible();

  const bundle = await historyOf(caseId);
  expect(bundle.map((e) => e.type)).toEqual(['submitted', 'claimed', 'accepted', 'transferred', 'approved', 'collected', 'rated']);
  const split = bundle[3]!.details.items as { caseId: string; department: string }[];
  expect(split.map((i) => i.department)).toEqual(['household', 'medical-insurance', 'social-insurance']);
  for (const item of split) {
    expect((await historyOf(item.caseId)).map((e) => e.type)).toEqual(['transferred', 'approved', 'collected', 'rated']);
  }

  // The kiosk's status page (case number and the ID number's last 4) shows the bundle and each item.
  await expect
    .poll(async () => (await callApi<{ status: string }>(kioskPage, 'cases.lookup', { caseId })).status, { timeout: 15_000 })
    .toBe('completed');
  await kioskPage.getByTestId('demo-panel').getByRole('button', { name: /演示面板/ }).click();
  await kioskPage.getByRole('button', { name: /取走身份证/ }).click();
  // The card is away: the kiosk waits for it to come back, until the citizen ends the session.
  await kioskPage.getByRole('button', { name: '结束办理' }).click();
  await expect(kioskPage.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
  await kioskPage.getByRole('button', { name: '查询办件进度' }).click();
  await kioskPage.locator('#lookup-caseNumber').fill(caseNumber);
  await kioskPage.locator('#lookup-idLast4').fill('0017');
  await kioskPage.getByRole('button', { name: '查询' }).click();
  const kioskItems = kioskPage.getByTestId('bundle-items');
  await expect(kioskItems.locator('li')).toHaveCount(3);
  await expect(kioskItems.locator('[data-item="newborn-hukou-registration"]')).toContainText('新生儿户口登记：已办结');
  await screenshot(kioskPage, 'cycle-kiosk-bundle-status');
  await expectAccessible(kioskPage);
  for (const page of [kioskPage, one, two]) await page.context().close();
});
