import type { Page } from '@playwright/test';

export interface Covered {
  /** What is hidden: the element's tag, id or class, and a little of its text. */
  element: string;
  by: string;
}

/**
 * Measured in the browser: which parts of the screen's `main` a banner would hide. An element
 * counts where it can be seen at all (its box clipped by every scrolling ancestor); it is
 * covered when that visible part meets the banner's box. The field being typed (`fieldSelector`) must
 * also be the topmost element at its centre: not under the banner, the sticky buttons or the
 * keyboard.
 */
export function coveredByBanner(page: Page, bannerSelector: string, fieldSelector: string): Promise<Covered[]> {
  return page.evaluate(([selector, fieldAt]) => {
    const banner = document.querySelector(selector);
    const main = document.querySelector('main');
    if (!banner || !main) return [{ element: main ? 'no banner' : 'no main', by: selector }];
    const b = banner.getBoundingClientRect();
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
    const covered: { element: string; by: string }[] = [];
    for (const el of main.querySelectorAll('*')) {
      let r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      let top = r.top;
      let bottom = r.bottom;
      for (let up = el.parentElement; up; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
        r = up.getBoundingClientRect();
        top = Math.max(top, r.top);
        bottom = Math.min(bottom, r.bottom);
      }
      if (bottom - top > 0.5 && top < b.bottom - 0.5 && bottom > b.top + 0.5) covered.push({ element: describe(el), by: 'banner' });
    }
    const focused = document.querySelector(fieldAt);
    if (!focused) covered.push({ element: fieldAt, by: 'not on the screen' });
    else {
      const f = focused.getBoundingClientRect();
      const top = document.elementFromPoint(f.left + f.width / 2, f.top + f.height / 2);
      if (top !== focused && !focused.contains(top)) covered.push({ element: describe(focused), by: top ? describe(top) : 'off the screen' });
    }
    return covered;
  }, [bannerSelector, fieldSelector] as const);
}
