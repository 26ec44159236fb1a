import { expect, test } from '@playwright/test';
import { startTerminal, type RunningTerminal } from './support/terminal-process';
import { callApi } from './support/kiosk';
import { screenshot } from './support/screens';

let terminal: RunningTerminal;

test.beforeAll(async () => {
  terminal = await startTerminal();
});
test.afterAll(async () => {
  await terminal.stop();
});

test('a card placed on the (simulated) reader greets the citizen with the masked ID; taking it away ends the session', async ({ page }) => {
  await page.goto(terminal.url);
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
  await page.getByTestId('demo-panel').getByRole('button', { name: '演示面板' }).click();
  await page.locator('[data-card="resident"]').click();

  const welcome = page.getByTestId('welcome');
  await expect(welcome).toBeVisible({ timeout: 5000 });
  const text = (await welcome.textContent()) ?? '';
  // First 6 and last 4 characters, eight asterisks between: never the whole number.
  expect(text).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
  expect(text).not.toMatch(/\d{17}[\dX]/);
  await expect(page.getByRole('heading', { name: '请选择要办理的事项' })).toBeVisible();
  await screenshot(page, 'welcome-after-card');

  await page.getByTestId('demo-panel').getByRole('button', { name: '演示面板' }).click();
  await page.getByRole('button', { name: '取走身份证' }).click();
  // The citizen has the configured time (10 s by default) to put the card back, then the session ends.
  await expect(page.getByTestId('card-away')).toContainText('请将身份证放回读卡区');
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('ended-reason')).toContainText('身份证已取走');
  await expect(welcome).toHaveCount(0);
});

test('an unknown demo card is refused as a bad request', async ({ page }) => {
  await page.goto(terminal.url);
  await expect(callApi(page, 'demo.placeCard', { cardId: 'no-such-card' })).rejects.toThrow(/bad-request/);
});

test('an expired card is turned away with a message, and no session begins', async ({ page }) => {
  await page.goto(terminal.url);
  await page.getByTestId('demo-panel').getByRole('button', { name: '演示面板' }).click();
  await page.locator('[data-card="expired"]').click();
  await expect(page.getByRole('alert')).toHaveText('您的证件已过期，请到窗口办理', { timeout: 5000 });
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});
