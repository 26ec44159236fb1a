import { expect, test, type Page } from '@playwright/test';
import { callApi, openService, placeCard, tapKeyboardButton, tapKeys } from './support/kiosk';
import { kioskOnPlatform } from './support/kiosk-on-platform';
import { DEMO } from './support/platform-process';
import { expectAccessible } from './support/accessibility';
import { screenshot } from './support/screens';
import { startTerminal } from './support/terminal-process';
import { kioskOn } from './support/platform-process';
import { startEsclSimulator } from '../../drivers/scanner';

test.describe.configure({ mode: 'serial' });

const env = kioskOnPlatform();

/** The staff side of the platform: what a counter clerk's desk would fetch. */
async function staff(url: string) {
  const signIn = await fetch(`${url}/v1/staff/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO.clerk),
  });
  const { token } = (await signIn.json()) as { token: string };
  return (route: string) => fetch(`${url}${route}`, { headers: { authorization: `Bearer ${token}` } });
}

/** The social security card application (its photo needs a scan), filled in up to the review page. */
async function toReview(page: Page, url = env.kiosk.url) {
  await page.goto(url);
  await placeCard(page, 'resident');
  await openService(page, 'social-security-card-application');
  await page.getByRole('button', { name: /^(下一步|Next)$/ }).click();
  await page.locator('#field-phone').click();
  await tapKeys(page, '13800138000');
  await tapKeyboardButton(page, '{enter}');
  await page.getByRole('button', { name: /^(下一步|Next)$/ }).click();
  await page.locator('[data-field="reason"] [role=radio]').first().click();
  await page.locator('[data-field="bank"] [role=radio]').first().click();
  await page.locator('[data-field="delivery"] [role=radio]').first().click();
  await page.getByRole('button', { name: /^(下一步|Next)$/ }).click();
}

test('a citizen scans the photo on the capture screen, and the case reaches the platform with the page as a blob', async ({ page }) => {
  await toReview(page);
  await expect(page.getByRole('heading', { name: '核对信息' })).toBeVisible();
  const materials = page.getByTestId('materials');
  // 一次授权 first: 测试张三's ID card is in the demo licence library.
  await page.getByTestId('licence-consent').getByRole('button', { name: '同意查询' }).click();
  await expect(materials.locator('[data-material="id-card"]')).toContainText('已有电子证照，无需携带');
  const slot = materials.locator('[data-material="photo"]');
  await expect(slot).toHaveAttribute('data-state', 'none');
  await expect(slot).toContainText('未扫描');
  await slot.getByRole('button').click();

  const capture = page.getByTestId('capture');
  await expect(capture.getByText('请将材料正面朝下放在扫描区')).toBeVisible();
  await capture.getByRole('button', { name: '开始扫描' }).click();
  const previews = capture.locator('img.page-preview');
  await expect(previews).toHaveCount(1, { timeout: 30_000 });
  // The preview is a real image the browser decoded, not a broken placeholder.
  expect(await previews.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);
  await expect(previews.first()).toHaveAttribute('alt', /第 1 页/);

  await capture.getByRole('button', { name: '添加一页' }).click();
  await expect(previews).toHaveCount(2, { timeout: 30_000 });
  await expect(capture.getByText('第 2 页，共 2 页')).toBeVisible();
  await capture.locator('[data-page="2"]').getByRole('button', { name: '删除此页' }).click();
  await expect(previews).toHaveCount(1);
  const before = await previews.first().getAttribute('src');
  await capture.locator('[data-page="1"]').getByRole('button', { name: '重新扫描' }).click();
  // The simulator stamps each page with its job, so a retake shows a different preview in the same place.
  await expect(previews.first()).not.toHaveAttribute('src', before ?? '', { timeout: 30_000 });
  await expect(previews).toHaveCount(1);
  await screenshot(page, 'capture-screen');
  await expectAccessible(page, 'capture');

  await capture.getByRole('button', { name: '完成' }).click();
  await expect(slot).toHaveAttribute('data-state', 'scanned');
  await expect(slot).toContainText('已扫描 1 页');
  await expectAccessible(page, 'review with materials');
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('heading', { name: /申请已提交，待窗口审核|已保存在本机，网络恢复后自动提交/ })).toBeVisible({ timeout: 15_000 });
  const caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
  const { caseId } = await callApi<{ caseId: string }>(page, 'cases.lookup', { caseNumber, idLast4: '0017' });

  const get = await staff(env.platform.url);
  let detail: { materials: Array<{ code: string; blob?: string }> } | undefined;
  await expect
    .poll(
      async () => {
        const response = await get(`/v1/cases/${caseId}`);
        if (!response.ok) return [];
        detail = (await response.json()) as typeof detail;
        return detail?.materials.map((m) => m.code) ?? [];
      },
      { timeout: 20_000 },
    )
    .toContain('photo');
  const photo = detail?.materials.find((m) => m.code === 'photo');
  expect(photo?.blob).toMatch(/^[0-9a-f]{64}$/);
  const blob = await get(`/v1/blobs/${photo?.blob}`);
  expect(blob.status).toBe(200);
  expect(blob.headers.get('content-type')).toBe('image/jpeg');
  const bytes = Buffer.from(await blob.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  expect(bytes.length).toBeGreaterThan(1000);
});

test('the capture screen in English and large type: plain words, big touch targets, and OCR on request', async ({ page }) => {
  // PaddleOCR starts on this first request (models loaded into its thread), then reads the page.
  test.setTimeout(150_000);
  await toReview(page);
  await page.getByRole('button', { name: '长辈版' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('materials').locator('[data-material="photo"]').getByRole('button').click();
  const capture = page.getByTestId('capture');
  await expect(capture.getByText('Place the paper face down on the scanner glass')).toBeVisible();
  await capture.getByRole('button', { name: 'Scan now' }).click();
  await expect(capture.locator('img.page-preview')).toHaveCount(1, { timeout: 30_000 });
  for (const button of await capture.getByRole('button').all()) {
    const box = await button.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(60);
  }
  await screenshot(page, 'capture-screen-en-large');
  await expectAccessible(page, 'capture (en, large type)');

  // The simulator's sheet is no known document: OCR reads it on request and proposes nothing to fill in.
  await capture.getByRole('button', { name: 'Read the text' }).click();
  await expect(capture.getByText('Nothing to fill in the form was found')).toBeVisible({ timeout: 100_000 });
});

test('a failed scan says what happened and what to do, and a new attempt clears it', async ({ page }) => {
  // A network scanner (eSCL) the test can break: first busy, then gone altogether.
  const scanner = await startEsclSimulator({ fault: 'busy' });
  const kiosk = await startTerminal([...kioskOn(env.platform.url), `devices.scanner=${JSON.stringify({ transport: 'escl', url: scanner.url })}`]);
  try {
    await toReview(page, kiosk.url);
    await page.getByTestId('licence-consent').getByRole('button', { name: '不同意，我自己提供材料' }).click();
    await page.getByTestId('materials').locator('[data-material="photo"]').getByRole('button').click();
    const capture = page.getByTestId('capture');
    await capture.getByRole('button', { name: '开始扫描' }).click();
    const failed = capture.getByTestId('scan-failed');
    await expect(failed).toContainText('扫描仪正在处理别的任务', { timeout: 30_000 });
    await expect(failed).toContainText('请稍等片刻，再点“重新扫描”');
    await expect(failed.getByRole('button', { name: '呼叫工作人员' })).toBeVisible();
    await expectAccessible(page, 'scan failed');
    await screenshot(page, 'capture-scan-failed');

    // The scanner is free again: 重新扫描 in the panel takes the scan, and the old failure goes at once.
    scanner.setFault('none');
    await failed.getByRole('button', { name: '重新扫描' }).click();
    await expect(failed).toHaveCount(0);
    await expect(capture.locator('img.page-preview')).toHaveCount(1, { timeout: 30_000 });
    await expect(failed).toHaveCount(0);

    // A different failure replaces the first, never stands beside it.
    await scanner.close();
    await capture.getByRole('button', { name: '添加一页' }).click();
    await expect(failed).toContainText('扫描仪暂时无法使用', { timeout: 30_000 });
    await expect(failed).toContainText('携带原件到窗口提交');
    await expect(failed).not.toContainText('正在处理别的任务');
    await expect(capture.getByRole('alert')).toHaveCount(1);
    await page.getByRole('button', { name: '长辈版' }).click();
    await expectAccessible(page, 'scan failed (large type)');
    await screenshot(page, 'capture-scan-failed-large');
  } finally {
    await kiosk.stop();
    await scanner.close().catch(() => undefined);
  }
});
