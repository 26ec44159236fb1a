import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openService, placeCard } from './support/kiosk';
import { kioskOnPlatform } from './support/kiosk-on-platform';
import { screenshot } from './support/screens';

const env = kioskOnPlatform();

test('the contribution certificate: choose a period, preview, print, and its QR code verifies it as issued', async ({ page }) => {
  await page.goto(env.kiosk.url);
  await placeCard(page, 'resident');
  await openService(page, 'si-contribution-certificate');
  await page.getByRole('button', { name: '最近 12 个月' }).click();
  const preview = page.getByTestId('certificate-preview');
  await expect(preview).toBeVisible({ timeout: 15_000 });
  await expect(preview.locator('tbody tr')).toHaveCount(12);
  await screenshot(page, 'certificate-preview');
  await page.getByRole('button', { name: '打印证明' }).click();
  await expect(page.getByTestId('certificate-print-status')).toHaveText(/打印完成/, { timeout: 30_000 });

  const printed = path.join(env.kiosk.dataDir, 'printed');
  const pdf = readdirSync(printed).filter((f) => f.includes('contribution-certificate')).sort().at(-1);
  expect(pdf).toBeDefined();
  const text = execFileSync('pdftotext', ['-layout', path.join(printed, pdf as string), '-'], { encoding: 'utf8' });
  expect(text).toContain('社会保险个人参保缴费证明');
  expect(text).toContain('测试张三');
  expect(text).toMatch(/110101\*{8}\d{3}[\dX]/);
  expect(text).not.toMatch(/110101\d{11}[\dX]/);

  // The address is ASCII; the page's footer (holder, 第N页 共M页) may follow it in the text flow.
  const url = /核验地址：\s*(https?:\/\/[\x21-\x7e]+)/.exec(text.replace(/\n\s*/g, ''))?.[1];
  expect(url).toBeDefined();
  const verified = (await (await fetch(url as string)).json()) as { status: string; document?: { kind: string } };
  expect(verified.status).toBe('genuine');
  expect(verified.document?.kind).toBe('contribution-certificate');
  const forged = new URL(url as string);
  forged.searchParams.set('code', 'ABCD-EFGH-JKMN-PQRS');
  expect((await fetch(forged)).status).toBe(404);
});
