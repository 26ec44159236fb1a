import path from 'node:path';
import type { Command } from 'commander';
import { topCommand } from '../top-command';
import { HEALTH_INTERVAL_MS, readHealthFile } from '../../health/health-file';
import { CliError } from '../cli-error';
import { configFromOptions, withConfigOptions } from '../load-config-option';

export function register(program: Command): void {
  withConfigOptions(
    topCommand(program, 'health'),
  ).action((options: { config?: string; set: string[] }) => {
    const { config } = configFromOptions(options);
    const found = readHealthFile(config.storage.dataDir);
    if (!found) {
      throw new CliError(`no health snapshot in ${path.resolve(config.storage.dataDir)}: is the terminal running with this configuration?`);
    }
    const stale = found.ageSeconds * 1000 > 3 * HEALTH_INTERVAL_MS;
    process.stdout.write(`${JSON.stringify({ ...found.snapshot, ageSeconds: found.ageSeconds, stale }, null, 2)}\n`);
    if (stale) process.exitCode = 2;
  });
}
