import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import type { Logger } from '../logging/logger';

export type BrowserMode = 'auto' | 'kiosk' | 'app' | 'none';

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Flags that keep a kiosk Chromium quiet on a closed network and free of browser chrome. */
export function chromiumArgs(url: string, mode: 'kiosk' | 'app', profileDir: string): string[] {
  return [
    mode === 'kiosk' ? '--kiosk' : '--start-maximized',
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
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
    '--password-store=basic',
    // Read-aloud speaks the attract screen and the idle warning before anyone has touched it.
    '--autoplay-policy=no-user-gesture-required',
  ];
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
  const args = chromiumArgs(options.url, mode === 'app' ? 'app' : 'kiosk', options.profileDir);
  // Running as root (a test machine) Chromium refuses to start without this.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(options.chromiumPath, args, { stdio: 'ignore' });
  child.on('error', (error) => log.error({ err: error }, 'Chromium failed to start'));
  return child;
}
