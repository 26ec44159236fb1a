import { expect, type Page } from '@playwright/test';

/**
 * A fictional card of the simulator placed on the reader, through the demo panel, for a new
 * visit: a card an earlier test left on the reader is taken away and its session ended first
 * (the same card put back within the countdown would only resume that session).
 */
export async function placeCard(page: Page, cardId: string): Promise<void> {
  await callApi(page, 'demo.removeCard', {});
  await callApi(page, 'session.end', { reason: 'done' });
  await page.getByTestId('demo-panel').getByRole('button', { name: /演示面板|Demo panel/ }).click();
  await page.locator(`[data-card="${cardId}"]`).click();
  await expect(page.getByTestId('welcome')).toBeVisible({ timeout: 10_000 });
}

export async function removeCard(page: Page): Promise<void> {
  await page.getByTestId('demo-panel').getByRole('button', { name: /演示面板|Demo panel/ }).click();
  await page.getByRole('button', { name: /取走身份证|Remove the card/ }).click();
}

export async function openService(page: Page, code: string): Promise<void> {
  await page.locator(`[data-service="${code}"]`).click();
  await page.getByRole('button', { name: /^(开始办理|Start)$/ }).click();
}

/** Presses keys of the on-screen keyboard one by one, as a finger would. */
export async function tapKeys(page: Page, keys: string): Promise<void> {
  for (const key of keys) await page.locator(`[data-testid=keyboard] [data-skbtn="${key}"]`).click();
}

export async function tapKeyboardButton(page: Page, button: string): Promise<void> {
  await page.locator(`[data-testid=keyboard] [data-skbtn="${button}"]`).click();
}

/** Calls the TerminalApi from the page, over its own authenticated WebSocket. */
export function callApi<T>(page: Page, method: string, args: unknown): Promise<T> {
  return page.evaluate(
    async ([m, a]) => {
      const secret = new URLSearchParams(location.hash.slice(1)).get('secret');
      const ws = new WebSocket(`ws://${location.host}/api`, ['tongban.v1', `secret.${secret}`]);
      await new Promise((resolve) => (ws.onopen = resolve));
      const reply = await new Promise<string>((resolve) => {
        ws.onmessage = (message) => {
          const frame = JSON.parse(String(message.data)) as { id?: number };
          if (frame.id === 1) resolve(String(message.data));
        };
        ws.send(JSON.stringify({ id: 1, method: m, args: a }));
      });
      ws.close();
      const frame = JSON.parse(reply) as { ok: boolean; result?: unknown; error?: unknown };
      if (!frame.ok) throw new Error(JSON.stringify(frame.error));
      return frame.result;
    },
    [method, args] as const,
  ) as Promise<T>;
}

/** On the review page: every required paper not yet scanned is scanned once on the capture screen. */
export async function scanRequiredMaterials(page: Page): Promise<void> {
  const slots = page.locator('[data-testid=materials] .material-slot[data-state="none"]').filter({ has: page.locator('.badge', { hasText: /^(必交|Required)$/ }) });
  while ((await slots.count()) > 0) {
    const slot = slots.first();
    const code = await slot.getAttribute('data-material');
    await slot.getByRole('button').click();
    const capture = page.getByTestId('capture');
    await capture.getByRole('button', { name: /^(开始扫描|Start scanning)$/ }).click();
    // A 300 dpi page straightened and compressed: slow on two busy cores, so wait as a person would.
    await expect(capture.locator('img.page-preview')).toHaveCount(1, { timeout: 90_000 });
    await capture.getByRole('button', { name: /^(完成|Done)$/ }).click();
    await expect(page.locator(`[data-material="${code}"]`)).toHaveAttribute('data-state', 'scanned');
  }
}
