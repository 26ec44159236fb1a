import { expect, test } from '@playwright/test';
import { startTerminal, type RunningTerminal } from './support/terminal-process';
import { screenshot } from './support/screens';

let terminal: RunningTerminal;

test.beforeAll(async () => {
  terminal = await startTerminal(['session.idleSeconds=6', 'session.warnSeconds=3']);
});
test.afterAll(async () => {
  await terminal.stop();
});

test('the idle countdown warns, then wipes the session and returns to the attract screen', async ({ page }) => {
  await page.goto(terminal.url);
  await page.getByRole('button', { name: '点击开始办理' }).click();
  await page.getByRole('button', { name: '长辈版' }).click();
  await page.getByTestId('switch-language').click();
  await page.locator('.service-tile').first().click();
  await expect(page.getByText('Service guide')).toBeVisible();

  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await expect(warning).toContainText('seconds');
  await screenshot(page, 'idle-warning');

  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible({ timeout: 10_000 });
  await expect(warning).toBeHidden();
  // Wiped back to the terminal's defaults: Chinese, standard type, no service chosen.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('html')).toHaveAttribute('data-large-type', 'false');
  await expect(page.getByRole('button', { name: '结束办理' })).toHaveCount(0);
  expect(terminal.output()).not.toContain('"level":50');
});

test('touching the screen during the warning keeps the session', async ({ page }) => {
  await page.goto(terminal.url);
  await page.getByRole('button', { name: '点击开始办理' }).click();
  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: '继续办理' }).click();
  await expect(warning).toBeHidden();
  // Past the moment the first countdown would have ended, the citizen is still in the menu.
  await page.waitForTimeout(4_000);
  await expect(page.getByRole('heading', { name: '请选择要办理的事项' })).toBeVisible();
});
