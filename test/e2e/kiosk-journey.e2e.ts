import { expect, test, type Page } from '@playwright/test';
import { gb11643CheckCharacter } from '../../contract/identity/id-number';
import { callApi, openService, placeCard, removeCard, scanRequiredMaterials, tapKeyboardButton, tapKeys } from './support/kiosk';
import { kioskOnPlatform } from './support/kiosk-on-platform';
import { clerk, kioskOn } from './support/platform-process';
import { expectAccessible } from './support/accessibility';
import { screenshot } from './support/screens';
import { startTerminal } from './support/terminal-process';

// Each test is a whole visit (card, four form pages, two scans read by OCR, a printed receipt)
// through three real processes: on two busy cores that takes more than the default minute.
test.describe.configure({ mode: 'serial', timeout: 150_000 });

const env = kioskOnPlatform();

const agentId = (() => {
  const first17 = '11010519800101003';
  return first17 + gb11643CheckCharacter(first17);
})();

/** The elderly allowance, applied for by an agent, from the card to the confirmation. */
async function journey(page: Page, variant: string): Promise<{ caseNumber: string; queueNumber: string }> {
  await page.goto(env.kiosk.url);
  await expectAccessible(page, 'attract');
  // The allowance is for people of 80 or more: the elder's own card is read first.
  await placeCard(page, 'elder');
  if (variant === 'large-type') await page.getByRole('button', { name: '长辈版' }).click();
  await expectAccessible(page, 'menu');
  await screenshot(page, `journey-${variant}-1-menu`);

  await openService(page, 'elderly-longevity-allowance');
  // Page 1: all from the card, read-only, the ID number masked.
  await expect(page.locator('.prefilled').first()).toBeVisible();
  const prefilled = (await page.locator('.prefilled-value').allTextContents()).join(' ');
  expect(prefilled).toContain('测试钱奶奶');
  expect(prefilled).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
  await expect(page.locator('input#field-name')).toHaveCount(0);
  await expectAccessible(page, 'form page 1');
  await screenshot(page, `journey-${variant}-2-prefilled`);
  await page.getByRole('button', { name: '下一步' }).click();

  // Page 2: a wrong phone number is refused in plain words, then fixed.
  await page.locator('#field-phone').click();
  await tapKeys(page, '123');
  await tapKeyboardButton(page, '{enter}');
  const phoneProblem = page.locator('#error-phone');
  await expect(phoneProblem).toHaveText(/电话号码不正确/);
  await screenshot(page, `journey-${variant}-3-validation`);
  await page.locator('#field-phone').click();
  for (let i = 0; i < 3; i++) await tapKeyboardButton(page, '{bksp}');
  await tapKeys(page, '13800138000');
  await expect(phoneProblem).toHaveCount(0);
  await tapKeyboardButton(page, '{enter}');
  await page.getByRole('radio', { name: '家属或他人代办' }).click();
  await expectAccessible(page, 'form page 2');
  await page.getByRole('button', { name: '下一步' }).click();

  // Page 3: the agent's name typed in pinyin on the on-screen keyboard: zhang → 张, san → 三.
  await page.locator('#field-agentName').click();
  await tapKeys(page, 'zhang');
  await expect(page.getByTestId('candidate').first()).toBeVisible();
  await screenshot(page, `journey-${variant}-4-pinyin`);
  await page.getByTestId('candidate').filter({ hasText: /^张$/ }).click();
  await tapKeys(page, 'san');
  await page.getByTestId('candidate').filter({ hasText: /^三$/ }).click();
  await expect(page.locator('#field-agentName')).toHaveValue('张三');
  await tapKeyboardButton(page, '{enter}');
  await page.locator('#field-agentIdNumber').click();
  await tapKeys(page, agentId);
  await tapKeyboardButton(page, '{enter}');
  await page.getByRole('radio', { name: '子女' }).click();
  await page.getByRole('button', { name: '下一步' }).click();

  // Page 4: bank details and the declaration; the back button keeps what was typed.
  await page.getByRole('radio', { name: '中国工商银行' }).click();
  await page.locator('#field-bankAccount').fill('6222020200112233445');
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(page.locator('#field-agentName')).toHaveValue('张三');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.locator('#field-bankAccount')).toHaveValue('6222020200112233445');
  await page.getByRole('checkbox').click();
  await page.getByRole('button', { name: '下一步' }).click();

  // Review: every answer, the ID numbers masked.
  await expect(page.getByRole('heading', { name: '核对信息' })).toBeVisible();
  const review = (await page.locator('.review').textContent()) ?? '';
  expect(review).toContain('张三');
  expect(review).not.toContain(agentId);
  expect(review).toContain(`${agentId.slice(0, 6)}********${agentId.slice(-4)}`);
  await expectAccessible(page, 'review');
  await screenshot(page, `journey-${variant}-5-review`);
  // 一次授权: the licence look-up is answered before the materials are final.
  await page.getByTestId('licence-consent').getByRole('button', { name: /^(同意查询|Yes, look them up)$/ }).click();
  await scanRequiredMaterials(page);
  await page.getByRole('button', { name: '确认提交' }).click();

  await expect(page.getByRole('heading', { name: /申请已提交，待窗口审核|已保存在本机，网络恢复后自动提交/ })).toBeVisible({ timeout: 15_000 });
  const queueNumber = (await page.getByTestId('queue-number').textContent()) ?? '';
  expect(queueNumber).toMatch(/^E\d{3}$/);
  await expect(page.getByTestId('print-status')).toHaveText(/打印完成/, { timeout: 20_000 });
  await expectAccessible(page, 'confirmation');
  await screenshot(page, `journey-${variant}-6-confirmation`);
  const caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
  return { caseNumber, queueNumber };
}

test('card → service → prefilled form → pinyin → validation → review → submit → queue number', async ({ page }) => {
  const { caseNumber } = await journey(page, 'standard');
  expect(caseNumber).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
});

test('the same journey in large type', async ({ page }) => {
  await journey(page, 'large-type');
  await expect(page.locator('html')).toHaveAttribute('data-large-type', 'true');
  await removeCard(page);
  await expect(page.getByTestId('card-away')).toBeVisible();
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible({ timeout: 20_000 });
});

test('status by the receipt QR code shows the history, and a completed case can be rated once', async ({ page }) => {
  const { caseNumber } = await journey(page, 'status');
  const status = await callApi<{ caseId: string }>(page, 'cases.lookup', { caseNumber, idLast4: '0028' });
  await page.getByRole('button', { name: '完成' }).click();

  const desk = await clerk(env.platform.url);
  await desk.claim(status.caseId);
  await desk.decide(status.caseId, { decision: 'accept' });
  await desk.decide(status.caseId, { decision: 'complete', result: '审核通过，次月起发放' });

  // The receipt's QR code read by the kiosk's keyboard-wedge scanner: a burst of keys and Enter.
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
  await expect
    .poll(async () => (await callApi<{ status: string }>(page, 'cases.lookup', { caseId: status.caseId })).status, { timeout: 15_000 })
    .toBe('completed');
  await page.keyboard.type(`tongban://case/${status.caseId}`, { delay: 0 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-status')).toHaveText('已办结', { timeout: 10_000 });
  const history = await page.getByTestId('case-history').textContent();
  for (const step of ['提交申请', '工作人员开始审核', '受理', '办结']) expect(history).toContain(step);
  await expectAccessible(page, 'status');
  await screenshot(page, 'journey-status');

  await page.getByRole('radio', { name: '非常满意' }).click();
  await page.getByRole('button', { name: '办事效率高' }).click();
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByTestId('rated')).toHaveText(/非常满意/, { timeout: 10_000 });
  await expect(page.getByRole('button', { name: '提交评价' })).toHaveCount(0);
  await expect(callApi(page, 'cases.rate', { caseId: status.caseId, level: 1, reasons: ['long-wait'] })).rejects.toThrow();
});

test('by case number and the last 4 digits of the ID number', async ({ page }) => {
  const { caseNumber } = await journey(page, 'lookup');
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByRole('button', { name: '查询办件进度' }).click();
  await page.locator('#lookup-caseNumber').fill(caseNumber);
  await page.locator('#lookup-idLast4').fill('0016');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('alert')).toHaveText(/没有找到/);
  await page.locator('#lookup-idLast4').fill('0028');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('排队等候受理');
});

test('an idle timeout in the middle of a form wipes it', async ({ page }) => {
  const hurried = await startTerminal([...kioskOn(env.platform.url), 'session.idleSeconds=8', 'session.warnSeconds=3', 'session.endOnCardRemoval=false']);
  try {
    await page.goto(hurried.url);
    await placeCard(page, 'elder');
    await openService(page, 'elderly-longevity-allowance');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('#field-phone').fill('13800138000');
    await expect(page.getByTestId('idle-warning')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible({ timeout: 15_000 });

    await placeCard(page, 'elder');
    await openService(page, 'elderly-longevity-allowance');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.locator('#field-phone')).toHaveValue('');
  } finally {
    await hurried.stop();
  }
});

test('with the platform down the citizen still gets a confirmation, and the case arrives when it is back', async ({ page }) => {
  test.setTimeout(120_000);
  await env.platform.stop();
  try {
    await page.goto(env.kiosk.url);
    await placeCard(page, 'elder');
    await openService(page, 'elderly-longevity-allowance');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('#field-phone').fill('13900139000');
    await page.getByRole('radio', { name: '本人申请' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('radio', { name: '中国银行' }).click();
    await page.locator('#field-bankAccount').fill('6013820000123456789');
    await page.getByRole('checkbox').click();
    await page.getByRole('button', { name: '下一步' }).click();
    // The platform is down: the licence look-up cannot answer, and the papers are asked for in plain words.
    await page.getByTestId('licence-consent').getByRole('button', { name: '同意查询' }).click();
    await expect(page.getByTestId('materials').locator('[data-material="household-register"]')).toContainText('暂时无法查询电子证照');
    await scanRequiredMaterials(page);
    await page.getByRole('button', { name: '确认提交' }).click();
    await expect(page.getByRole('heading', { name: /申请已提交，待窗口审核|已保存在本机，网络恢复后自动提交/ })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('pending-sync')).toBeVisible();
    await expect(page.getByTestId('queue-number')).toHaveCount(0);
    await screenshot(page, 'journey-offline-confirmation');
    const caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
    const saved = await callApi<{ caseId: string; synced: boolean }>(page, 'cases.lookup', { caseNumber, idLast4: '0028' });
    expect(saved.synced).toBe(false);

    await env.platform.restart();
    await expect
      .poll(async () => (await callApi<{ synced: boolean; queueNumber: string | null }>(page, 'cases.lookup', { caseId: saved.caseId })).queueNumber, {
        timeout: 30_000,
      })
      .toMatch(/^E\d{3}$/);
  } finally {
    if (!(await fetch(`${env.platform.url}/v1/health`).catch(() => undefined))?.ok) await env.platform.restart();
  }
});
