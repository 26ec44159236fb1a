import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { SCREENSHOT_DIR } from './support/screens';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

/**
 * No browser around the kiosk: `tongban start` opens Debian Chromium on an Xvfb screen with no
 * window manager, its browser language English (the case where Chromium offers to translate a
 * Chinese page), and the whole X screen is photographed (`import -window root`): the kiosk
 * window covers all of it and nothing of the browser shows — no translate bubble, no infobar.
 */
const WIDTH = 1280;
const HEIGHT = 1024;

function freeDisplay(): number {
  for (let n = 90 + (process.pid % 50); n < 200; n += 1) if (!existsSync(`/tmp/.X${n}-lock`) && !existsSync(`/tmp/.X11-unix/X${n}`)) return n;
  throw new Error('no free X display number');
}

/** The picture averaged over 8 × 8 blocks: text anti-aliasing evens out, a panel of browser UI does not. */
async function blocks(file: string): Promise<Buffer> {
  return sharp(file).removeAlpha().resize(WIDTH / 8, HEIGHT / 8, { kernel: 'mitchell' }).raw().toBuffer();
}

test('the whole Xvfb screen after `tongban start` shows only the kiosk', async ({ page }) => {
  test.setTimeout(90_000);
  const display = `:${freeDisplay()}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-screen-'));
  let xvfb: ChildProcess | undefined;
  let kiosk: RunningTerminal | undefined;
  try {
    xvfb = spawn('Xvfb', [display, '-screen', '0', `${WIDTH}x${HEIGHT}x24`, '-nolisten', 'tcp'], { stdio: 'ignore' });
    const env = { DISPLAY: display, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US:en', LC_ALL: 'en_US.UTF-8' };
    await expect.poll(() => { try { execFileSync('xwininfo', ['-root'], { env: { ...process.env, ...env }, stdio: 'ignore' }); return true; } catch { return false; } }, { timeout: 10_000 }).toBe(true);
    kiosk = await startTerminal([], { browser: 'kiosk', env });
    const xenv = { ...process.env, ...env };

    // The kiosk's window, with the screen's size at its origin (Chromium's own window list).
    await expect
      .poll(() => /"Chromium"\)\s+(\d+)x(\d+)\+0\+0/.exec(execFileSync('xwininfo', ['-root', '-tree'], { env: xenv, encoding: 'utf8' }))?.slice(1).map(Number) ?? [], { timeout: 30_000 })
      .toEqual([WIDTH + 1, HEIGHT + 1]);

    // The same page in the test's own browser at the same size, for comparison.
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.goto(kiosk.url);
    await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
    const expected = path.join(dir, 'expected.png');
    await page.screenshot({ path: expected });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'xvfb-expected-page.png') });

    const shot = path.join(SCREENSHOT_DIR, 'xvfb-whole-screen-after-start.png');
    /** The 8 × 8 blocks where the screen is not the page: a translate bubble or infobar covers dozens. */
    const differing = async (): Promise<Array<{ x: number; y: number }>> => {
      execFileSync('import', ['-window', 'root', shot], { env: xenv });
      const [a, b] = await Promise.all([blocks(shot), blocks(expected)]);
      const off: Array<{ x: number; y: number }> = [];
      for (let i = 0; i < a.length; i += 3) {
        const diff = Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
        if (diff > 90) off.push({ x: ((i / 3) % (WIDTH / 8)) * 8, y: Math.floor(i / 3 / (WIDTH / 8)) * 8 });
      }
      return off;
    };
    // Wait until the kiosk has painted its page, then give a translate offer the time it takes to show.
    await expect.poll(async () => (await differing()).length, { timeout: 30_000 }).toBeLessThan(3);
    await page.waitForTimeout(4000);
    expect(await differing()).toEqual([]);
    const [width, height] = await sharp(shot).metadata().then((m) => [m.width, m.height]);
    expect([width, height]).toEqual([WIDTH, HEIGHT]);
    const corners = await sharp(shot).extract({ left: WIDTH - 2, top: HEIGHT - 2, width: 2, height: 2 }).removeAlpha().raw().toBuffer();
    expect([...corners].some((v) => v > 16)).toBe(true);
  } finally {
    await kiosk?.stop();
    xvfb?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
