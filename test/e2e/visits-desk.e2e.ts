import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../platform';
import { expectAccessible } from './support/accessibility';
import { expectElderFriendly } from './support/elder-mode';
import { placeCard } from './support/kiosk';
import { counterOn, platformCall as call, signInAtDesk, staffToken } from './support/desk';
import { kioskOn } from './support/platform-process';
import { screenshot } from './support/screens';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

/**
 * A multi-service visit end to end: one number for two services taken at a real kiosk terminal,
 * called at one window on a real counter terminal and shown on its wall, each service's case
 * taken up and completed at that window, the visit finished; then a visit transferred to
 * another window (same number) and one redirected (a new number), both from the desk.
 */
test.describe.configure({ mode: 'serial' });

const CERTIFICATE = 'si-contribution-certificate';
const MEDICAL = 'resident-medical-enrolment';
const RESIDENCE = 'residence-permit-endorsement';
const RESIDENT_ID = '440305199912310011';

let dir: string;
let platform: RunningPlatform;
let demo: DemoCredentials;
let kiosk: RunningTerminal;
let counter: RunningTerminal;
/** Another window, whose wall shows every window's calls. */
let otherCounter: RunningTerminal;


/** The platform's API as the demo kiosk or the demo clerk. */
async function platformCall(method: string, route: string, who: 'kiosk' | 'clerk', body?: unknown) {
  return call(platform.url, method, route, who === 'kiosk' ? demo.kiosk.credential : await staffToken(platform.url, demo.clerk), body);
}

/** A case of the citizen's, as the kiosk submits it. */
async function kioskSubmits(serviceCode: string, form: Record<string, unknown>): Promise<{ caseId: string; queueNumber: string }> {
  const caseId = randomUUID();
  const answer = await platformCall('POST', '/v1/cases', 'kiosk', {
    caseId,
    serviceCode,
    submittedAt: new Date().toISOString(),
    visitId: `visit-${caseId.slice(0, 8)}`,
    applicant: { name: '李四', idNumber: RESIDENT_ID, phone: '13800138000' },
    form: { name: '李四', idNumber: RESIDENT_ID, ...form },
    materials: [],
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { caseId, queueNumber: answer.body.queueNumber };
}

const signIn = (page: Page, terminal = counter, account: { username: string; password: string } = demo.clerk) => signInAtDesk(page, terminal.url, account);

/** The case of one of the visit's services, taken up from the panel and completed in the review panel beside. */
async function completeServiceCase(page: Page, serviceCode: string, queueNumber: string, result: string) {
  const row = page.getByTestId('ticket-calls').locator(`[data-visit-service="${serviceCode}"]`);
  await row.locator('select').selectOption({ label: queueNumber });
  await row.getByRole('button', { name: '受理此件' }).click();
  await expect(page.getByRole('heading', { name: `办件审核 ${queueNumber}` })).toBeVisible();
  await expect(row).toContainText(queueNumber);
  await page.keyboard.press('Alt+A');
  await expect(page.getByRole('button', { name: '确认受理' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-status')).toHaveText('已受理');
  await page.keyboard.press('Alt+C');
  await page.getByLabel('办结结果（发放的证照或文书）').fill(result);
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('button', { name: '确认办结' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('已办结');
}

async function kioskPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1280, height: 1024 }, locale: 'zh-CN' })).newPage();
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tongban-visits-desk-e2e-'));
  platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true, rateLimitPerMinute: 100_000, signInAttemptsPerMinute: 1_000 });
  demo = platform.demoCredentials!;
  kiosk = await startTerminal(kioskOn(platform.url));
  counter = await startTerminal(counterOn(platform.url, '3号窗口'));
  otherCounter = await startTerminal(counterOn(platform.url, '4号窗口'));
});

test.afterAll(async () => {
  await kiosk?.stop();
  await counter?.stop();
  await otherCounter?.stop();
  await platform?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a two-service visit taken at the kiosk, called at one window and on its wall, two cases completed there', async ({ browser, page, context }) => {
  test.setTimeout(180_000);
  const citizen = await kioskPage(browser);
  await citizen.goto(kiosk.url);
  await placeCard(citizen, 'resident');
  await citizen.locator(`[data-service="${CERTIFICATE}"]`).click();
  await citizen.getByRole('button', { name: '预约或取号' }).click();
  await expect(citizen.getByRole('heading', { name: '预约或取号' })).toBeVisible();
  await citizen.locator(`[data-also-service="${MEDICAL}"]`).click();
  await expect(citizen.locator(`[data-also-service="${MEDICAL}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(citizen, 'kiosk-visit-services');
  await screenshot(citizen, 'visits-kiosk-services');
  await citizen.getByRole('button', { name: '长辈版' }).click();
  await expectElderFriendly(citizen, 'kiosk-visit-services');
  await screenshot(citizen, 'visits-kiosk-services-elder');
  await citizen.locator('[data-take-number]').click();
  await expect(citizen.getByTestId('taken-number')).toHaveText(/^A\d{3}$/);
  const number = (await citizen.getByTestId('taken-number').textContent())!;
  await expect(citizen.getByTestId('taken-services').locator('li')).toHaveText(['社会保险个人参保缴费证明', '城乡居民基本医疗保险参保登记']);
  await expectElderFriendly(citizen, 'kiosk-visit-number');
  await expectAccessible(citizen, 'kiosk-visit-number-elder');
  await screenshot(citizen, 'visits-kiosk-number-elder');
  await citizen.context().close();

  // The citizen's two cases, one per service, as the kiosk submitted them.
  const certificate = await kioskSubmits(CERTIFICATE, { insuranceType: 'all', fromMonth: '2020-01-01', toMonth: '2024-12-01', purpose: 'housing' });
  const medical = await kioskSubmits(MEDICAL, { sex: '男', birthDate: '1999-12-31', phone: '13800138000', residency: 'local', address: '广东省深圳市南山区测试路1号' });

  await signIn(page);
  const wall = await context.newPage();
  await wall.goto(`${counter.url}&view=wall`);
  await expect(wall.getByText('请留意叫号')).toBeVisible();
  // The hall's wall on window 4 shows every window: it hears window 3's call on the platform's event stream.
  const otherDesk = await context.newPage();
  await signIn(otherDesk, otherCounter, demo.admin);
  const hallWall = await context.newPage();
  await hallWall.goto(`${otherCounter.url}&view=wall&windows=all`);
  await expect(hallWall.getByText('请留意叫号')).toBeVisible();

  const panel = page.getByTestId('ticket-calls');
  await panel.getByRole('button', { name: '叫排队号' }).click();
  await expect(panel.locator('[data-ticket-number]')).toHaveText(number);
  await expect(panel).toContainText('一次办理 2 个事项');
  await expect(wall.getByTestId('wall-number')).toHaveText(number);
  await expect(wall.getByTestId('wall-announcement')).toHaveText(`请${number}号到3号窗口`);
  // Well before the wall's own 10-second re-read: the platform's `event: call` brought it.
  await expect(hallWall.getByTestId('wall-number')).toHaveText(number, { timeout: 5_000 });
  await expect(hallWall.getByTestId('wall-announcement')).toHaveText(`请${number}号到3号窗口`);
  await expectAccessible(wall, 'wall-ticket');
  await screenshot(wall, 'visits-wall-ticket');
  await expectAccessible(page, 'desk-ticket-called');
  await screenshot(page, 'visits-desk-ticket');
  // 开始办理 ends the walking time of the ticket; the panel keeps the moment.
  await panel.getByRole('button', { name: '开始办理', exact: true }).click();
  await expect(panel.getByTestId('service-started')).toContainText('开始办理');

  await completeServiceCase(page, CERTIFICATE, certificate.queueNumber, '参保缴费证明一份');
  await completeServiceCase(page, MEDICAL, medical.queueNumber, '居民医保参保登记完成');
  await expect(panel.locator(`[data-visit-case="${certificate.caseId}"]`)).toContainText('已办结');
  await expect(panel.locator(`[data-visit-case="${medical.caseId}"]`)).toContainText('已办结');
  await screenshot(page, 'visits-desk-two-cases');
  await panel.getByRole('button', { name: '完成', exact: true }).click();
  await expect(page.getByText(`${number} 号已办理完成`)).toBeVisible();
  await expect(panel.getByRole('button', { name: '叫排队号' })).toBeVisible();

  const tickets = await platformCall('GET', '/v1/calls', 'clerk');
  expect(tickets.body.calls[0]).toMatchObject({ queueNumber: number, windowName: '3号窗口', ticket: true });
  await wall.close();
  await hallWall.close();
  await otherDesk.close();
});

test('transfer (same number, another window) and redirect (a new number) from the desk, recorded apart', async ({ page }) => {
  test.setTimeout(120_000);
  const first = await platformCall('POST', '/v1/tickets', 'kiosk', { serviceCode: CERTIFICATE });
  const second = await platformCall('POST', '/v1/tickets', 'kiosk', { serviceCode: CERTIFICATE });
  await signIn(page);
  const panel = page.getByTestId('ticket-calls');
  await expect(panel.getByTestId('ticket-next').locator('li strong')).toHaveText([first.body.number, second.body.number]);

  await panel.getByRole('button', { name: '叫排队号' }).click();
  await expect(panel.locator('[data-ticket-number]')).toHaveText(first.body.number);
  await panel.getByRole('button', { name: '转窗' }).click();
  await expect(panel.getByRole('button', { name: '确认转窗' })).toBeDisabled();
  await panel.getByLabel('转到窗口（可不填）').fill('5号窗口');
  await expectAccessible(page, 'desk-ticket-transfer');
  await screenshot(page, 'visits-desk-transfer');
  await panel.getByRole('button', { name: '确认转窗' }).click();
  await expect(page.getByText(`${first.body.number} 号已转到5号窗口`)).toBeVisible();
  await expect(panel.locator(`[data-ticket="${first.body.number}"]`)).toContainText('转至5号窗口');
  // Window 5 gets the same number, ahead of the one taken after it.
  const at5 = await platformCall('POST', '/v1/tickets/call', 'clerk', { window: '5号窗口' });
  expect(at5.body).toMatchObject({ ticketId: first.body.ticketId, number: first.body.number, transfers: 1 });

  await panel.getByRole('button', { name: '叫排队号' }).click();
  await expect(panel.locator('[data-ticket-number]')).toHaveText(second.body.number);
  await panel.getByRole('button', { name: '改派' }).click();
  await panel.getByLabel('改派到事项').selectOption(RESIDENCE);
  await expectAccessible(page, 'desk-ticket-redirect');
  await panel.getByRole('button', { name: '确认改派' }).click();
  const told = page.getByText(new RegExp(`${second.body.number} 号已结束，新号码 C\\d{3}`));
  await expect(told).toBeVisible();

  const transferred = await platformCall('GET', `/v1/tickets/${first.body.ticketId}/events`, 'clerk');
  expect(transferred.body.map((e: { type: string }) => e.type)).toContain('transferred');
  const redirected = await platformCall('GET', `/v1/tickets/${second.body.ticketId}/events`, 'clerk');
  expect(redirected.body.map((e: { type: string }) => e.type)).toEqual(['taken', 'called', 'redirected']);
});

test('a citizen cancels a booking on the phone page by its code, and the slot is free again', async ({ browser }) => {
  const ALL_DAY = [{ from: '00:00', to: '23:59' }];
  const hours = await call(platform.url, 'PUT', '/v1/fleet/settings', await staffToken(platform.url, demo.admin), {
    technicianPhone: null,
    webhookUrl: null,
    webhookSecret: null,
    openingHours: { timeZone: 'Asia/Shanghai', week: Array(7).fill(ALL_DAY), maintenanceAt: '03:00' },
  });
  expect(hours.status).toBe(200);
  const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  const slotsOf = async () =>
    (await (await fetch(`${platform.url}/v1/public/centres/${demo.centreId}/slots?serviceCode=${CERTIFICATE}&date=${tomorrow}`)).json()) as { start: string; free: number }[];
  const slot = (await slotsOf())[2]!;
  const booked = await fetch(`${platform.url}/v1/public/centres/${demo.centreId}/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceCode: CERTIFICATE, slotStart: slot.start, name: '测试赵六', idNumber: RESIDENT_ID, phone: '13500135000' }),
  });
  const { code } = (await booked.json()) as { code: string };
  expect((await slotsOf()).find((s) => s.start === slot.start)!.free).toBe(slot.free - 1);

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
  await phone.goto(`${platform.url}/book/${demo.centreId}/cancel`);
  await expect(phone.getByRole('heading', { name: '取消预约' })).toBeVisible();
  await expectAccessible(phone, 'booking-cancel');
  await phone.getByLabel(/签到码/).fill('ABCDEFGH2345');
  await phone.getByRole('button', { name: '取消这个预约' }).click();
  await expect(phone.getByRole('alert')).toContainText('没有找到这个签到码的预约');
  await expectAccessible(phone, 'booking-cancel-error');
  await phone.getByLabel(/签到码/).fill(code);
  await phone.getByRole('button', { name: '取消这个预约' }).click();
  await expect(phone.getByTestId('booking-cancelled')).toBeVisible();
  await expectAccessible(phone, 'booking-cancelled');
  await screenshot(phone, 'visits-booking-cancelled');
  const text = await phone.locator('body').innerText();
  for (const secret of ['测试赵六', RESIDENT_ID, '13500135000']) expect(text).not.toContain(secret);
  expect((await slotsOf()).find((s) => s.start === slot.start)!.free).toBe(slot.free);
  await phone.context().close();
});
