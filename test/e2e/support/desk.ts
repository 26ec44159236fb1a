import { expect, type Page } from '@playwright/test';
import { DEMO, kioskOn, startPlatformProcess, type RunningPlatform } from './platform-process';
import { startTerminal, type RunningTerminal } from './terminal-process';

export interface TerminalCredential {
  terminalId: string;
  secret: string;
}

export interface StaffAccount {
  username: string;
  password: string;
}

/** A terminal's bearer token (`tbt_<terminalId>.<secret>`, as an in-process platform's seed gives it) as its configuration. */
export function credentialOf(token: string): TerminalCredential {
  const [terminalId, secret] = token.replace(/^tbt_/, '').split(/\.(.*)/s) as [string, string];
  return { terminalId, secret };
}

/** The `--set` flags that make a terminal the counter at `windowName` on a platform, with a counter's credential. */
export function counterOn(url: string, windowName: string, credential: TerminalCredential = DEMO.counter): string[] {
  return ['terminal.role="counter"', `platform.url="${url}"`, `platform.credential=${JSON.stringify(credential)}`, `counter.windowName="${windowName}"`];
}

/** A staff account's bearer token from the platform at `url`, for set-up and checks the page would not show. */
export async function staffToken(url: string, account: StaffAccount): Promise<string> {
  const response = await fetch(`${url}/v1/staff/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (response.status !== 201) throw new Error(`sign-in of ${account.username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** One call to the platform's API under a bearer token; the status and the JSON body as the platform answered. */
// The bodies are JSON of many shapes, read field by field in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function platformCall(url: string, method: string, route: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
}

/**
 * Signs a counter page in as a person would (signing out whoever was there: the staff session
 * lives in the terminal process, so a reload may find it still signed in) and waits for the
 * screen of the account's role.
 */
export async function signInAtDesk(page: Page, deskUrl: string, account: StaffAccount, screen: RegExp = /排队等候/): Promise<void> {
  await page.goto(deskUrl);
  const form = page.getByRole('heading', { name: '窗口人员登录' });
  const signOut = page.getByRole('button', { name: '退出登录' });
  await expect(form.or(signOut)).toBeVisible();
  if (await signOut.isVisible()) await signOut.click();
  await expect(form).toBeVisible();
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: screen })).toBeVisible();
}

/** A centre through real processes: `tongban platform` with the demo seed, a kiosk, and a counter at each window. */
export interface Centre<Windows extends readonly string[] = readonly string[]> {
  platform: RunningPlatform;
  kiosk: RunningTerminal;
  /** The counters, one a window in the order named. */
  desks: { [K in keyof Windows]: RunningTerminal };
  /** Stops the terminals and the platform, and deletes the platform's files. */
  stop(): Promise<void>;
}

export async function startCentre<const Windows extends readonly string[]>(
  windows: Windows,
  options: { platformArgs?: string[]; kioskSets?: string[]; kioskEnv?: NodeJS.ProcessEnv } = {},
): Promise<Centre<Windows>> {
  const platform = await startPlatformProcess(options.platformArgs);
  const started: RunningTerminal[] = [];
  const stop = async () => {
    for (const terminal of started) await terminal.stop();
    await platform.dispose();
  };
  try {
    const kiosk = await startTerminal([...kioskOn(platform.url), ...(options.kioskSets ?? [])], { env: options.kioskEnv });
    started.push(kiosk);
    for (const window of windows) started.push(await startTerminal(counterOn(platform.url, window)));
    return { platform, kiosk, desks: started.slice(1) as Centre<Windows>['desks'], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** 不予受理 on the case open at the desk: a reason from the list, the particulars, and the confirmation it asks for. */
export async function rejectAtDesk(page: Page, reason: string, particulars: string): Promise<void> {
  await page.getByRole('button', { name: '不予受理' }).click();
  await page.getByLabel('不予受理原因').selectOption(reason);
  await page.getByLabel('具体说明').fill(particulars);
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByRole('button', { name: '确认不予受理' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('不予受理');
}
