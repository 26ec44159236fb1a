import type { Page } from 'playwright-core';

/**
 * The elderly allowance's three form pages as the elder fills them at the machine, from the
 * prefilled first page to the review page: a phone, applying in person, a bank and its account.
 * Used by the e2e tests and the kiosk benchmark alike (playwright-core's Page, which both have).
 */
export async function fillAllowanceForm(page: Page, answers: { phone: string; bank: string; account: string }): Promise<void> {
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('#field-phone').fill(answers.phone);
  await page.getByRole('radio', { name: '本人申请' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('radio', { name: answers.bank }).click();
  await page.locator('#field-bankAccount').fill(answers.account);
  await page.getByRole('checkbox').click();
  await page.getByRole('button', { name: '下一步' }).click();
}
