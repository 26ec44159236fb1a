import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RenderError, ThreadedPdfRenderer } from '../../../main/printing';

/** Chromium processes this test process started (playwright launches the browser as a direct child, from any thread). */
function browsers(): number {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), 'chromium'], { encoding: 'utf8' }).trim().split('\n').length;
  } catch {
    return 0; // pgrep found none
  }
}

const page = '<!doctype html><meta charset="utf-8"><p>受理回执 receipt</p>';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the PDF renderer's browser at idle", () => {
  it('closes its browser once no document has come for idleCloseMs, and starts it again for the next', async () => {
    const renderer = new ThreadedPdfRenderer({ idleCloseMs: 1500 });
    try {
      const first = await renderer.render(page);
      expect(first.subarray(0, 5).toString()).toBe('%PDF-');
      expect(browsers()).toBe(1);
      await expect.poll(browsers, { timeout: 20_000, interval: 250 }).toBe(0);

      const second = await renderer.render(page);
      expect(second.subarray(0, 5).toString()).toBe('%PDF-');
      expect(browsers()).toBe(1);
    } finally {
      await renderer.close();
    }
  });

  it('counts the idle time from the last document, not the first', async () => {
    const renderer = new ThreadedPdfRenderer({ idleCloseMs: 3000 });
    try {
      await renderer.render(page);
      await pause(2000);
      await renderer.render(page);
      // 4 s after the first document, 2 s after the last: still warm.
      await pause(2000);
      expect(browsers()).toBe(1);
      await expect.poll(browsers, { timeout: 20_000, interval: 250 }).toBe(0);
    } finally {
      await renderer.close();
    }
  });

  it("says why it cannot render in the renderer's own error, across the thread", async () => {
    const renderer = new ThreadedPdfRenderer({ executablePath: '/nonexistent/chromium', idleCloseMs: 1000 });
    try {
      const failure = await renderer.render(page).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RenderError);
      expect((failure as RenderError).message).toContain('cannot start /nonexistent/chromium');
    } finally {
      await renderer.close();
    }
  });

  it('keeps its browser for good without idleCloseMs', async () => {
    const renderer = new ThreadedPdfRenderer();
    try {
      await renderer.render(page);
      await pause(2000);
      expect(browsers()).toBe(1);
    } finally {
      await renderer.close();
    }
    expect(browsers()).toBe(0);
  });
});
