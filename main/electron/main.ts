/**
 * The Electron shell: the same terminal as the Chromium host, shown in a locked kiosk window
 * and reached over IPC. Built by scripts/build-electron.mjs into dist/electron/main.mjs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Menu, powerSaveBlocker, session, type BrowserWindow } from 'electron';
import { ConfigError, loadConfig } from '../../kiosk-config/load';
import type { TerminalConfig } from '../../kiosk-config/schema';
import { startTerminal, type Terminal } from '../terminal';
import { createLogger, type Logger } from '../logging/logger';
import { startElectronUpdates, type ElectronUpdates } from './auto-update';
import { ElectronPdfRenderer } from './electron-pdf-renderer';
import { guardAllWebContents, lockDownSession } from './harden';
import { connectTerminal } from './ipc';
import { createKioskWindow } from './kiosk-window';
import { DEBUG_SWITCHES, debugEnvironmentIn, debugSwitchesIn } from './launch-guard';
import { registerAppScheme, serveApp } from './protocol';
import { appArgs, parseShellArgs } from './shell-args';
import { errorMessage } from '../../common/errors';

const here = path.dirname(fileURLToPath(import.meta.url));
const uiRoot = path.join(here, '../renderer');
const preloadPath = path.join(here, 'preload.cjs');

function fail(title: string, message: string): never {
  process.stderr.write(`${title}: ${message}\n`);
  dialog.showErrorBox(title, message);
  app.exit(1);
  process.exit(1);
}

function refuseDebugging(): void {
  const found = [
    ...debugSwitchesIn(process.argv),
    ...DEBUG_SWITCHES.filter((name) => app.commandLine.hasSwitch(name)),
    ...debugEnvironmentIn(process.env),
  ];
  if (found.length === 0) return;
  const names = [...new Set(found)].join(', ');
  if (app.isPackaged) fail('Tongban', `refusing to run a kiosk open to a debugger (${names})`);
  process.stderr.write(`Tongban: development run with debugging enabled (${names})\n`);
}

function readConfiguration(): { config: TerminalConfig; file: string | undefined; source: string } {
  const args = parseShellArgs(appArgs(process.argv, process.defaultApp === true));
  try {
    // Relative storage paths mean "next to the terminal": the working folder when run from source, the app's per-user data folder when installed.
    return loadConfig({ file: args.config, sets: args.set, storageBase: app.isPackaged ? app.getPath('userData') : process.cwd() });
  } catch (error) {
    if (error instanceof ConfigError) fail('Tongban: invalid configuration', error.message);
    throw error;
  }
}

refuseDebugging();
if (!app.requestSingleInstanceLock()) {
  process.stderr.write('Tongban is already running on this machine.\n');
  app.exit(0);
  process.exit(0);
}
app.enableSandbox();
registerAppScheme();
const { config, file, source } = readConfiguration();
const log: Logger = createLogger({ level: config.logging.level, dir: config.storage.logDir });
guardAllWebContents(app, log);

let kioskWindow: BrowserWindow | undefined;
let terminal: Terminal | undefined;
let disconnect: (() => void) | undefined;
let updates: ElectronUpdates | undefined;
let quitting = false;

app.on('second-instance', () => {
  if (kioskWindow && !kioskWindow.isDestroyed()) kioskWindow.focus();
});
app.on('before-quit', () => {
  quitting = true;
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!terminal) return;
  event.preventDefault();
  const closing = terminal;
  terminal = undefined;
  disconnect?.();
  updates?.stop();
  closing
    .close()
    .catch((error: unknown) => log.error({ err: error }, 'terminal did not close cleanly'))
    .finally(() => {
      log.info('stopped');
      log.flush();
      if (!updates?.installIfDownloaded()) app.exit(0);
    });
});
process.on('SIGINT', () => app.quit());
process.on('SIGTERM', () => app.quit());

async function start(): Promise<void> {
  await app.whenReady();
  if (!existsSync(path.join(uiRoot, 'index.html'))) fail('Tongban', `the UI is not built (${uiRoot}): run npm run build`);
  log.info(
    { source, terminalId: config.terminal.id, role: config.terminal.role, electron: process.versions.electron },
    'starting the Electron shell',
  );
  Menu.setApplicationMenu(null);
  lockDownSession(session.defaultSession, log, { hasCamera: config.devices.camera !== undefined });
  serveApp(uiRoot, log);
  powerSaveBlocker.start('prevent-display-sleep');

  mkdirSync(config.storage.dataDir, { recursive: true });
  const booted = await startTerminal({
    config,
    configFile: file,
    shell: 'electron',
    log,
    shellVersions: { electron: process.versions.electron, chromium: process.versions.chrome },
    pdfRenderer: new ElectronPdfRenderer(),
  });
  terminal = booted;
  updates = startElectronUpdates(config, app.isPackaged, log);
  disconnect = connectTerminal(booted, () => kioskWindow, log);
  kioskWindow = createKioskWindow({
    preloadPath,
    devTools: !app.isPackaged,
    closable: () => quitting || !app.isPackaged,
    // Whatever the crashed page showed may have been personal: the session it belonged to
    // ends, and the setup screen locks, before the page comes back.
    onRendererLost: () => {
      void booted.dispatch(0, 'session.end', { reason: 'cancelled' });
      void booted.dispatch(0, 'setup.lock', {});
    },
    log,
  });
}

start().catch((error: unknown) => {
  log.fatal({ err: error }, 'the Electron shell failed to start');
  log.flush();
  fail('Tongban', `failed to start: ${errorMessage(error)}`);
});
