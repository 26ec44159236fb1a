import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOT_DIR = path.resolve('test/output/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
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
