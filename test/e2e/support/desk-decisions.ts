import { expect, type Page } from '@playwright/test';

/** 不予受理 on the case open at the desk: a reason from the list, the particulars, and the confirmation it asks for. */
export async function rejectAtDesk(page: Page, reason: string, particulars: string): Promise<void> {
  await page.getByRole('button', { name: '不予受理' }).click();
  await page.getByLabel('不予受理原因').selectOption(reason);
  await page.getByLabel('具体说明').fill(particulars);
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('button', { name: '确认不予受理' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('不予受理');
}
