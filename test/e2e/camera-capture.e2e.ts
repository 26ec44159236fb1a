/**
 * The document camera end to end: Chromium's fake camera plays a video made here from a
 * rendered 居住证 lying at an angle on a desk; the kiosk shows the live view, takes the photo by
 * itself once the paper is still, the terminal straightens and reads it, and the 居住证签注
 * form is filled from it after the citizen confirms each value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { launchChromium, renderDocument, residencePermitDocument, ZHAO_MIN_PERMIT } from '../fixtures/ocr/documents';
import { photographOnDesk, toY4m } from '../fixtures/ocr/desk-photo';
import { CHROMIUM_FLAGS } from '../../main/printing/render/chromium-renderer';
import { openService, placeCard, tapKeyboardButton, tapKeys } from './support/kiosk';
import { startTerminal, type RunningTerminal } from './support/terminal-process';
import { screenshot } from './support/screens';

test.describe.configure({ mode: 'serial' });

let dir: string;
let browser: Browser;
let kiosk: RunningTerminal;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(tmpdir(), 'tongban-camera-'));
  const renderer = await launchChromium();
  try {
    const page = await renderDocument(renderer, residencePermitDocument(ZHAO_MIN_PERMIT, 'ming'), 300);
    const photo = await photographOnDesk(page, { width: 2560, height: 1440 });
    writeFileSync(path.join(dir, 'desk.jpg'), photo.jpeg);
  } finally {
    await renderer.close();
  }
  const video = path.join(dir, 'desk.y4m');
  await toY4m(path.join(dir, 'desk.jpg'), video);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  kiosk = await startTerminal([`devices.camera=${JSON.stringify({ transport: 'uvc', width: 2560, height: 1440 })}`]);
});

test.afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a 居住证 under the document camera fills the 居住证签注 form', async () => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 1024 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await placeCard(page, 'resident');
  await openService(page, 'residence-permit-endorsement');
  const first = page.getByTestId('papers-first');
  await first.locator('[data-material="residence-permit"]').getByRole('button').click();

  const camera = page.getByTestId('camera');
  await expect(camera).toBeVisible();
  await expect(camera.locator('.camera-guide')).toBeAttached();
  // The live view plays the camera at its own resolution.
  await expect.poll(() => camera.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBe(2560);
  // Nobody presses anything: the still paper is photographed by itself.
  const previews = page.getByTestId('capture').locator('img.page-preview');
  await expect(previews).toHaveCount(1, { timeout: 30_000 });
  // Straightened: the kept page is portrait like the card's copy page, not the landscape frame.
  const size = await previews.first().evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }));
  expect(size.h).toBeGreaterThan(size.w);

  const proposal = (field: string) => page.locator(`.proposal[data-field="${field}"]`);
  await expect(proposal('currentAddress')).toContainText(ZHAO_MIN_PERMIT.address, { timeout: 90_000 });
  await expect(proposal('residencePermitNumber')).toContainText(ZHAO_MIN_PERMIT.permitNumber);
  await expect(proposal('issuer')).toContainText(ZHAO_MIN_PERMIT.issuer);
  await screenshot(page, 'camera-capture-proposals');
  for (const field of ['currentAddress', 'residencePermitNumber']) {
    await proposal(field).getByRole('button').click();
    await expect(proposal(field).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  }
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('papers-first').locator('[data-material="residence-permit"]')).toHaveAttribute('data-state', 'scanned');
  // The values confirmed from the paper stand in the form's next page, with nothing typed.
  await page.locator('#field-phone').click();
  await tapKeys(page, '13800138000');
  await tapKeyboardButton(page, '{enter}');
  await page.getByRole('button', { name: /^(下一步|Next)$/ }).click();
  await expect(page.locator('#field-residencePermitNumber')).toHaveValue(ZHAO_MIN_PERMIT.permitNumber);
  await expect(page.locator('#field-currentAddress')).toHaveValue(ZHAO_MIN_PERMIT.address);
  await context.close();
});
