import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callApi, placeCard } from './support/kiosk';
import { signInAtDesk, staffToken, startCentre, type Centre } from './support/desk';
import { DEMO, type RunningPlatform } from './support/platform-process';
import type { RunningTerminal } from './support/terminal-process';
import { newbornAnswers } from './support/newborn';

/**
 * 电子证照 through real processes: `tongban platform --seed-demo --licences FILE` and a kiosk
 * (`tongban start`) whose page runs in Chromium. The demo library (platform/licences/
 * demo-licences.ts) holds 测试张三's marriage certificate and none for 测试李四; the pilot file
 * adds an expired marriage certificate for 测试王五's card… and the kiosk's answers follow.
 */
test.describe.configure({ mode: 'serial' });

// The ID-card simulator's fictional holders (drivers/idcard/simulator/cards.ts).
const SUN = '44010619870704048X';
const PILOT_NUMBER = 'J440106-2010-009999';

let centre: Centre | undefined;
let platform: RunningPlatform, kiosk: RunningTerminal, desk: RunningTerminal;
const dir = mkdtempSync(path.join(tmpdir(), 'tongban-licences-e2e-'));

test.beforeAll(async () => {
  const file = path.join(dir, 'pilot-licences.json');
  writeFileSync(
    file,
    JSON.stringify([
      { type: 'marriage-certificate', number: PILOT_NUMBER, issuer: '测试市试点民政局', holderIdNumber: SUN, holderName: '测试孙艾克斯', validFrom: '2010-01-01', validUntil: '2020-01-01' },
    ]),
  );
  const started = await startCentre(['7号窗口'], { platformArgs: ['--licences', file] });
  centre = started;
  ({ platform, kiosk, desks: [desk] } = started);
});

test.afterAll(async () => {
  await centre?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Check = { consent: string; materials: { code: string; state: string }[] };


async function withCard(page: Page, cardId: string): Promise<void> {
  await page.goto(kiosk.url);
  await placeCard(page, cardId);
}

/** The case as the platform holds it, once the kiosk's outbox has sent it. */
async function platformMaterials(page: Page, caseId: string): Promise<{ code: string; electronicLicence?: { type: string; number: string } }[]> {
  await expect.poll(async () => (await callApi<{ queueNumber: string | null }>(page, 'cases.lookup', { caseId })).queueNumber, { timeout: 15_000 }).toBeTruthy();
  const token = await staffToken(platform.url, DEMO.clerk);
  const answer = await fetch(`${platform.url}/v1/cases/${caseId}/licences`, { headers: { authorization: `Bearer ${token}` } });
  expect(answer.status).toBe(200);
  const body = (await answer.json()) as { licences: { materialCode: string; licence: { number: string; verification: string } | null }[] };
  return body.licences.map((l) => ({ code: l.materialCode, ...(l.licence ? { electronicLicence: { type: 'x', number: l.licence.number } } : {}) }));
}

test('with a marriage-certificate licence the paper is not asked for; the case names the licence', async ({ page }) => {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => frames.push(String(frame.payload))));
  await withCard(page, 'resident');
  const check = await callApi<Check>(page, 'licences.check', { serviceCode: 'newborn-hukou-registration', consent: true });
  expect(check.consent).toBe('granted');
  expect(check.materials).toEqual([
    { code: 'id-card', state: 'held' },
    { code: 'birth-medical-certificate', state: 'missing' },
    { code: 'household-register', state: 'held' },
    { code: 'marriage-certificate', state: 'held' },
  ]);
  const receipt = await callApi<{ caseId: string }>(page, 'cases.submit', { serviceCode: 'newborn-hukou-registration', values: newbornAnswers('11010519491231002X') });
  const materials = await platformMaterials(page, receipt.caseId);
  expect(materials.map((m) => m.code).sort()).toEqual(['household-register', 'id-card', 'marriage-certificate']);
  expect(materials.find((m) => m.code === 'marriage-certificate')?.electronicLicence?.number).toBe('J110101-2012-000123');
  // Nothing of the licences reached the page: no number, issuer or date in any frame it received.
  const seen = frames.join('\n');
  for (const secret of ['J110101-2012-000123', 'HJ-110101-0000317', '测试市虚构区民政局', '2012-05-20', '110101198503120017']) expect(seen.includes(secret), secret).toBe(false);
});

test('without one the citizen is asked to scan it', async ({ page }) => {
  await withCard(page, 'resident-female');
  const li = await callApi<Check>(page, 'licences.check', { serviceCode: 'newborn-hukou-registration', consent: true });
  expect(li.materials.find((m) => m.code === 'marriage-certificate')?.state).toBe('missing');
});

test('an expired licence is refused and the case names only what is valid', async ({ page }) => {
  await withCard(page, 'x-check');
  const sun = await callApi<Check>(page, 'licences.check', { serviceCode: 'newborn-hukou-registration', consent: true });
  expect(sun.materials.find((m) => m.code === 'marriage-certificate')?.state).toBe('expired');
  const receipt = await callApi<{ caseId: string }>(page, 'cases.submit', { serviceCode: 'newborn-hukou-registration', values: newbornAnswers('11010519491231002X') });
  const materials = await platformMaterials(page, receipt.caseId);
  expect(materials.map((m) => m.code)).toEqual(['id-card']);
});

test('consent refused: nothing is looked up and every material is asked for', async ({ page }) => {
  await withCard(page, 'resident');
  const refused = await callApi<Check>(page, 'licences.check', { serviceCode: 'newborn-hukou-registration', consent: false });
  expect(refused).toEqual({ consent: 'refused', materials: ['id-card', 'birth-medical-certificate', 'household-register', 'marriage-certificate'].map((code) => ({ code, state: 'not-asked' })) });
  const receipt = await callApi<{ caseId: string }>(page, 'cases.submit', { serviceCode: 'newborn-hukou-registration', values: newbornAnswers('11010519491231002X') });
  expect(await platformMaterials(page, receipt.caseId)).toEqual([]);
});

test('an agent’s own papers are looked up under the agent', async ({ page }) => {
  await withCard(page, 'long-term');
  const check = await callApi<Check>(page, 'licences.check', { serviceCode: 'elderly-longevity-allowance', consent: true, agentIdNumber: SUN });
  expect(check.materials).toEqual([
    { code: 'id-card', state: 'held' },
    { code: 'household-register', state: 'held' },
    { code: 'social-security-card', state: 'missing' },
    { code: 'agent-id-card', state: 'held' },
  ]);
});

test('the desk sees the licences a case names: holder masked, issuer, validity, verified', async ({ page, browser }) => {
  await withCard(page, 'resident');
  await callApi<Check>(page, 'licences.check', { serviceCode: 'newborn-hukou-registration', consent: true });
  const receipt = await callApi<{ caseId: string }>(page, 'cases.submit', { serviceCode: 'newborn-hukou-registration', values: newbornAnswers('11010519491231002X') });
  await expect.poll(async () => (await callApi<{ queueNumber: string | null }>(page, 'cases.lookup', { caseId: receipt.caseId })).queueNumber, { timeout: 15_000 }).toBeTruthy();
  const { queueNumber } = await callApi<{ queueNumber: string }>(page, 'cases.lookup', { caseId: receipt.caseId });

  const clerk = await (await browser.newContext({ viewport: { width: 1280, height: 1024 }, locale: 'zh-CN' })).newPage();
  await signInAtDesk(clerk, desk.url, DEMO.clerk);
  await clerk.locator(`tr[data-queue-number="${queueNumber}"]`).getByRole('button').click();
  await expect(clerk.getByRole('heading', { name: `办件审核 ${queueNumber}` })).toBeVisible();
  const licences = clerk.getByTestId('desk-licences');
  const marriage = licences.locator('[data-material="marriage-certificate"]');
  await expect(marriage).toHaveAttribute('data-state', 'valid');
  await expect(marriage).toContainText('J110101-2012-000123');
  await expect(marriage).toContainText('测试市虚构区民政局');
  await expect(marriage.getByTestId('licence-validity')).toHaveText('2012-05-20 至 长期');
  await expect(marriage.getByTestId('licence-holder')).toHaveText('110101********0017');
  await expect(marriage.getByTestId('licence-verification')).toHaveText('验签通过');
  // The resident ID card's licence number is the ID number: masked like it.
  const idCard = licences.locator('[data-material="id-card"]');
  await expect(idCard).toContainText('110101********0017');
  await expect(licences).not.toContainText('110101198503120017');
  expect(await marriage.getByRole('link', { name: '查看证照文件' }).getAttribute('href')).toMatch(/^data:application\/pdf;base64,JVBERi0/);
});
