import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startPlatform, type DemoCredentials, type Notice, type RunningPlatform } from '../../platform';
import { platformCall, staffToken } from './support/desk';
import { expectAccessible } from './support/accessibility';
import { expectElderFriendly } from './support/elder-mode';
import { callApi, placeCard } from './support/kiosk';
import { kioskOn } from './support/platform-process';
import { screenshot } from './support/screens';
import { startTerminal, type RunningTerminal } from './support/terminal-process';

/**
 * Visits end to end: a booking made on the platform's public page in a phone-sized browser, the
 * reminder the day before, check-in by ID card at a real kiosk terminal, served first, rated on
 * the ticket's page; and a remote number followed by SMS (three ahead), postponed once, then
 * called. The platform runs in this process on real HTTP with a clock the test moves; every
 * public page is checked with axe and for personal data.
 */
test.describe.configure({ mode: 'serial' });

const SERVICE = 'si-contribution-certificate';
const ELDER = { name: '测试钱奶奶', idNumber: '320102194003080028', phone: '13800138000' };
const ALL_DAY = [{ from: '00:00', to: '23:59' }];
const beijing = (local: string) => Date.parse(`${local}+08:00`);

let dir: string;
let platform: RunningPlatform;
let demo: DemoCredentials;
let kiosk: RunningTerminal;
let clock = beijing('2026-12-01T10:00:00');
const notices: Notice[] = [];

async function api(method: string, route: string, body?: unknown, who: 'admin' | 'clerk' | 'kiosk' = 'clerk') {
  const token = who === 'kiosk' ? demo.kiosk.credential : await staffToken(platform.url, demo[who]);
  const answer = await platformCall(platform.url, method, route, token, body);
  if (answer.status >= 300) throw new Error(`${method} ${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown> | undefined;
}

/** A page in its own context (axe needs one made by newContext), phone-sized unless told. */
async function newPage(browser: Browser, viewport = { width: 390, height: 844 }): Promise<Page> {
  return (await browser.newContext({ viewport, locale: 'zh-CN' })).newPage();
}

const callNext = (window: string) => api('POST', '/v1/tickets/call', { window, services: [SERVICE] });
async function smsTo(phone: string): Promise<string[]> {
  await platform.notificationsSettled();
  return notices.filter((n) => n.to === phone).map((n) => n.text);
}

/** Nothing personal beyond what the citizen typed, and that masked. */
async function expectNothingPersonal(page: Page): Promise<void> {
  const text = (await page.locator('body').innerText()) + (await page.content());
  for (const secret of [ELDER.idNumber, ELDER.phone, ELDER.name, '13700137000']) expect(text).not.toContain(secret);
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tongban-visits-e2e-'));
  const notifier = { channel: 'test', send: async (notice: Notice) => void notices.push(notice) };
  platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true, rateLimitPerMinute: 100_000, signInAttemptsPerMinute: 1_000, now: () => clock, notifier });
  demo = platform.demoCredentials!;
  await api('PUT', '/v1/fleet/settings', { technicianPhone: null, webhookUrl: null, webhookSecret: null, openingHours: { timeZone: 'Asia/Shanghai', week: Array(7).fill(ALL_DAY), maintenanceAt: '03:00' } }, 'admin');
  await api('PUT', '/v1/admin/visit-settings', { slotMinutes: 30, graceMinutes: 15, nearThreshold: 3, services: { [SERVICE]: { windows: 1, minutesPerCitizen: 15 } } }, 'admin');
  kiosk = await startTerminal(kioskOn(platform.url));
});

test.afterAll(async () => {
  await kiosk?.stop();
  await platform?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('book on the phone page → reminder → check-in by card at the kiosk → served first → rated', async ({ browser }) => {
  const phone = await newPage(browser);
  await phone.goto(`${platform.url}/book/${demo.centreId}`);
  await expect(phone.getByRole('heading', { name: '预约办事' })).toBeVisible();
  await phone.getByLabel('办理事项').selectOption(SERVICE);
  await phone.getByLabel('日期').selectOption('2026-12-02');
  await phone.getByRole('button', { name: '查看可预约时段' }).click();
  await expect(phone.getByRole('heading', { name: '选择时段并填写信息' })).toBeVisible();
  await expectAccessible(phone, 'booking-slots');
  await phone.getByRole('radio', { name: /^10:00–10:30/ }).check();
  await phone.getByLabel('姓名').fill(ELDER.name);
  await phone.getByLabel('身份证号码').fill('320102194003080029');
  await phone.getByLabel('手机号码').fill(ELDER.phone);
  await phone.getByRole('button', { name: '提交预约' }).click();
  await expect(phone.getByRole('alert')).toContainText('身份证号码不正确');
  await expectAccessible(phone, 'booking-error');
  await phone.getByRole('radio', { name: /^10:00–10:30/ }).check();
  await phone.getByLabel('身份证号码').fill(ELDER.idNumber);
  await phone.getByRole('button', { name: '提交预约' }).click();
  await expect(phone.getByRole('heading', { name: '预约成功' })).toBeVisible();
  await expect(phone.locator('main')).toContainText('320102********0028');
  await expect(phone.locator('main')).toContainText('138****8000');
  await expect(phone.getByTestId('booking-code')).toHaveText(/^[2-9A-Z]{12}$/);
  await expectNothingPersonal(phone);
  await expectAccessible(phone, 'booking-done');
  await screenshot(phone, 'visits-booked');

  // The day before: the reminder, once, with the time and nothing personal.
  clock = beijing('2026-12-01T18:00:00');
  expect((await platform.services.visits!.appointments.sweep()).reminders).toBe(1);
  const reminder = (await smsTo(ELDER.phone)).find((t) => t.includes('您预约的'));
  expect(reminder).toContain('12月2日 10:00');
  expect(reminder).not.toContain(ELDER.name);

  // The morning of: someone takes a number before the elder arrives.
  clock = beijing('2026-12-02T09:45:00');
  await phone.goto(`${platform.url}/live/${demo.centreId}`);
  await phone.getByLabel('办理事项').selectOption(SERVICE);
  await phone.getByRole('button', { name: '取号' }).click();
  const walkIn = (await phone.getByTestId('ticket-number').textContent())!;

  clock = beijing('2026-12-02T09:50:00');
  const page = await newPage(browser, { width: 1280, height: 1024 });
  await page.goto(kiosk.url);
  await placeCard(page, 'elder');
  await page.getByRole('button', { name: '预约签到' }).click();
  await expect(page.getByTestId('check-in-ticket')).toContainText('签到成功');
  const number = (await page.getByTestId('check-in-number').textContent())!;
  await expect(page.getByTestId('check-in-ticket')).toContainText('1 位');
  await expectAccessible(page, 'kiosk-check-in');
  await page.getByRole('button', { name: '长辈版' }).click();
  await expectElderFriendly(page, 'kiosk-check-in');
  await expectAccessible(page, 'kiosk-check-in-elder');
  await screenshot(page, 'visits-kiosk-check-in');

  clock = beijing('2026-12-02T10:01:00');
  const first = await callNext('3号窗口');
  expect(first?.number).toBe(number);
  expect((await callNext('4号窗口'))?.number).toBe(walkIn);
  await api('POST', `/v1/tickets/${String(first?.ticketId)}/finish`);

  const link = /查看、推迟或取消：(\S+)/.exec((await smsTo(ELDER.phone)).find((t) => t.includes('您已取号')) ?? '')?.[1];
  expect(link).toBeTruthy();
  await phone.goto(link!);
  await expect(phone.getByText('已办理')).toBeVisible();
  await expectAccessible(phone, 'ticket-rate');
  await phone.getByRole('radio', { name: '满意', exact: true }).check();
  await phone.getByRole('button', { name: '提交评价' }).click();
  await expect(phone.getByTestId('rated')).toBeVisible();
  await expectNothingPersonal(phone);
  await page.context().close();
  await phone.context().close();
});

test('a remote number → SMS at three ahead → postpone → called', async ({ browser }) => {
  clock = beijing('2026-12-02T14:00:00');
  for (let i = 0; i < 4; i += 1) await api('POST', '/v1/tickets', { serviceCode: SERVICE }, 'kiosk');
  const phone = await newPage(browser);
  await phone.goto(`${platform.url}/live/${demo.centreId}`);
  await expect(phone.locator(`tr[data-service="${SERVICE}"]`)).toContainText('4');
  await expectAccessible(phone, 'live');
  await screenshot(phone, 'visits-live');
  await phone.getByLabel('办理事项').selectOption(SERVICE);
  await phone.getByLabel(/手机号码/).fill('13700137000');
  await phone.getByRole('button', { name: '取号' }).click();
  await expect(phone.getByTestId('ahead')).toHaveText('4 位');
  await expect(phone.locator('main')).toContainText('137****7000');
  await expectNothingPersonal(phone);
  await expectAccessible(phone, 'ticket');
  const mine = (await phone.getByTestId('ticket-number').textContent())!;

  await callNext('1号窗口');
  const near = (await smsTo('13700137000')).find((t) => t.includes('前面还有 3 位'));
  expect(near).toBeTruthy();
  const link = /推迟或取消：(\S+)/.exec(near!)?.[1];
  await phone.goto(link!);
  await phone.getByRole('button', { name: /推迟一次/ }).click();
  await expect(phone.getByTestId('ahead')).toHaveText('3 位');
  await expect(phone.getByRole('button', { name: /推迟一次/ })).toHaveCount(0);

  for (let i = 0; i < 3; i += 1) expect((await callNext('1号窗口'))?.number).not.toBe(mine);
  expect((await callNext('2号窗口'))?.number).toBe(mine);
  expect((await smsTo('13700137000')).at(-1)).toContain(`请 ${mine} 号到 2号窗口`);
  await phone.reload();
  await expect(phone.locator('[data-status="called"]')).toContainText('2号窗口');
  await expectAccessible(phone, 'ticket-called');
  await phone.context().close();
});

test('at the kiosk: a number for now, a booking for the day after tomorrow for the card on the reader, its QR code too early, then at its time', async ({ browser }) => {
  // The kiosk's page counts days by the real clock: the platform's follows it here.
  clock = Date.now();
  const page = await newPage(browser, { width: 1280, height: 1024 });
  await page.goto(kiosk.url);
  await placeCard(page, 'resident');
  await page.locator(`[data-service="${SERVICE}"]`).click();
  await page.getByRole('button', { name: '预约或取号' }).click();
  await expect(page.getByRole('heading', { name: '预约或取号' })).toBeVisible();
  await page.getByRole('button', { name: '现场取号' }).click();
  await expect(page.getByTestId('taken-number')).toHaveText(/^A\d{3}$/);
  const info = await callApi<{ printers: { receipt: boolean } }>(page, 'terminal.info', {});
  await expect(page.getByTestId('number-taken')).toContainText(info.printers.receipt ? '请取走排队票' : '请记下您的排队号');
  await expectAccessible(page, 'kiosk-number');
  await page.getByRole('button', { name: '返回', exact: true }).click();

  await page.getByRole('button', { name: '预约或取号' }).click();
  // The day after tomorrow: tomorrow's first slot (00:00) is within check-in reach late in the evening.
  await page.getByRole('group', { name: '日期' }).getByRole('button').nth(2).click();
  await page.getByRole('group', { name: '预约时段' }).getByRole('button').first().click();
  await page.locator('#booking-phone').fill('13600136000');
  await expectAccessible(page, 'kiosk-booking');
  await page.getByRole('button', { name: '长辈版' }).click();
  await expectElderFriendly(page, 'kiosk-booking');
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page.getByTestId('booking-done')).toContainText('136****6000');
  const code = (await page.getByTestId('kiosk-booking-code').textContent())!;
  await screenshot(page, 'visits-kiosk-booked');

  // The booking's QR code carries the code; scanned today it is too early, at its time it checks in.
  await expect(callApi(page, 'visits.checkIn', { code })).rejects.toThrow(/visits\.tooEarly/);
  const bookedDay = new Date(Date.now() + 8 * 3_600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
  const slots = (await (await fetch(`${platform.url}/v1/public/centres/${demo.centreId}/slots?serviceCode=${SERVICE}&date=${bookedDay}`)).json()) as { start: string; free: number }[];
  clock = Date.parse(slots[0]!.start) - 10 * 60_000;
  // Its QR code read by the kiosk's keyboard-wedge scanner (a burst of keys and Enter); on a busy
  // machine the burst may come too slowly to count as a scan: scan again, as a citizen would.
  await expect(async () => {
    await page.keyboard.type(code, { delay: 0 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('check-in-number')).toHaveText(/^A\d{3}$/, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expectElderFriendly(page, 'kiosk-check-in-by-code');
  await page.context().close();
});
