import { expect, type Page } from '@playwright/test';

/** MIIT 2021 ageing-friendly figures, in CSS pixels (1 pt = 4/3 px). */
export const ELDER = { bodyPx: 24, largestPx: 40, targetPx: 60, lineHeight: 1.3, contrast: 4.5 };

/**
 * The 适老化 check, measured in the browser on the screen as it stands in elder mode: every
 * visible text ≥ 18 pt, the largest ≥ 30 pt, every target ≥ 60 × 60 px, line height ≥ 1.3,
 * text contrast ≥ 4.5:1 against the background it stands on, and no pop-up (dialog or overlay).
 */
export async function elderProblems(page: Page): Promise<string[]> {
  return page.evaluate((limits) => {
    const problems: string[] = [];
    const rgba = (value: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(value);
      if (!m) return [0, 0, 0, 0];
      const parts = (m[1] as string).split(/[ ,/]+/).filter(Boolean).map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
    };
    const background = (element: Element | null): number[] => {
      for (let e = element; e; e = e.parentElement) {
        const bg = rgba(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0.5) return bg;
      }
      return [255, 255, 255, 1];
    };
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 20)}"`;
    const shown = (e: Element) => {
      const style = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 1 && box.height > 1 && !e.closest('.visually-hidden, [aria-hidden="true"]');
    };
    let largest = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !shown(parent)) continue;
      const style = getComputedStyle(parent);
      const size = Number.parseFloat(style.fontSize);
      largest = Math.max(largest, size);
      if (size < limits.bodyPx - 0.01) problems.push(`text ${size}px < ${limits.bodyPx}px: ${name(parent)}`);
      const line = style.lineHeight === 'normal' ? size * 1.2 : Number.parseFloat(style.lineHeight);
      if (line / size < limits.lineHeight - 0.001) problems.push(`line height ${(line / size).toFixed(2)} < ${limits.lineHeight}: ${name(parent)}`);
      // WCAG exempts inactive controls from the contrast figure.
      if (parent.closest('button:disabled, [aria-disabled="true"]')) continue;
      const fg = rgba(style.color);
      const bg = background(parent);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < limits.contrast) problems.push(`contrast ${ratio.toFixed(2)} < ${limits.contrast}: ${name(parent)}`);
    }
    if (largest < limits.largestPx) problems.push(`largest text ${largest}px < ${limits.largestPx}px`);
    for (const target of document.querySelectorAll('button, a[href], input, select, textarea, [role=radio], [role=checkbox], [role=tab]')) {
      if (!shown(target)) continue;
      const box = target.getBoundingClientRect();
      if (box.width < limits.targetPx - 0.5 || box.height < limits.targetPx - 0.5) problems.push(`target ${Math.round(box.width)}×${Math.round(box.height)} < ${limits.targetPx}: ${name(target)}`);
    }
    for (const popup of document.querySelectorAll('dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true]')) if (shown(popup)) problems.push(`pop-up: ${name(popup)}`);
    return [...new Set(problems)];
  }, ELDER);
}

/** Elder mode on, then the 适老化 figures, to the letter. */
export async function expectElderFriendly(page: Page, screen: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-large-type', 'true');
  expect((await elderProblems(page)).map((p) => `${screen}: ${p}`)).toEqual([]);
}
