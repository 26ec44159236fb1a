import { expect, test, type Page } from '@playwright/test';
import { openAttract, terminalForFile } from './support/terminal-per-file';
import { expectAccessible } from './support/accessibility';
import { screenshot, visibleTexts } from './support/screens';

const terminal = terminalForFile();

async function open(page: Page) {
  await openAttract(page, terminal());
}

/** Every button a finger can reach is at least `min` CSS pixels each way. */
async function smallestTarget(page: Page): Promise<{ width: number; height: number; label: string }> {
  return page.evaluate(() => {
    let smallest = { width: Infinity, height: Infinity, label: '' };
    for (const el of document.querySelectorAll<HTMLElement>('button, [role="button"], a[href]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (Math.min(r.width, r.height) < Math.min(smallest.width, smallest.height)) {
        smallest = { width: r.width, height: r.height, label: el.textContent ?? '' };
      }
    }
    return smallest;
  });
}

test('attract screen, menu and guide, with screenshots and accessible, large enough targets', async ({ page }) => {
  await open(page);
  await screenshot(page, 'attract');
  await expectAccessible(page);
  expect(await smallestTarget(page)).toMatchObject({ width: expect.any(Number) });
  const attractTarget = await smallestTarget(page);
  expect(Math.min(attractTarget.width, attractTarget.height), attractTarget.label).toBeGreaterThanOrEqual(48);

  await page.getByRole('button', { name: '点击开始办理' }).click();
  await expect(page.getByRole('heading', { name: '请选择要办理的事项' })).toBeVisible();
  const tiles = page.locator('.service-tile');
  expect(await tiles.count()).toBeGreaterThanOrEqual(6);
  await screenshot(page, 'menu');
  await expectAccessible(page);
  const menuTarget = await smallestTarget(page);
  expect(Math.min(menuTarget.width, menuTarget.height), menuTarget.label).toBeGreaterThanOrEqual(48);

  await tiles.first().click();
  await expect(page.getByText('办事指南')).toBeVisible();
  await expect(page.getByRole('heading', { name: '所需材料' })).toBeVisible();
  await screenshot(page, 'guide');
  await expectAccessible(page);
});

test('large-type mode meets the elder-mode numbers', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: '长辈版' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-large-type', 'true');
  await screenshot(page, 'attract-large-type');
  const sizes = await page.evaluate(() => {
    const px = (sel: string) => parseFloat(getComputedStyle(document.querySelector(sel) as Element).fontSize);
    const main = (document.querySelector('.main-action') as HTMLElement).getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize);
    return { body: px('body'), title: px('h1'), mainW: main.width, mainH: main.height, lineHeight };
  });
  // 18 pt = 24 px and 30 pt = 40 px at 96 dpi.
  expect(sizes.body).toBeGreaterThanOrEqual(24);
  expect(sizes.title).toBeGreaterThanOrEqual(40);
  expect(Math.min(sizes.mainW, sizes.mainH)).toBeGreaterThanOrEqual(60);
  expect(sizes.lineHeight).toBeGreaterThanOrEqual(1.3);

  await page.getByRole('button', { name: '点击开始办理' }).click();
  await expect(page.getByRole('heading', { name: '请选择要办理的事项' })).toBeVisible();
  await screenshot(page, 'menu-large-type');
  await expectAccessible(page);
  const target = await smallestTarget(page);
  expect(Math.min(target.width, target.height), target.label).toBeGreaterThanOrEqual(60);
});

test('the language switch changes every visible string', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: '点击开始办理' }).click();
  await expect(page.getByRole('heading', { name: '请选择要办理的事项' })).toBeVisible();
  const chinese = await visibleTexts(page);

  await page.getByTestId('switch-language').click();
  await expect(page.getByRole('heading', { name: 'Choose a service' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(page, 'menu-english');
  const english = await visibleTexts(page);
  // Anything still in Chinese must be marked as Chinese (the centre's name, the switch back).
  const unmarked = english.filter((t) => /\p{Script=Han}/u.test(t.text) && t.lang !== 'zh-CN');
  expect(unmarked).toEqual([]);
  const unchanged = english.filter((t) => t.lang !== 'zh-CN' && chinese.some((c) => c.text === t.text) && /\p{L}/u.test(t.text));
  expect(unchanged).toEqual([]);

  await page.getByTestId('switch-language').click();
  await expect(page.getByRole('heading', { name: '请选择要办理的事项' })).toBeVisible();
});

test('no text selection, context menu or pinch zoom', async ({ page }) => {
  await open(page);
  const settings = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    const notCancelled = document.body.dispatchEvent(event);
    return {
      userSelect: style.userSelect,
      touchAction: style.touchAction,
      overscroll: getComputedStyle(document.documentElement).overscrollBehaviorY,
      contextMenuAllowed: notCancelled,
      viewport: document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '',
    };
  });
  expect(settings.userSelect).toBe('none');
  expect(settings.touchAction).toBe('manipulation');
  expect(settings.overscroll).toBe('none');
  expect(settings.contextMenuAllowed).toBe(false);
  expect(settings.viewport).toContain('user-scalable=no');
});

test('services are found by pinyin initials typed on the on-screen keyboard', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: '点击开始办理' }).click();
  await page.locator('#service-search').click();
  for (const key of 'sbjf') await page.locator(`[data-testid=keyboard] [data-skbtn="${key}"]`).click();
  await expect(page.locator('.service-tile').first()).toHaveAttribute('data-service', 'si-contribution-certificate');
  await expect(page.locator('.service-tile')).toHaveCount(1);
  await screenshot(page, 'menu-search');
  await page.getByRole('button', { name: '清除搜索' }).click();
  await expect.poll(() => page.locator('.service-tile').count()).toBeGreaterThan(1);
});
