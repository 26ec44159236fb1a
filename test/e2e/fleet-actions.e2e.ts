import { generateKeyPairSync } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { screenshot } from './support/screens';
import { adminToken, openFleetPage, platformCall, waitFor } from './support/fleet';
import { kioskOn, startPlatformProcess, type RunningPlatform } from './support/platform-process';
import { startTerminal, type RunningTerminal } from './support/terminal-process';
import { openAttract } from './support/terminal-per-file';

let platform: RunningPlatform;
let kiosk: RunningTerminal;
let impostorPinned: RunningTerminal;
let impostorId: string;
let token: string;

interface Report {
  version: number;
  outcome: string;
  reason?: string;
}

test.describe.configure({ mode: 'serial' });

/** The fleet page, on the detail of the kiosk under test. */
async function openKioskDetail(page: Page): Promise<void> {
  await openFleetPage(page, platform.url);
  await page.locator('tr[data-terminal="demo-kiosk-1"]').getByRole('button', { name: /查看/ }).click();
}

/** The elder-mode numbers (docs/architecture.md), measured on the screen as it stands, in both orientations. */
async function expectElderMode(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: '长辈版' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-large-type', 'true');
  for (const viewport of [{ width: 1280, height: 1024 }, { width: 1080, height: 1920 }]) {
    await page.setViewportSize(viewport);
    await screenshot(page, `${name}-large-type-${viewport.width}x${viewport.height}`);
    const sizes = await page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      const main = document.querySelector('main')!;
      const lead = main.querySelector('.lead')!;
      const action = main.querySelector('.main-action')?.getBoundingClientRect();
      return { title: px(main.querySelector('h1')!), lead: px(lead), lineHeight: parseFloat(getComputedStyle(lead).lineHeight) / px(lead), action: action ? Math.min(action.width, action.height) : null };
    });
    // 18 pt = 24 px and 30 pt = 40 px at 96 dpi.
    expect(sizes.lead).toBeGreaterThanOrEqual(24);
    expect(sizes.title).toBeGreaterThanOrEqual(40);
    expect(sizes.lineHeight).toBeGreaterThanOrEqual(1.3);
    if (sizes.action !== null) expect(sizes.action).toBeGreaterThanOrEqual(60);
    await expectAccessible(page, `${name} large type ${viewport.width}x${viewport.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 1024 });
  await page.getByRole('button', { name: '标准版' }).click();
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  platform = await startPlatformProcess();
  token = await adminToken(platform.url);
  const key = (await (await fetch(`${platform.url}/v1/fleet/key`)).json()) as { publicKey: string };
  kiosk = await startTerminal([...kioskOn(platform.url), `fleet.platformKey=${key.publicKey}`, 'fleet.heartbeatSeconds=1']);
  // A second kiosk whose pinned key is not the platform's: everything the platform signs fails for it.
  const issued = await platformCall<{ credential: string }>(platform.url, token, 'POST', '/v1/admin/terminals', { terminalId: 'kiosk-2', kind: 'kiosk', name: '二楼自助终端' });
  const [, id, secret] = /^tbt_([^.]+)\.(.+)$/.exec(issued.credential)!;
  // The platform prefixes a registered terminal's id with its centre's.
  impostorId = id!;
  const otherKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  impostorPinned = await startTerminal([
    `platform.url=${platform.url}`,
    `platform.credential=${JSON.stringify({ terminalId: id, secret })}`,
    `terminal.id=${id}`,
    `fleet.platformKey=${otherKey}`,
    'fleet.heartbeatSeconds=1',
  ]);
});

test.afterAll(async () => {
  await kiosk?.stop();
  await impostorPinned?.stop();
  await platform?.dispose();
});

test('out of service from the fleet page: the kiosk shows 暂停服务 and where to go within 5 s; back in service shows the attract screen', async ({ page, context }) => {
  const screen = await context.newPage();
  await openAttract(screen, kiosk);

  await openKioskDetail(page);
  await page.getByLabel('暂停期间请市民前往').fill('请到二楼 3 号综合窗口办理');
  await page.getByRole('button', { name: '暂停服务', exact: true }).click();
  await expect(screen.getByRole('heading', { name: '暂停服务' })).toBeVisible({ timeout: 5000 });
  await expect(screen.getByText('请到二楼 3 号综合窗口办理')).toBeVisible();
  await expectAccessible(screen, 'out of service');
  await expectElderMode(screen, 'out-of-service');
  await expect(page.locator('tr[data-action="out-of-service"][data-state="done"]')).toBeVisible({ timeout: 10_000 });

  // A reload (or a restart) keeps it out of service until staff say otherwise.
  await screen.reload();
  await expect(screen.getByRole('heading', { name: '暂停服务' })).toBeVisible();

  await page.getByRole('button', { name: '恢复服务' }).click();
  await expect(screen.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible({ timeout: 5000 });
  await expect(page.locator('tr[data-action="back-in-service"][data-state="done"]')).toBeVisible({ timeout: 10_000 });
});

test('a screenshot comes back when no citizen is at the kiosk, and with every personal area blanked while a session is on', async ({ page, context }) => {
  const screen = await context.newPage();
  await openAttract(screen, kiosk);
  await openKioskDetail(page);
  await page.getByRole('button', { name: '截屏' }).click();
  await expect(page.locator('tr[data-action="screenshot"][data-state="done"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('img.screenshot')).toBeVisible({ timeout: 10_000 });
  expect(await page.locator('img.screenshot').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);

  await screen.getByRole('button', { name: '点击开始办理' }).click();
  await expect(screen.getByRole('heading', { name: '请选择要办理的事项' })).toBeVisible();
  const heading = await screen.getByRole('heading', { name: '请选择要办理的事项' }).boundingBox();
  const firstShot = await page.locator('img.screenshot').getAttribute('src');
  await page.getByRole('button', { name: '截屏' }).click();
  await expect(page.locator('tr[data-action="screenshot"][data-state="done"]', { hasText: 'personal areas blanked' })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('img.screenshot')).not.toHaveAttribute('src', firstShot ?? '', { timeout: 10_000 });
  // The picture is half size: the heading's text, outside any button, is painted over in grey.
  const pixel = await page.locator('img.screenshot').evaluate(async (img: HTMLImageElement, at: { x: number; y: number }) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    return Array.from(context.getImageData(Math.round(at.x / 2), Math.round(at.y / 2), 1, 1).data.slice(0, 3));
  }, { x: heading!.x + Math.min(heading!.width / 2, 40), y: heading!.y + heading!.height / 2 });
  for (const channel of pixel) expect(Math.abs(channel - 0x8a)).toBeLessThan(8);
});

test('outside the opening hours the kiosk shows 非服务时间 and still looks up cases; inside them, the attract screen', async ({ page }) => {
  // Opening hours end at 23:59 at the latest (a span's end is exclusive): in Beijing's last
  // minute of the day even "all day" is closed, so the test waits for the new day.
  const beijing = new Date(Date.now() + 8 * 3_600_000);
  if (beijing.getUTCHours() === 23 && beijing.getUTCMinutes() >= 58) {
    const untilMidnight = (60 - beijing.getUTCMinutes()) * 60_000 - beijing.getUTCSeconds() * 1000 + 1000;
    test.setTimeout(untilMidnight + 120_000);
    await new Promise((r) => setTimeout(r, untilMidnight));
  }
  await page.goto(kiosk.url);
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
  const week = Array.from({ length: 7 }, () => []);
  await platformCall(platform.url, token, 'PUT', '/v1/fleet/settings', { technicianPhone: null, webhookUrl: null, webhookSecret: null, openingHours: { timeZone: 'Asia/Shanghai', week, maintenanceAt: '03:00' } });
  await expect(page.getByRole('heading', { name: '非服务时间' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('今天的服务已结束，请在开放时间再来')).toBeVisible();
  await expectAccessible(page, 'outside opening hours');
  await expectElderMode(page, 'outside-hours');
  await page.getByTestId('switch-language').click();
  await expect(page.getByRole('heading', { name: 'Outside opening hours' })).toBeVisible();
  await expect(page.getByText('You can still check a case.')).toBeVisible();
  await page.getByTestId('switch-language').click();
  await page.getByRole('button', { name: '查询办件进度' }).click();
  await expect(page.getByTestId('outside-hours')).toHaveCount(0);
  await page.getByRole('button', { name: /返回首页/ }).click();
  await expect(page.getByRole('heading', { name: '非服务时间' })).toBeVisible();
  await page.getByRole('button', { name: '结束办理' }).click();
  await expect(page.getByRole('heading', { name: '非服务时间' })).toBeVisible();

  const allDay = Array.from({ length: 7 }, () => [{ from: '00:00', to: '23:59' }]);
  await platformCall(platform.url, token, 'PUT', '/v1/fleet/settings', { technicianPhone: null, webhookUrl: null, webhookSecret: null, openingHours: { timeZone: 'Asia/Shanghai', week: allDay, maintenanceAt: '03:00' } });
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible({ timeout: 10_000 });
  await platformCall(platform.url, token, 'PUT', '/v1/fleet/settings', { technicianPhone: null, webhookUrl: null, webhookSecret: null, openingHours: null });
});

test('configuration from the platform: a bad schema and a missing port are refused and rolled back, and the reason reaches the platform', async ({ page }) => {
  const reports = async (terminalId: string) =>
    (await platformCall<{ configReports: Report[] }>(platform.url, token, 'GET', `/v1/fleet/terminals/${terminalId}`)).configReports;

  const bad = await platformCall<{ id: number }>(platform.url, token, 'PUT', '/v1/fleet/config/terminals/demo-kiosk-1', { config: { session: { idleSeconds: 2 } } });
  const refused = await waitFor(async () => (await reports('demo-kiosk-1')).find((r) => r.version === bad.id), 'the schema refusal');
  expect(refused).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('schema: session.idleSeconds = 2') });

  const missing = await platformCall<{ id: number }>(platform.url, token, 'PUT', '/v1/fleet/config/terminals/demo-kiosk-1', {
    config: { devices: { receiptPrinter: { transport: 'serial', path: '/dev/ttyTONGBAN-NONE' } } },
  });
  const rolledBack = await waitFor(async () => (await reports('demo-kiosk-1')).find((r) => r.version === missing.id), 'the rollback');
  expect(rolledBack).toMatchObject({ outcome: 'rolled-back', reason: expect.stringContaining('receiptPrinter: serial port /dev/ttyTONGBAN-NONE does not exist') });

  // Neither was half-applied: the kiosk runs on, and its heartbeat still names no platform configuration.
  const detail = await platformCall<{ heartbeat: { configVersion: number | null } }>(platform.url, token, 'GET', '/v1/fleet/terminals/demo-kiosk-1');
  expect(detail.heartbeat.configVersion).toBeNull();
  expect(kiosk.output()).not.toContain('restarting the terminal');

  // The fleet page shows the same, in words.
  await openKioskDetail(page);
  await expect(page.locator('tr[data-config="rolled-back"]')).toContainText('已回退');
  await expect(page.locator('tr[data-config="refused"]')).toContainText('已拒绝');
  await expectAccessible(page, 'fleet detail with configuration reports');

  const role = await platformCall<{ id: number }>(platform.url, token, 'PUT', '/v1/fleet/config/roles/kiosk', { config: { ui: { largeTypeDefault: true } } });
  const forged = await waitFor(async () => (await reports(impostorId)).find((r) => r.version === role.id), 'the signature refusal');
  expect(forged).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('signature: does not verify with the pinned platform key') });
});

test('reload the UI, then restart the terminal process: the page loads again, the terminal exits for its supervisor to start it', async ({ page, context }) => {
  const screen = await context.newPage();
  await openAttract(screen, kiosk);
  await screen.evaluate(() => ((window as unknown as { before: boolean }).before = true));
  await openKioskDetail(page);
  const reloaded = screen.waitForEvent('load', { timeout: 10_000 });
  await page.getByRole('button', { name: '重新加载界面' }).click();
  await reloaded;
  expect(await screen.evaluate(() => (window as unknown as { before?: boolean }).before ?? false)).toBe(false);
  await expect(screen.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();

  await page.getByRole('button', { name: '重启终端程序' }).click();
  await expect.poll(() => kiosk.exitCode(), { timeout: 15_000 }).toBe(75);
  await expect(page.locator('tr[data-action="restart"][data-state="done"]')).toBeVisible({ timeout: 10_000 });
});
