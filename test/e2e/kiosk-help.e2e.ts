import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { expectElderFriendly } from './support/elder-mode';
import { callApi, scanRequiredMaterials } from './support/kiosk';
import { kioskOnPlatform } from './support/kiosk-on-platform';
import { DEMO, kioskOn } from './support/platform-process';
import { screenshot } from './support/screens';
import { coveredByBanner } from './support/covering';
import { startTerminal, type RunningTerminal } from './support/terminal-process';
import { fillAllowanceForm } from './support/allowance-form';

/**
 * The machine never leaves a citizen stuck, and tells the truth: 呼叫工作人员 through a real
 * `tongban platform` process to a counter desk and back; the card put back in time; a failed
 * submit and a failed print with their next steps; the receipt's QR code decoded from the
 * printed PDF opening the public status page. Every screen here is checked with axe, and in
 * elder mode with the 适老化 figures measured in the browser.
 */
test.describe.configure({ mode: 'serial' });

const env = kioskOnPlatform();
const ELDER_NAME = '测试钱奶奶';
const ELDER_ID = '320102194003080028';

function counterSets(url: string): string[] {
  return ['terminal.role="counter"', `platform.url="${url}"`, `platform.credential=${JSON.stringify(DEMO.counter)}`];
}

async function deskSignedIn(page: Page, counter: RunningTerminal): Promise<void> {
  await page.goto(counter.url);
  await page.getByLabel('用户名').fill(DEMO.clerk.username);
  await page.getByLabel('密码').fill(DEMO.clerk.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '排队等候' })).toBeVisible();
}

/** The demo panel's card buttons, without waiting for a new session (a card put back joins the old one). */
async function demoCard(page: Page, action: { place: string } | 'remove'): Promise<void> {
  await page.getByTestId('demo-panel').getByRole('button', { name: /演示面板|Demo panel/ }).click();
  if (action === 'remove') await page.getByRole('button', { name: /取走身份证|Remove the card/ }).click();
  else await page.locator(`[data-card="${action.place}"]`).click();
}

async function largeType(page: Page): Promise<void> {
  if ((await page.locator('html').getAttribute('data-large-type')) !== 'true') await page.getByRole('button', { name: '长辈版' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-large-type', 'true');
}

/** Both checks on the screen as it stands, then the screenshot in this type size. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  if ((await page.locator('html').getAttribute('data-large-type')) === 'true') await expectElderFriendly(page, name);
  await screenshot(page, `help-${name}`);
}

/** The elderly allowance opened by the elder at the machine, past its first page, with the phone number typed. */
async function allowanceToPhone(page: Page): Promise<void> {
  await page.locator('[data-service="elderly-longevity-allowance"]').click();
  await page.getByRole('button', { name: '开始办理' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('#field-phone').fill('13800138000');
}

/** The elderly allowance filled in by the elder at the machine, up to the review page. */
async function allowanceToReview(page: Page): Promise<void> {
  await page.locator('[data-service="elderly-longevity-allowance"]').click();
  await page.getByRole('button', { name: /^(开始办理|Start)$/ }).click();
  await fillAllowanceForm(page, { phone: '13800138000', bank: '中国银行', account: '6013820000123456789' });
  await expect(page.getByRole('heading', { name: '核对信息' })).toBeVisible();
}

/** A fresh visit: whatever an earlier test left on the reader is taken away and its session ended. */
async function elderAtTheMachine(page: Page, url = env.kiosk.url): Promise<void> {
  await page.goto(url);
  await callApi(page, 'demo.removeCard', {});
  await callApi(page, 'session.end', { reason: 'done' });
  await demoCard(page, { place: 'elder' });
  await expect(page.getByTestId('welcome')).toBeVisible({ timeout: 10_000 });
}

test('呼叫工作人员 reaches a counter desk of the platform within a second; the desk takes it and the kiosk says someone is coming', async ({ page, browser }) => {
  const counter = await startTerminal(counterSets(env.platform.url));
  const deskContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 1024 } });
  const desk = await deskContext.newPage();
  try {
    await deskSignedIn(desk, counter);
    await expect(desk.getByTestId('help-calls')).toContainText('暂无呼叫');

    await elderAtTheMachine(page);
    await page.locator('[data-service="elderly-longevity-allowance"]').click();
    await page.getByTestId('call-staff').click();
    await expect(page.getByTestId('help-banner')).toHaveAttribute('data-state', 'waiting');
    // The desk hears of it through the platform's event stream (no poll of the help calls runs meanwhile).
    const call = desk.locator('[data-help-call]');
    await expect(call).toHaveCount(1, { timeout: 5_000 });
    await expect(call).toContainText(DEMO.kiosk.terminalId);
    await expect(call).toContainText('一楼大厅 自助服务区');
    await expect(call).toContainText('办事指南');
    await expect(call).toContainText(/呼叫时间：\d{2}:\d{2}:\d{2}/);
    await expectAccessible(desk, 'counter help call');
    await screenshot(desk, 'help-counter-call');
    await checkScreen(page, 'kiosk-waiting');
    await largeType(page);
    await checkScreen(page, 'kiosk-waiting-large');

    await call.getByRole('button', { name: '我去处理' }).click();
    await expect(page.getByTestId('help-banner')).toHaveAttribute('data-state', 'coming');
    await expect(page.getByTestId('help-banner')).toContainText('工作人员正在赶来');
    await expect(page.getByTestId('help-banner')).toContainText('演示窗口人员');
    await expect(desk.locator('[data-help-call]')).toHaveCount(0);
    await checkScreen(page, 'kiosk-coming-large');
    await page.getByRole('button', { name: '标准版' }).click();
    await checkScreen(page, 'kiosk-coming');
    await page.getByRole('button', { name: '知道了' }).click();

    // The citizen may cancel a call nobody has taken yet; the desk's list follows.
    await page.getByTestId('call-staff').click();
    await expect(desk.locator('[data-help-call]')).toHaveCount(1);
    await page.getByRole('button', { name: '取消呼叫' }).click();
    await expect(page.getByTestId('help-banner')).toHaveCount(0);
    await expect(desk.locator('[data-help-call]')).toHaveCount(0);

    // All of it audited on the platform.
    const signIn = await fetch(`${env.platform.url}/v1/staff/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo.admin', password: 'tongban-demo-admin' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const audit = (await (await fetch(`${env.platform.url}/v1/audit`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ action: string }>;
    const actions = audit.map((a) => a.action);
    for (const action of ['help-called', 'help-taken', 'help-cancelled']) expect(actions).toContain(action);
  } finally {
    await deskContext.close();
    await counter.stop();
  }
});

test('with the platform out of reach the kiosk says plainly that the call was not sent', async ({ page }) => {
  const cutOff = await startTerminal(['platform.url="http://127.0.0.1:9"', `platform.credential=${JSON.stringify(DEMO.kiosk)}`]);
  try {
    await page.goto(cutOff.url);
    await page.getByTestId('call-staff').click();
    const banner = page.getByTestId('help-banner');
    await expect(banner).toHaveAttribute('data-state', 'failed', { timeout: 15_000 });
    await expect(banner).toContainText('呼叫没有发出');
    await expect(banner).toContainText('请到服务台找工作人员');
    await expect(banner.getByRole('button', { name: '重试' })).toBeVisible();
    await checkScreen(page, 'kiosk-call-failed');
    await largeType(page);
    await checkScreen(page, 'kiosk-call-failed-large');
  } finally {
    await cutOff.stop();
  }
});

test('card removed mid-form: a banner counts down, the card put back keeps the form; not put back, it is wiped and the attract screen says why', async ({ page }) => {
  test.setTimeout(90_000);
  await elderAtTheMachine(page);
  await allowanceToPhone(page);

  await demoCard(page, 'remove');
  const away = page.getByTestId('card-away');
  await expect(away).toContainText('请将身份证放回读卡区');
  await expect(away).toContainText(/\d+ 秒内放回/);
  await checkScreen(page, 'card-away');
  await demoCard(page, { place: 'elder' });
  await expect(away).toHaveCount(0);
  await expect(page.locator('#field-phone')).toHaveValue('13800138000');

  // In 长辈版 the banner is tall: it pushes the form down and hides none of it, and the field
  // being typed stays in sight above the buttons and the keyboard, landscape and portrait.
  await largeType(page);
  for (const viewport of [{ width: 1080, height: 1920 }, { width: 1280, height: 1024 }]) {
    await page.setViewportSize(viewport);
    await demoCard(page, 'remove');
    await expect(away).toBeVisible();
    await expect.poll(() => coveredByBanner(page, '[data-testid="card-away"]', '#field-phone'), { message: `${viewport.width}×${viewport.height}` }).toEqual([]);
    if (viewport.height === 1920) {
      await screenshot(page, 'help-card-away-large-portrait');
      await demoCard(page, { place: 'elder' });
      await expect(away).toHaveCount(0);
      await expect(page.locator('#field-phone')).toHaveValue('13800138000');
    }
  }
  await checkScreen(page, 'card-away-large');
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('ended-reason')).toHaveText(/身份证已取走，上一次办理已结束，个人信息已清除/);
  await expect(page.locator('body')).not.toContainText('13800138000');
  await checkScreen(page, 'attract-ended-card');
  await largeType(page);
  await checkScreen(page, 'attract-ended-card-large');
});

test('the elderly allowance is refused from the card before filling when the holder is under 80', async ({ page }) => {
  await page.goto(env.kiosk.url);
  await callApi(page, 'demo.removeCard', {});
  await callApi(page, 'session.end', { reason: 'done' });
  await demoCard(page, { place: 'resident' });
  await expect(page.getByTestId('welcome')).toBeVisible({ timeout: 10_000 });
  await page.locator('[data-service="elderly-longevity-allowance"]').click();
  await expect(page.getByTestId('not-eligible')).toContainText(/要求年满 80 周岁，您的身份证显示为 \d+ 周岁/);
  await expect(page.getByRole('button', { name: '开始办理' })).toHaveCount(0);
  await checkScreen(page, 'not-eligible');
  await largeType(page);
  await checkScreen(page, 'not-eligible-large');
});

test('forms: the error summary links to each field, 修改 returns to the review, the step count stays, required scans are asked for', async ({ page }) => {
  await elderAtTheMachine(page);
  await page.locator('[data-service="elderly-longevity-allowance"]').click();
  await page.getByRole('button', { name: '开始办理' }).click();
  const step = page.locator('.eyebrow');
  await expect(step).toContainText(/共 (\d+) 步/);
  const total = /共 (\d+) 步/.exec((await step.textContent()) ?? '')?.[1];
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(2);
  await checkScreen(page, 'error-summary');
  await summary.getByRole('link', { name: /联系电话/ }).click();
  await expect(page.locator('#field-phone')).toBeFocused();
  await page.locator('#field-phone').fill('13800138000');
  // An answer that shows more fields (an agent's) does not change the number of steps.
  await page.getByRole('radio', { name: '家属或他人代办' }).click();
  await expect(step).toContainText(`共 ${total} 步`);
  await page.getByRole('radio', { name: '本人申请' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(step).toContainText(`共 ${total} 步`);
  await page.getByRole('radio', { name: '中国银行' }).click();
  await page.locator('#field-bankAccount').fill('6013820000123456789');
  await page.getByRole('checkbox').click();
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByRole('button', { name: /^修改 联系电话/ }).click();
  await page.locator('#field-phone').fill('13900139000');
  await page.getByRole('button', { name: '返回核对信息' }).click();
  await expect(page.getByRole('heading', { name: '核对信息' })).toBeVisible();
  await expect(page.locator('.review')).toContainText('13900139000');

  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(summary).toContainText('请先扫描必交材料');
  await largeType(page);
  await checkScreen(page, 'review-scan-required-large');
});

test('a failed submit says so with 重试, 呼叫工作人员 and 返回, keeps the answers, and 重试 sends it', async ({ page }) => {
  test.setTimeout(90_000);
  await elderAtTheMachine(page);
  await allowanceToReview(page);
  await scanRequiredMaterials(page);
  // Another writer holds the terminal's store: the record cannot be written (a real SQLITE_BUSY).
  const db = new Database(path.join(env.kiosk.dataDir, 'terminal.db'));
  db.exec('BEGIN EXCLUSIVE');
  try {
    await page.getByRole('button', { name: '确认提交' }).click();
    const error = page.getByTestId('submit-error');
    await expect(error).toContainText('申请没有提交成功，您填写的内容还在', { timeout: 20_000 });
    for (const next of ['重试', '呼叫工作人员', '返回']) await expect(error.getByRole('button', { name: next })).toBeVisible();
    await checkScreen(page, 'submit-failed');
    await largeType(page);
    await checkScreen(page, 'submit-failed-large');
  } finally {
    db.exec('ROLLBACK');
    db.close();
  }
  await page.getByTestId('submit-error').getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { name: /申请已提交，待窗口审核/ })).toBeVisible({ timeout: 20_000 });
});

test("a receipt's QR code, decoded from the printed PDF, opens the platform's public status page, which shows no personal data", async ({ page }) => {
  test.setTimeout(90_000);
  await elderAtTheMachine(page);
  await allowanceToReview(page);
  await scanRequiredMaterials(page);
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('heading', { name: '申请已提交，待窗口审核' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('print-status')).toHaveText(/打印完成/, { timeout: 30_000 });
  await checkScreen(page, 'confirmation');
  await largeType(page);
  await checkScreen(page, 'confirmation-large');

  const printed = path.join(env.kiosk.dataDir, 'printed');
  const newest = readdirSync(printed)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => path.join(printed, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0] as string;
  const text = execFileSync('pdftotext', ['-layout', newest, '-'], { encoding: 'utf8' });
  expect(text).toContain('申请回执');
  expect(text).toContain('申请已提交，待窗口审核');
  expect(text).not.toContain('现予受理');
  expect(text).toMatch(/第1页 共1页/);
  expect(text).toContain(`${ELDER_ID.slice(0, 6)}********${ELDER_ID.slice(-4)}`);
  expect(text).not.toContain(ELDER_ID);

  const png = path.join(path.dirname(newest), 'receipt-page');
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', newest, png]);
  const url = execFileSync('zbarimg', ['--raw', '-q', `${png}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  expect(url).toMatch(new RegExp(`^${env.platform.url}/status/[2-9A-HJ-NP-Z]{16}$`));
  expect(text.replace(/\s+/g, '')).toContain(url);

  const response = await fetch(url);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain('高龄老人津贴申领');
  expect(html).toContain('已提交，等待窗口审核');
  expect(html).toContain('提交申请');
  for (const personal of [ELDER_NAME, ELDER_ID, ELDER_ID.slice(0, 6), '13800138000', '6013820000123456789']) expect(html).not.toContain(personal);
  await page.goto(url);
  await expectAccessible(page, 'public status page');
  await screenshot(page, 'help-public-status-page');
  // A code nobody was given opens nothing.
  expect((await fetch(url.replace(/[2-9A-HJ-NP-Z]{4}$/, 'AAAA'))).status).toBe(404);
});


test('the idle warning, the PIN pad and the setup screen pass axe; the citizen-facing ones also the 适老化 figures', async ({ page }) => {
  test.setTimeout(90_000);
  const hurried = await startTerminal([...kioskOn(env.platform.url), 'session.idleSeconds=40', 'session.warnSeconds=35']);
  try {
    await page.goto(hurried.url);
    await largeType(page);
    await page.getByRole('button', { name: '点击开始办理' }).click();
    await expect(page.getByTestId('idle-warning')).toBeVisible({ timeout: 15_000 });
    await checkScreen(page, 'idle-warning-large');
    await page.getByRole('button', { name: '继续办理' }).click();
    await page.getByRole('button', { name: '结束办理' }).click();
    // The session's end brings the terminal's default type size back.
    await expect(page.locator('html')).toHaveAttribute('data-large-type', 'false');
    await largeType(page);
    for (let i = 0; i < 5; i += 1) await page.getByTestId('app-name').dispatchEvent('pointerdown');
    await expect(page.getByRole('heading', { name: /技术人员/ })).toBeVisible();
    await checkScreen(page, 'pin-pad-large');
    await page.getByRole('button', { name: '标准版' }).click();
    await checkScreen(page, 'pin-pad');
    for (const digit of '246810') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '进入设置' }).click();
    await expect(page.getByRole('heading', { name: '设备设置' })).toBeVisible();
    await expectAccessible(page, 'setup');
    await screenshot(page, 'help-setup');
  } finally {
    await hurried.stop();
  }
});

for (const viewport of [
  { width: 1280, height: 1024 },
  { width: 1080, height: 1920 },
]) {
  test(`elder mode at ${viewport.width}×${viewport.height}: attract, menu, guide, every form page, review and lookup meet the 适老化 figures and axe`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    const size = `${viewport.width}x${viewport.height}`;
    await page.goto(env.kiosk.url);
    await largeType(page);
    await checkScreen(page, `elder-${size}-attract`);
    await elderAtTheMachine(page);
    await largeType(page);
    await checkScreen(page, `elder-${size}-menu`);
    await page.locator('[data-service="elderly-longevity-allowance"]').click();
    await checkScreen(page, `elder-${size}-guide`);
    await page.getByRole('button', { name: '开始办理' }).click();
    await checkScreen(page, `elder-${size}-form-1`);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('#field-phone').fill('13800138000');
    await page.getByRole('radio', { name: '本人申请' }).click();
    await checkScreen(page, `elder-${size}-form-2`);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('radio', { name: '中国银行' }).click();
    await page.locator('#field-bankAccount').fill('6013820000123456789');
    await page.getByRole('checkbox').click();
    await checkScreen(page, `elder-${size}-form-3`);
    await page.getByRole('button', { name: '下一步' }).click();
    await checkScreen(page, `elder-${size}-review`);
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.getByRole('button', { name: '结束办理' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-large-type', 'false');
    await largeType(page);
    await page.getByRole('button', { name: '查询办件进度' }).click();
    await checkScreen(page, `elder-${size}-lookup`);
  });
}

test('代办: the agent reads their own card after the elder’s; both held and masked, the agent’s fields filled from it, both gone at the end', async ({ page }) => {
  test.setTimeout(120_000);
  await elderAtTheMachine(page);
  await allowanceToPhone(page);
  await page.getByRole('radio', { name: '家属或他人代办' }).click();
  await page.getByRole('button', { name: '下一步' }).click();

  const agent = page.getByTestId('agent-card');
  await agent.getByRole('button', { name: '读取代办人身份证' }).click();
  await expect(agent).toContainText('请取走申请人的身份证');
  // The elder's card leaves the reader to make way: no countdown.
  await demoCard(page, 'remove');
  await expect(page.getByTestId('card-away')).toHaveCount(0);
  // The elder's own card again is not taken for the agent's.
  await demoCard(page, { place: 'elder' });
  await expect(agent).toContainText('这是申请人的身份证');
  await demoCard(page, 'remove');
  await demoCard(page, { place: 'resident' });
  await expect(agent).toContainText(/已读取代办人身份证：测试张三，110101\*{8}\d{3}[\dX]/);
  await expect(page.locator('[data-field="agentName"]')).toContainText('测试张三');
  await expect(page.locator('[data-field="agentIdNumber"]')).toContainText(/110101\*{8}\d{3}[\dX]/);
  await expect(page.getByTestId('card-away')).toHaveCount(0);
  await checkScreen(page, 'agent-card-read');
  await page.getByRole('radio', { name: '子女' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('radio', { name: '中国银行' }).click();
  await page.locator('#field-bankAccount').fill('6013820000123456789');
  await page.getByRole('checkbox').click();
  await page.getByRole('button', { name: '下一步' }).click();

  // The review shows both people, each number masked; no full number reaches the page.
  const review = page.locator('.review');
  await expect(review).toContainText(ELDER_NAME);
  await expect(review).toContainText('320102********0028');
  await expect(review).toContainText(/110101\*{8}\d{3}[\dX]/);
  expect(await page.locator('body').innerText()).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
  // 电子证照 with consent: the agent's own ID card is looked up under the agent's card just read.
  await page.getByTestId('licence-consent').getByRole('button', { name: '同意查询' }).click();
  await expect(page.getByTestId('materials').locator('[data-material="agent-id-card"]')).toHaveAttribute('data-licence', 'held');
  await scanRequiredMaterials(page);
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('heading', { name: /申请已提交，待窗口审核|已保存在本机，网络恢复后自动提交/ })).toBeVisible({ timeout: 30_000 });
  const caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
  const { caseId } = await callApi<{ caseId: string }>(page, 'cases.lookup', { caseNumber, idLast4: '0028' });

  // On the platform: the elder is the applicant, the agent's fields are the agent card's.
  const signIn = await fetch(`${env.platform.url}/v1/staff/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO.clerk) });
  const { token } = (await signIn.json()) as { token: string };
  let detail: { applicant?: { name: string }; form?: Record<string, unknown> } = {};
  await expect
    .poll(async () => {
      const response = await fetch(`${env.platform.url}/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.ok) detail = (await response.json()) as typeof detail;
      return response.status;
    }, { timeout: 20_000 })
    .toBe(200);
  expect(detail.form?.agentName).toBe('测***');
  expect(String(detail.form?.agentIdNumber)).toMatch(/^110101\*{8}\d{3}[\dX]$/);
  expect(detail.form?.agentRelation).toBe('child');

  // The visit ends: the next one starts with no agent, and nothing of the last is on screen.
  await callApi(page, 'session.end', { reason: 'done' });
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('body')).not.toContainText('测试张三');
  await callApi(page, 'demo.removeCard', {});
  await demoCard(page, { place: 'elder' });
  await expect(page.getByTestId('welcome')).toBeVisible({ timeout: 10_000 });
  await allowanceToPhone(page);
  await page.getByRole('radio', { name: '家属或他人代办' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('agent-card')).toHaveAttribute('data-state', 'idle');
  await expect(page.locator('#field-agentName')).toHaveValue('');
  await largeType(page);
  await checkScreen(page, 'agent-card-large');
});
