import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { topCommand } from '../top-command';
import { startWatchdog } from '../../health/watchdog';
import { startTerminal } from '../../terminal';
import { startChromiumHost, UiNotBuiltError } from '../../host/chromium-host';
import { ElectronNotBuiltError, findElectronBinary, launchElectron } from '../../electron/electron-binary';
import { hasDisplay, launchChromium, type BrowserMode } from '../../host/chromium-launcher';
import { writeLaunchPage } from '../../host/launch-page';
import { createLogger } from '../../logging/logger';
import { projectRoot } from '../../project-root';
import { CliError } from '../cli-error';
import { configFromOptions, withConfigOptions } from '../load-config-option';

interface StartOptions {
  config?: string;
  set: string[];
  port?: string;
  browser?: BrowserMode;
  shell: 'auto' | 'electron' | 'chromium';
  /** A technician's explicit wish to see the page's address with its launch secret. */
  printSecret?: boolean;
}

/**
 * Electron where its binary was installed and there is a screen to open a window on; the
 * Chromium host everywhere else (no Electron download, a headless machine, a test run).
 */
async function start(options: StartOptions): Promise<void> {
  if (options.shell === 'chromium') return startChromiumShell(options);
  const binary = findElectronBinary();
  if (options.shell === 'electron' && !binary) {
    throw new CliError('the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD?): use --shell chromium');
  }
  if (!binary || !hasDisplay()) return startChromiumShell(options);
  const argv = [...(options.config ? ['--config', options.config] : []), ...options.set.flatMap((s) => ['--set', s])];
  try {
    const child = launchElectron(binary, argv);
    await new Promise<void>((resolve) => child.on('exit', (code) => {
      process.exitCode = code ?? 0;
      resolve();
    }));
  } catch (error) {
    if (error instanceof ElectronNotBuiltError) throw new CliError(error.message);
    throw error;
  }
}

async function startChromiumShell(options: StartOptions): Promise<void> {
  const sets = [...options.set];
  if (options.port !== undefined) sets.push(`host.port=${options.port}`);
  if (options.browser !== undefined) sets.push(`host.browser="${options.browser}"`);
  const { config, source, file } = configFromOptions({ config: options.config, set: sets });
  mkdirSync(config.storage.dataDir, { recursive: true });
  const log = createLogger({ level: config.logging.level, dir: config.storage.logDir });
  log.info({ source, terminalId: config.terminal.id, role: config.terminal.role }, 'starting the Chromium host');

  const terminal = await startTerminal({ config, configFile: file, shell: 'chromium-host', log });
  let host;
  try {
    host = await startChromiumHost({
      terminal,
      staticDir: path.join(projectRoot, 'dist/renderer'),
      port: config.host.port,
      log,
    });
  } catch (error) {
    await terminal.close();
    if (error instanceof UiNotBuiltError) throw new CliError(error.message);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(`port ${config.host.port} on 127.0.0.1 is already in use (set host.port or --port)`);
    }
    throw error;
  }
  const launchPage = writeLaunchPage(path.join(config.storage.dataDir, 'launch'), host.url);
  const browser = launchChromium({
    url: launchPage.fileUrl,
    mode: config.host.browser,
    chromiumPath: config.host.chromiumPath,
    profileDir: path.join(config.storage.dataDir, 'chromium-profile'),
    log,
  });
  // The secret is printed only on request: standard output ends up in logs other users can read.
  const where = options.printSecret ? host.url : `${host.origin} (launch page: ${launchPage.file})`;
  process.stdout.write(`Tongban terminal ${config.terminal.id} (${config.terminal.role}) ready: ${where}\n`);
  if (!browser) process.stdout.write('No display or browser to open it in: open the launch page above in Chromium.\n');
  const stopWatchdog = startWatchdog(log);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopWatchdog();
    browser?.kill();
    launchPage.remove();
    await host.close();
    await terminal.close();
    log.info('stopped');
    log.flush();
    // A restart the fleet asked for has set the exit code the supervisor restarts on.
    process.exit();
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  browser?.on('exit', () => void stop());
}

export function register(program: Command): void {
  withConfigOptions(
    topCommand(program, 'start')
      .option('--port <n>', 'Chromium host port on 127.0.0.1 (0 = any free port)')
      .option('--browser <mode>', 'open Chromium: auto (if a display exists), kiosk, app, none')
      .option('--shell <shell>', 'auto (Electron where installed and a display exists), electron, chromium', 'auto')
      .option('--print-secret', "technician only: print the page's address with its launch secret (otherwise it is in the 0600 launch page)"),
  ).action((options: StartOptions) => start(options));
}
