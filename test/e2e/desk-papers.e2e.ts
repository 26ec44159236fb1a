/**
 * A paper through SANE to the desk: a rendered 居住证 page is fed to the real `scanimage` (SANE's
 * `pnm` file-reader backend, from the same sane-backends as the `test` backend, which can only
 * draw test patterns); the citizen scans it on the kiosk's materials screen, confirms the values
 * read into the 居住证签注 form and submits; at the counter the clerk sees the page with the
 * lines OCR read boxed over it, each prefilled field's source line and confidence, the ID-shaped
 * numbers masked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from '@playwright/test';
import { launchChromium, renderDocument, residencePermitDocument, ZHAO_MIN_PERMIT } from '../fixtures/ocr/documents';
import { callApi, openService, placeCard, tapKeyboardButton, tapKeys } from './support/kiosk';
import { counterOn, signInAtDesk } from './support/desk';
import { DEMO, kioskOn, startPlatformProcess, type RunningPlatform } from './support/platform-process';
import { startTerminal, type RunningTerminal } from './support/terminal-process';
import { expectAccessible } from './support/accessibility';
import { screenshotOf } from './support/screens';

test.describe.configure({ mode: 'serial' });

let dir: string;
let platform: RunningPlatform;
let kiosk: RunningTerminal;
let desk: RunningTerminal;

/** A binary PPM (P6), the format SANE's pnm backend reads. */
async function toPpm(png: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return Buffer.concat([Buffer.from(`P6\n${info.width} ${info.height}\n255\n`, 'latin1'), data]);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), 'tongban-sane-'));
  const renderer = await launchChromium();
  try {
    writeFileSync(path.join(dir, 'permit.ppm'), await toPpm(await renderDocument(renderer, residencePermitDocument(ZHAO_MIN_PERMIT, 'ming'), 300)));
  } finally {
    await renderer.close();
  }
  // A SANE configuration of the test's own: the pnm backend is off in Debian's dll.conf.
  writeFileSync(path.join(dir, 'dll.conf'), 'pnm\ntest\n');
  platform = await startPlatformProcess();
  const scanner = { transport: 'sane', device: 'pnm:0', options: { filename: path.join(dir, 'permit.ppm') } };
  kiosk = await startTerminal([...kioskOn(platform.url), `devices.scanner=${JSON.stringify(scanner)}`], { env: { SANE_CONFIG_DIR: dir } });
  desk = await startTerminal(counterOn(platform.url, '6号窗口'));
});

test.afterAll(async () => {
  for (const terminal of [kiosk, desk]) await terminal?.stop();
  await platform?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a 居住证 scanned through SANE fills the form, and the desk sees what OCR read with its boxes and sources', async ({ browser }) => {
  test.setTimeout(240_000);
  const citizen = await (await browser.newContext({ viewport: { width: 1280, height: 1024 }, locale: 'zh-CN' })).newPage();
  await citizen.goto(kiosk.url);
  await placeCard(citizen, 'resident');
  await openService(citizen, 'residence-permit-endorsement');
  await citizen.getByTestId('papers-first').locator('[data-material="residence-permit"]').getByRole('button').click();
  const capture = citizen.getByTestId('capture');
  await capture.getByRole('button', { name: '开始扫描' }).click();
  await expect(capture.locator('img.page-preview')).toHaveCount(1, { timeout: 60_000 });

  const proposal = (field: string) => citizen.locator(`.proposal[data-field="${field}"]`);
  await expect(proposal('residencePermitNumber')).toContainText(ZHAO_MIN_PERMIT.permitNumber, { timeout: 120_000 });
  await expect(proposal('currentAddress')).toContainText(ZHAO_MIN_PERMIT.address);
  for (const field of ['currentAddress', 'residencePermitNumber']) {
    await proposal(field).getByRole('button').click();
    await expect(proposal(field).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  }
  await citizen.getByRole('button', { name: '完成' }).click();
  await expect(citizen.getByTestId('papers-first').locator('[data-material="residence-permit"]')).toHaveAttribute('data-state', 'scanned');
  await citizen.locator('#field-phone').click();
  await tapKeys(citizen, '13800138000');
  await tapKeyboardButton(citizen, '{enter}');
  await citizen.getByRole('button', { name: /^(下一步|Next)$/ }).click();
  await expect(citizen.locator('#field-residencePermitNumber')).toHaveValue(ZHAO_MIN_PERMIT.permitNumber);
  await expect(citizen.locator('#field-currentAddress')).toHaveValue(ZHAO_MIN_PERMIT.address);

  // The rest of the form as the citizen would answer it; the page scanned this session goes with the case.
  const receipt = await callApi<{ caseId: string }>(citizen, 'cases.submit', {
    serviceCode: 'residence-permit-endorsement',
    values: {
      phone: '13800138000',
      residencePermitNumber: await citizen.locator('#field-residencePermitNumber').inputValue(),
      currentAddress: await citizen.locator('#field-currentAddress').inputValue(),
      housing: 'rented',
    },
  });
  let queueNumber: string | null = null;
  await expect
    .poll(async () => (queueNumber = (await callApi<{ queueNumber: string | null }>(citizen, 'cases.lookup', { caseId: receipt.caseId })).queueNumber), { timeout: 30_000 })
    .toMatch(/^[A-Z]\d{3}$/);

  const clerk = await (await browser.newContext({ viewport: { width: 1280, height: 1024 }, locale: 'zh-CN' })).newPage();
  await signInAtDesk(clerk, desk.url, DEMO.clerk);
  await expect(clerk.locator(`tr[data-queue-number="${queueNumber}"]`)).toBeVisible({ timeout: 10_000 });
  await clerk.getByRole('button', { name: '叫号' }).click();
  await expect(clerk.getByRole('heading', { name: `办件审核 ${queueNumber}` })).toBeVisible();

  const view = clerk.getByTestId('ocr-view');
  await expect(view).toBeVisible();
  // The scan itself, decoded by the browser, with one box per line read.
  const image = view.getByTestId('ocr-image');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBeGreaterThan(1000);
  const lines = view.getByTestId('ocr-lines').locator('li');
  const boxes = view.getByTestId('ocr-boxes').locator('rect');
  expect(await lines.count()).toBeGreaterThan(5);
  await expect(boxes).toHaveCount(await lines.count());
  // The boxes lie on the image: every one inside it, none of zero size.
  const frame = (await image.boundingBox())!;
  for (const rect of (await boxes.all()).slice(0, 8)) {
    const box = (await rect.boundingBox())!;
    expect(box.width).toBeGreaterThan(0);
    expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
  }

  // Each field says where it came from; choosing it outlines that line on the page.
  const permitRow = view.getByTestId('ocr-fields').locator('tr[data-field="residencePermitNumber"]');
  await expect(permitRow).toContainText(/第\d+行/);
  const source = permitRow.getByRole('button');
  const line = Number(/第(\d+)行/.exec((await source.textContent()) ?? '')?.[1]) - 1;
  await source.click();
  await expect(boxes.nth(line)).toHaveClass(/chosen/);
  await expect(lines.nth(line)).toHaveClass(/chosen/);
  // Masked as the form masks the field (its first character only), in the field and in its line.
  await expect(permitRow).toContainText('4********');
  await expect(lines.nth(line)).toContainText(/居住证编号.*4\*{8}/);
  await expect(view).not.toContainText(ZHAO_MIN_PERMIT.permitNumber);
  await expect(view).not.toContainText(ZHAO_MIN_PERMIT.idNumber);
  // A field the service does not ask is named by the label printed beside it on the paper.
  await expect(view.getByTestId('ocr-fields').locator('tr[data-field="issuer"] th')).toHaveText('签发机关');
  // The page image with its boxes and the field table in one shot, in both of the desk's type sizes
  // (the large one is what `ui.largeTypeDefault` sets on the page's root).
  await screenshotOf(view, 'desk-ocr-view');
  await clerk.evaluate(() => (document.documentElement.dataset.largeType = 'true'));
  await screenshotOf(view, 'desk-ocr-view-large');
  await clerk.evaluate(() => (document.documentElement.dataset.largeType = 'false'));
  await expectAccessible(clerk, 'desk OCR view');
});
