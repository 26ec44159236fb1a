import { expect, type Page } from '@playwright/test';

/** The citizen signs on the counter's pad: one stroke with the pointer, as a finger or a pen draws it. */
export async function sign(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (const [dx, dy] of [[60, -20], [120, 15], [180, -10], [240, 20]] as const) await page.mouse.move(box.x + dx, box.y + box.height / 2 + dy, { steps: 4 });
  await page.mouse.up();
  await expect(pad).toHaveAttribute('data-strokes', '1');
}
