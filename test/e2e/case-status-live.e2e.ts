import { expect, test } from '@playwright/test';
import { callApi, placeCard, removeCard } from './support/kiosk';
import { kioskOnPlatform } from './support/kiosk-on-platform';
import { clerk } from './support/platform-process';

const env = kioskOnPlatform();

test("the open status page follows the counter's decisions without being reloaded", async ({ page }) => {
  await page.goto(env.kiosk.url);
  await placeCard(page, 'resident');
  const submitted = await callApi<{ caseId: string; synced: boolean }>(page, 'cases.submit', {
    serviceCode: 'resident-medical-enrolment',
    values: { phone: '13812345678', residency: 'local', hasDisability: false },
  });
  await removeCard(page);
  // The card is away: the kiosk waits for it to come back, until the citizen ends the session.
  await page.getByRole('button', { name: '结束办理' }).click();
  await expect(page.getByRole('heading', { name: '欢迎使用自助服务' })).toBeVisible();
  await expect
    .poll(async () => (await callApi<{ status: string | null }>(page, 'cases.lookup', { caseId: submitted.caseId })).status, { timeout: 15_000 })
    .toBe('queued');

  // The receipt's QR code, read by the keyboard-wedge scanner, opens the case's status. On a busy
  // machine the burst of keys can arrive too slowly to count as a scan: scan again, as a citizen would.
  await expect(async () => {
    await page.keyboard.type(`tongban://case/${submitted.caseId}`, { delay: 0 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('case-status')).toHaveText('排队等候受理', { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });

  const desk = await clerk(env.platform.url);
  await desk.claim(submitted.caseId);
  await desk.decide(submitted.caseId, { decision: 'accept' });
  await expect(page.getByTestId('case-status')).toHaveText('已受理', { timeout: 15_000 });
  await expect(page.getByTestId('case-history')).toContainText('受理');
});
