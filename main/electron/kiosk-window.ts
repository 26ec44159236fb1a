import { BrowserWindow } from 'electron';
import type { Logger } from '../logging/logger';
import { APP_ENTRY_URL } from './app-origin';
import { createReloadPolicy } from './reload-policy';

export interface KioskWindowOptions {
  preloadPath: string;
  /** Developer tools exist only in an unpackaged (development) run. */
  devTools: boolean;
  /** A packaged kiosk cannot be closed by the person in front of it, only by quitting the app. */
  closable: () => boolean;
  /** Called after the renderer died, before the page is loaded again. */
  onRendererLost: () => void;
  log: Logger;
}

/** How long a hung page may stay hung before its renderer is killed and the page reloaded. */
const HANG_GRACE_MS = 15_000;

export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const { log } = options;
  const win = new BrowserWindow({
    show: false,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: '通办',
    webPreferences: {
      // Electronegativity flags every preload for a manual review. Reviewed: preload.ts exposes
      // only invoke/onEvent on two fixed channels, never ipcRenderer, Node or an IPC event.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Read-aloud speaks the attract screen and the idle warning before anyone has touched it.
      autoplayPolicy: 'no-user-gesture-required',
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  });
  win.setMenu(null);
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (!options.closable()) event.preventDefault();
  });

  const reloads = createReloadPolicy();
  const load = () => {
    win.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error({ err: error }, 'the kiosk page failed to load'));
  };
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) log.error({ code, description, url: url.slice(0, 200) }, 'the kiosk page failed to load');
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer process gone');
    options.onRendererLost();
    const delay = reloads.nextDelay(Date.now());
    log.info({ delayMs: delay, failures: reloads.failures }, 'reloading the kiosk page');
    setTimeout(() => {
      if (!win.isDestroyed()) load();
    }, delay);
  });

  let hang: NodeJS.Timeout | undefined;
  win.on('unresponsive', () => {
    log.warn({ graceMs: HANG_GRACE_MS }, 'renderer unresponsive');
    clearTimeout(hang);
    // Killing the renderer ends in render-process-gone, which reloads the page.
    hang = setTimeout(() => {
      if (win.isDestroyed()) return;
      log.error('renderer still unresponsive: restarting it');
      win.webContents.forcefullyCrashRenderer();
    }, HANG_GRACE_MS);
  });
  win.on('responsive', () => {
    if (hang === undefined) return;
    clearTimeout(hang);
    hang = undefined;
    log.info('renderer responsive again');
  });
  win.on('closed', () => clearTimeout(hang));

  load();
  return win;
}
