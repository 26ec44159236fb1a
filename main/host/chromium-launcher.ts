import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger';

export type BrowserMode = 'auto' | 'kiosk' | 'app' | 'none';

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export interface ScreenSize {
  width: number;
  height: number;
}

/** The language the browser itself runs in: the page's, so it never offers to translate it. */
const BROWSER_LANGUAGE = 'zh-CN';

/**
 * Flags that keep a kiosk Chromium quiet on a closed network and free of browser chrome. With
 * the screen's size the window is placed over all of it: without a window manager `--kiosk`
 * alone leaves a smaller window in a corner, and Chromium keeps such a window one pixel short
 * of the size it is given, hence the extra pixel.
 */
export function chromiumArgs(url: string, mode: 'kiosk' | 'app', profileDir: string, screen?: ScreenSize): string[] {
  return [
    mode === 'kiosk' ? '--kiosk' : '--start-maximized',
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    ...(screen ? ['--window-position=0,0', `--window-size=${screen.width + 1},${screen.height + 1}`] : []),
    `--lang=${BROWSER_LANGUAGE}`,
    `--accept-lang=${BROWSER_LANGUAGE}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,TouchpadOverscrollHistoryNavigation',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--hide-crash-restore-bubble',
    '--disable-notifications',
    '--deny-permission-prompts',
    '--password-store=basic',
    // Read-aloud speaks the attract screen and the idle warning before anyone has touched it.
    '--autoplay-policy=no-user-gesture-required',
  ];
}

/**
 * The profile's own settings, written before each launch: the flags alone do not stop the
 * translate bubble (Chromium 156 still offers it), the profile's `translate.enabled` does; a
 * clean exit recorded keeps the "restore pages?" bubble away after a power cut.
 */
export function prepareProfile(profileDir: string): void {
  const file = path.join(profileDir, 'Default', 'Preferences');
  mkdirSync(path.dirname(file), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // A missing or damaged file is replaced: it holds nothing the kiosk needs to keep.
  }
  const settings = {
    ...current,
    translate: { enabled: false },
    intl: { accept_languages: BROWSER_LANGUAGE, selected_languages: BROWSER_LANGUAGE },
    browser: { check_default_browser: false, has_seen_welcome_page: true },
    profile: { ...(current.profile as object | undefined), exit_type: 'Normal', exited_cleanly: true },
    credentials_enable_service: false,
  };
  writeFileSync(file, JSON.stringify(settings));
}

/** The X screen's size (`xwininfo -root`, x11-utils); undefined under Wayland or without the tool. */
export function x11ScreenSize(env: NodeJS.ProcessEnv = process.env): ScreenSize | undefined {
  if (!env.DISPLAY) return undefined;
  try {
    const out = execFileSync('xwininfo', ['-root'], { env, timeout: 3000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const width = Number(/Width:\s*(\d+)/.exec(out)?.[1]);
    const height = Number(/Height:\s*(\d+)/.exec(out)?.[1]);
    return width > 0 && height > 0 ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

export interface LaunchOptions {
  url: string;
  mode: BrowserMode;
  chromiumPath: string;
  profileDir: string;
  log: Logger;
}

/** Opens the page where a display exists; returns undefined where the URL has to be printed instead. */
export function launchChromium(options: LaunchOptions): ChildProcess | undefined {
  const { mode, log } = options;
  if (mode === 'none' || (mode === 'auto' && !hasDisplay())) return undefined;
  if (!existsSync(options.chromiumPath)) {
    log.warn({ chromiumPath: options.chromiumPath }, 'Chromium not found; open the URL by hand');
    return undefined;
  }
  // The profile keeps the page's address (with its secret) in its history: for this user only.
  mkdirSync(options.profileDir, { recursive: true, mode: 0o700 });
  chmodSync(options.profileDir, 0o700);
  prepareProfile(options.profileDir);
  const kiosk = mode !== 'app';
  const screen = kiosk ? x11ScreenSize() : undefined;
  if (kiosk && process.env.DISPLAY && !screen) log.warn({ display: process.env.DISPLAY }, 'screen size unknown (xwininfo): the window may not fill the screen without a window manager');
  const args = chromiumArgs(options.url, kiosk ? 'kiosk' : 'app', options.profileDir, screen);
  // Running as root (a test machine) Chromium refuses to start without this; --test-type keeps
  // the "unsupported command-line flag" infobar it would show off the kiosk.
  if (process.getuid?.() === 0) args.push('--no-sandbox', '--test-type');
  const child = spawn(options.chromiumPath, args, { stdio: 'ignore' });
  child.on('error', (error) => log.error({ err: error }, 'Chromium failed to start'));
  return child;
}
