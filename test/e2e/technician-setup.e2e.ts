import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openAttract, terminalForFile } from './support/terminal-per-file';
import { callApi } from './support/kiosk';
import { screenshot } from './support/screens';

const terminal = terminalForFile();

async function openPinPad(page: Page) {
  await openAttract(page, terminal());
  for (let i = 0; i < 5; i++) await page.getByTestId('app-name').click();
  await expect(page.getByRole('heading', { name: '技术人员设置' })).toBeVisible();
}

async function typePin(page: Page, pin: string) {
  for (const digit of pin) await page.locator('.pin-key', { hasText: new RegExp(`^${digit}$`) }).click();
  await page.getByRole('button', { name: '进入设置' }).click();
}

test('the setup screen is behind the technician PIN, and saves a configuration that passes the schema', async ({ page }) => {
  await openPinPad(page);
  await typePin(page, '111111');
  await expect(page.getByRole('alert')).toHaveText('密码不正确');
  await expect(page.getByRole('heading', { name: '设备设置' })).toHaveCount(0);

  await typePin(page, '246810');
  await expect(page.getByRole('heading', { name: '设备设置' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '身份证阅读器' })).toBeVisible();
  await screenshot(page, 'setup');

  const idcard = page.locator('section', { has: page.getByRole('heading', { name: '身份证阅读器' }) });
  await idcard.getByLabel('连接方式').selectOption('serial');
  await idcard.getByLabel('端口').fill('/dev/ttyUSB7');
  await idcard.getByLabel('波特率').selectOption('57600');
  await page.getByRole('button', { name: '保存配置' }).click();
  await expect(page.getByRole('status')).toContainText('已保存到');
  const file = (await page.locator('code').first().textContent()) ?? '';
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { devices: { idcard: unknown } };
  expect(saved.devices.idcard).toEqual({ transport: 'serial', path: '/dev/ttyUSB7', baudRate: 57600 });
  const validate = spawnSync(process.execPath, ['bin/tongban.js', 'config', 'validate', file], { encoding: 'utf8' });
  expect(validate.status, validate.stderr).toBe(0);
  expect(path.basename(file)).toBe('terminal.json');

  await page.getByRole('button', { name: '锁定并退出' }).click();
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
});

test('a USB HID reader is marked experimental, and saves with its model', async ({ page }) => {
  await openPinPad(page);
  await typePin(page, '246810');
  const idcard = page.locator('section', { has: page.getByRole('heading', { name: '身份证阅读器' }) });
  await expect(idcard.getByTestId('hid-experimental')).toHaveCount(0);
  await idcard.getByLabel('连接方式').selectOption('hid');
  await expect(idcard.getByTestId('hid-experimental')).toContainText('试验功能');
  await expect(idcard.getByTestId('hid-experimental')).toContainText('tongban-v1');
  await page.getByRole('button', { name: '保存配置' }).click();
  await expect(page.getByRole('status')).toContainText('已保存到');
  const file = (await page.locator('code').first().textContent()) ?? '';
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { devices: { idcard: { transport: string; model?: string } } };
  expect(saved.devices.idcard).toMatchObject({ transport: 'hid', model: 'tongban-v1' });
  await page.getByRole('button', { name: '锁定并退出' }).click();
});

test('the live test reads a card on the running reader and shows its steps with the ID masked', async ({ page }) => {
  await openPinPad(page);
  await typePin(page, '246810');
  const idcard = page.getByTestId('device-test-idcard');
  await idcard.getByRole('button', { name: '测试' }).click();
  await expect(idcard.getByRole('button', { name: '测试中…' })).toBeVisible();
  await callApi(page, 'demo.placeCard', { cardId: 'resident' });
  await expect(idcard).toContainText('通过', { timeout: 20_000 });
  const report = (await idcard.textContent()) ?? '';
  expect(report).toMatch(/110101\*{8}\d{3}[\dX]/);
  expect(report).not.toMatch(/110101\d{11}[\dX]/);
  expect(report).toMatch(/\d+ ?ms/);
  await screenshot(page, 'setup-device-test');
  await callApi(page, 'demo.removeCard', {});
  await page.getByRole('button', { name: '锁定并退出' }).click();
});

test('setup calls are refused while locked', async ({ page }) => {
  await page.goto(terminal().url);
  const outcome = await page.evaluate(async () => {
    const secret = new URLSearchParams(location.hash.slice(1)).get('secret');
    const ws = new WebSocket(`ws://${location.host}/api`, ['tongban.v1', `secret.${secret}`]);
    await new Promise((resolve) => (ws.onopen = resolve));
    const reply = new Promise<string>((resolve) => (ws.onmessage = (m) => resolve(String(m.data))));
    ws.send(JSON.stringify({ id: 99, method: 'setup.saveDevices', args: { devices: { qr: [] } } }));
    return JSON.parse(await reply) as { ok: boolean; error?: { code: string } };
  });
  expect(outcome).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
});
