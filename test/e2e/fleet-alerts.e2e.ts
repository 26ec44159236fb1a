import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startIppEvePrinter, type IppEvePrinter } from '../integration/printing/support/ippeveprinter';
import { startReceiver } from '../integration/fleet/support/receivers';
import { expectAccessible } from './support/accessibility';
import { adminToken, openFleetPage, platformCall, waitFor } from './support/fleet';
import { kioskOn, startPlatformProcess, type RunningPlatform } from './support/platform-process';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

const SECRET = 'the-centre-webhook-secret-2026';

let printer: IppEvePrinter;
let platform: RunningPlatform;
let kiosk: RunningTerminal | undefined;
let sms: Awaited<ReturnType<typeof startReceiver>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  printer = await startIppEvePrinter('Tongban Fleet A4');
  sms = await startReceiver();
  hook = await startReceiver(1);
  // Real defaults are 30 s heartbeats and 2 min of silence; the test shortens both.
  platform = await startPlatformProcess(['--sms-gateway', sms.url, '--fleet-silence', '4']);
  const token = await adminToken(platform.url);
  await platformCall(platform.url, token, 'PUT', '/v1/fleet/settings', { technicianPhone: '13912345678', webhookUrl: hook.url, webhookSecret: SECRET, openingHours: null });
  kiosk = await startTerminal([...kioskOn(platform.url), `devices.a4Printer=${JSON.stringify({ transport: 'ipp', url: printer.uri })}`, 'fleet.heartbeatSeconds=1']);
});

test.afterAll(async () => {
  await kiosk?.stop();
  await platform?.dispose();
  await printer?.stop();
  await sms?.close();
  await hook?.close();
});

test('the printer runs out of paper: the fleet page shows the alert, the technician gets an SMS, the webhook a signed call; paper back clears it', async ({ page }) => {
  test.setTimeout(120_000);
  await openFleetPage(page, platform.url);
  const row = page.locator('tr[data-terminal="demo-kiosk-1"]');
  await expect(row.getByText('正常')).toBeVisible({ timeout: 15_000 });
  await expectAccessible(page, 'fleet list');

  await printer.setTrayEmpty(true);
  await expect(row.locator('[data-alert="paper-out"]')).toBeVisible({ timeout: 60_000 });
  await expect(row.getByText('告警', { exact: true })).toBeVisible();
  await expect(row.locator('[data-device="a4Printer"]')).toContainText('缺纸');

  const text = await waitFor(() => sms.received.map((r) => (JSON.parse(r.body) as { to: string; text: string })).find((m) => m.text.includes('缺纸')), 'the SMS');
  expect(text.to).toBe('13912345678');
  expect(text.text).toMatch(/^【通办】终端 .*demo-kiosk-1.*缺纸（a4Printer），请到场处理。$/);
  const call = await waitFor(() => hook.received.find((r) => r.body.includes('"alert.raised"') && r.body.includes('paper-out')), 'the webhook');
  expect(hook.calls()).toBeGreaterThanOrEqual(2); // the first call was answered 503 and retried
  const stamp = String(call.headers['x-tongban-timestamp']);
  expect(call.headers['x-tongban-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(`${stamp}.${call.body}`).digest('hex')}`);

  await page.getByRole('button', { name: /查看/ }).first().click();
  await expect(page.getByRole('heading', { name: /终端详情/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: '心跳记录' })).toBeVisible();
  await expectAccessible(page, 'fleet detail');
  await page.getByRole('button', { name: '返回列表' }).click();

  await printer.setTrayEmpty(false);
  await expect(row.locator('[data-alert="paper-out"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(row.getByText('正常')).toBeVisible();
  await waitFor(() => sms.received.find((r) => r.body.includes('已恢复')), 'the all-clear SMS');
});

test('a terminal killed: the fleet page shows it has gone silent', async ({ page }) => {
  test.setTimeout(60_000);
  await kiosk?.stop();
  kiosk = undefined;
  await openFleetPage(page, platform.url);
  const row = page.locator('tr[data-terminal="demo-kiosk-1"]');
  await expect(row.locator('[data-alert="no-heartbeat"]')).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText('失联')).toBeVisible();
  await waitFor(() => sms.received.find((r) => r.body.includes('终端失联')), 'the no-heartbeat SMS');
});
