import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTerminal, type RunningTerminal } from './support/terminal-process';
import { openAttract } from './support/terminal-per-file';

/**
 * The technician's setup screen follows the terminal's `device.state` events: the ID-card
 * reader on a real pty (socat, `tongban sim idcard`) shows 就绪; pulling its cable shows 未连接
 * with the port, without reloading the screen; plugging it back shows 就绪 again.
 */
test('the setup screen shows the ID-card reader unplugged and back as it happens', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-e2e-state-'));
  const link = path.join(dir, 'idcard-reader');
  const sim = spawn(process.execPath, ['bin/tongban.js', 'sim', 'idcard', '--link', link, '--no-pace']);
  const lines = createInterface({ input: sim.stdout })[Symbol.asyncIterator]();
  let terminal: RunningTerminal | undefined;
  try {
    const announced = JSON.parse((await lines.next()).value as string) as { device: string };
    expect(announced.device).toBe(link);
    const command = async (verb: string) => {
      sim.stdin.write(`${verb}\n`);
      await lines.next();
    };
    terminal = await startTerminal([`devices.idcard={"transport":"serial","path":"${link}","baudRate":115200}`]);

    await openAttract(page, terminal);
    for (let i = 0; i < 5; i++) await page.getByTestId('app-name').click();
    for (const digit of '246810') await page.locator('.pin-key', { hasText: new RegExp(`^${digit}$`) }).click();
    await page.getByRole('button', { name: '进入设置' }).click();
    await expect(page.getByRole('heading', { name: '设备设置' })).toBeVisible();

    const state = page.getByTestId('device-state-idcard');
    await expect(state).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    await expect(state).toHaveText('当前状态: 就绪');

    await command('unplug');
    await expect(state).toHaveAttribute('data-state', 'disconnected', { timeout: 20_000 });
    await expect(state).toContainText('当前状态: 未连接');
    await expect(state).toContainText(link);

    await command('replug');
    await expect(state).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await expect(page.getByRole('heading', { name: '设备设置' })).toBeVisible();
  } finally {
    await terminal?.stop();
    sim.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
