import electronUpdater from 'electron-updater';
import type { TerminalConfig } from '../../kiosk-config/schema';
import { electronUpdateFeed } from '../fleet/electron-feed';
import type { Logger } from '../logging/logger';

export interface ElectronUpdates {
  /** Installs a downloaded release as the app quits (true), or has none to install (false). */
  installIfDownloaded(): boolean;
  stop(): void;
}

/**
 * electron-updater on the platform's feed (main/fleet/electron-feed.ts): checked every
 * `fleet.updates.checkSeconds`, downloaded in the background, and installed only when the
 * terminal quits, which it does at the nightly maintenance outside opening hours, on a remote
 * restart, or after a new configuration at an idle moment: never under a citizen. A packaged
 * app only; a development run has nothing to update.
 */
export function startElectronUpdates(config: TerminalConfig, isPackaged: boolean, log: Logger): ElectronUpdates {
  const feed = electronUpdateFeed(config.platform);
  if (!feed || !isPackaged) return { installIfDownloaded: () => false, stop: () => undefined };
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = {
    info: (message?: unknown) => log.info({ updater: message }, 'electron-updater'),
    warn: (message?: unknown) => log.warn({ updater: message }, 'electron-updater'),
    error: (message?: unknown) => log.error({ updater: message }, 'electron-updater'),
    debug: () => undefined,
  };
  autoUpdater.requestHeaders = feed.headers;
  autoUpdater.setFeedURL(feed.options);
  autoUpdater.autoDownload = true;
  // Our own will-quit handler ends the app with app.exit(), which skips electron-updater's quit hook: it installs through installIfDownloaded instead.
  autoUpdater.autoInstallOnAppQuit = false;
  let downloaded: string | undefined;
  autoUpdater.on('update-downloaded', (info) => {
    downloaded = info.version;
    log.info({ version: info.version }, 'update downloaded; it installs when the terminal next restarts');
  });
  autoUpdater.on('error', (error) => log.warn({ err: error }, 'update check failed'));
  const check = () => void autoUpdater.checkForUpdates().catch((error: unknown) => log.warn({ err: error }, 'update check failed'));
  check();
  const timer = setInterval(check, config.fleet.updates.checkSeconds * 1000);
  return {
    installIfDownloaded: () => {
      if (!downloaded) return false;
      log.info({ version: downloaded }, 'installing the downloaded update');
      autoUpdater.quitAndInstall(true, true);
      return true;
    },
    stop: () => clearInterval(timer),
  };
}
