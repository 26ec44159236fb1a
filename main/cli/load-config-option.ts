import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../../kiosk-config/load';
import { CliError } from './cli-error';

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The options every command that runs a terminal shares. */
export function withConfigOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'terminal configuration (JSON); default: $TONGBAN_CONFIG or the demo site')
    .option('--set <key=value>', 'override one setting, e.g. --set session.idleSeconds=60 (repeatable)', collect, []);
}

export function configFromOptions(options: { config?: string; set?: string[] }): ReturnType<typeof loadConfig> {
  try {
    return loadConfig({ file: options.config, sets: options.set ?? [] });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}
