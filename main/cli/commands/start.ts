import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { bootTerminal } from '../../boot';
import { startChromiumHost, UiNotBuiltError } from '../../host/chromium-host';
import { launchChromium, type BrowserMode } from '../../host/chromium-launcher';
import { createLogger } from '../../logging/logger';
import { CliError } from '../cli-error';
import { configFromOptions, withConfigOptions } from '../load-config-option';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface StartOptions {
  config?: string;
  set: string[];
  port?: string;
  browser?: BrowserMode;
}

async function startChromiumShell(options: StartOptions): Promise<void> {
  const sets = [...options.set];
  if (options.port !== undefined) sets.push(`host.port=${options.port}`);
  if (options.browser !== undefined) sets.push(`host.browser="${options.browser}"`);
  const { config, source, file } = configFromOptions({ config: options.config, set: sets });
  mkdirSync(config.storage.dataDir, { recursive: true });
  const log = createLogger({ level: config.logging.level, dir: config.storage.logDir });
  log.info({ source, terminalId: config.terminal.id, role: config.terminal.role }, 'starting the Chromium host');

  const terminal = await bootTerminal({ config, configFile: file, shell: 'chromium-host', log });
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
  const browser = launchChromium({
    url: host.url,
    mode: config.host.browser,
    chromiumPath: config.host.chromiumPath,
    profileDir: path.join(config.storage.dataDir, 'chromium-profile'),
    log,
  });
  process.stdout.write(`Tongban terminal ${config.terminal.id} (${config.terminal.role}) ready: ${host.url}\n`);
  if (!browser) process.stdout.write('No display or browser to open it in: open the URL above in Chromium.\n');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    browser?.kill();
    await host.close();
    await terminal.close();
    log.info('stopped');
    log.flush();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  browser?.on('exit', () => void stop());
}

export function register(program: Command): void {
  withConfigOptions(
    program
      .command('start')
      .description('run the terminal: the Electron window where Electron is installed, else the Chromium host')
      .option('--port <n>', 'Chromium host port on 127.0.0.1 (0 = any free port)')
      .option('--browser <mode>', 'open Chromium: auto (if a display exists), kiosk, app, none'),
  ).action((options: StartOptions) => startChromiumShell(options));
}
