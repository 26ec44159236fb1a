import { expect, test, type Page } from '@playwright/test';
import { startIppEvePrinter, type IppEvePrinter } from '../integration/printing/support/ippeveprinter';
import { expectAccessible } from './support/accessibility';
import { expectElderFriendly } from './support/elder-mode';
import { callApi } from './support/kiosk';
import { kioskOn, startPlatformProcess, type RunningPlatform } from './support/platform-process';
import { screenshot } from './support/screens';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

/**
 * The kiosk follows the A4 printer's state: a real IPP Everywhere printer (ippeveprinter) whose
 * tray is emptied through its own media form. Out of paper is said before a certificate is
 * started; a print that fails is said with 重新打印, which prints the kept job.
 */
test.describe.configure({ mode: 'serial' });

let printer: IppEvePrinter;
let platform: RunningPlatform;
let kiosk: RunningTerminal;

test.beforeAll(async () => {
  printer = await startIppEvePrinter();
  platform = await startPlatformProcess();
  kiosk = await startTerminal([...kioskOn(platform.url), `devices.a4Printer=${JSON.stringify({ transport: 'ipp', url: printer.uri })}`]);
});

test.afterAll(async () => {
  await kiosk?.stop();
  await platform?.dispose();
  await printer?.stop();
});

async function atTheCertificateGuide(page: Page): Promise<void> {
  await page.goto(kiosk.url);
  await callApi(page, 'demo.removeCard', {});
  await callApi(page, 'session.end', { reason: 'done' });
  await page.getByTestId('demo-panel').getByRole('button', { name: /演示面板|Demo panel/ }).click();
  await page.locator('[data-card="resident"]').click();
  await expect(page.getByTestId('welcome')).toBeVisible({ timeout: 10_000 });
  await page.locator('[data-service="si-contribution-certificate"]').click();
}

test('printer out of paper (media-empty) is shown before a certificate is started', async ({ page }) => {
  await printer.setTrayEmpty(true);
  try {
    await atTheCertificateGuide(page);
    const notReady = page.getByTestId('printer-not-ready');
    await expect(notReady).toContainText('本机打印机现在不能打印');
    await expect(notReady).toContainText('打印机缺纸');
    await expect(page.getByRole('button', { name: '开始办理' })).toHaveCount(0);
    for (const next of ['呼叫工作人员', '返回']) await expect(notReady.getByRole('button', { name: next })).toBeVisible();
    await expectAccessible(page, 'printer out of paper');
    await screenshot(page, 'printer-out-of-paper');
    await page.getByRole('button', { name: '长辈版' }).click();
    await expectElderFriendly(page, 'printer out of paper');
    await screenshot(page, 'printer-out-of-paper-large');
  } finally {
    await printer.setTrayEmpty(false);
  }
});

test('a failed certificate print shows its error and 重新打印, which prints the kept job', async ({ page }) => {
  await atTheCertificateGuide(page);
  await page.getByRole('button', { name: '开始办理' }).click();
  await page.getByRole('button', { name: '最近 6 个月' }).click();
  await expect(page.getByTestId('certificate-preview')).toBeVisible({ timeout: 20_000 });
  const before = printer.received().length;
  printer.failNextJob();
  await page.getByRole('button', { name: '打印证明' }).click();
  const error = page.getByTestId('certificate-print-error');
  await expect(error).toContainText('打印没有完成', { timeout: 60_000 });
  await expect(error).toContainText('您的材料已保存');
  await expect(error.getByRole('button', { name: '重新打印' })).toBeVisible();
  await expect(error.getByRole('button', { name: '呼叫工作人员' })).toBeVisible();
  await expect(page.getByText('正在打印证明')).toHaveCount(0);
  await expectAccessible(page, 'certificate print failed');
  await screenshot(page, 'certificate-print-failed');
  await page.getByRole('button', { name: '长辈版' }).click();
  await expectElderFriendly(page, 'certificate print failed');
  await screenshot(page, 'certificate-print-failed-large');

  await error.getByRole('button', { name: '重新打印' }).click();
  await expect(page.getByTestId('certificate-print-status')).toHaveText(/打印完成/, { timeout: 60_000 });
  expect(printer.received().length).toBe(before + 1);
  // The retry id is the session's: after the session it prints nothing.
  await expect(callApi(page, 'print.retry', { retryId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/not-allowed/);
});
