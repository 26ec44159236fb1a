import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

export const SCREENSHOT_DIR = path.resolve('test/output/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/**
 * One element whole, however tall. The desk scrolls inside its panels, where a capture past the
 * viewport's edge comes out blank, so the window is made tall enough for the element for the
 * shot (the desk's OCR view: the page image with its boxes above the field table), then restored.
 */
export async function screenshotOf(element: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const page = element.page();
  const viewport = page.viewportSize();
  const box = await element.boundingBox();
  if (viewport && box && box.height + 40 > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.height) + 80 });
  try {
    await element.scrollIntoViewIfNeeded();
    await element.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

/** Text of every visible text node with the `lang` in force where it stands. */
export function visibleTexts(page: Page): Promise<Array<{ text: string; lang: string }>> {
  return page.evaluate(() => {
    const out: Array<{ text: string; lang: string }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || style.display === 'none' || parent.getClientRects().length === 0) continue;
      const langHolder = parent.closest('[lang]');
      out.push({ text, lang: langHolder?.getAttribute('lang') ?? document.documentElement.lang });
    }
    return out;
  });
}
