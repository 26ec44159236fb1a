import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { topCommand } from '../top-command';
import { ConfigError, parseConfig, readConfigFile } from '../../../kiosk-config/load';
import { hashSecret } from '../../../common/scrypt-hash';
import { CliError } from '../cli-error';

function validate(file: string): void {
  try {
    const config = parseConfig(readConfigFile(file), file);
    process.stdout.write(`${file}: valid (${config.terminal.role} ${config.terminal.id})\n`);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

async function hashPinCommand(): Promise<void> {
  const pin = readFileSync(0, 'utf8').trim();
  if (!/^\d{6,12}$/.test(pin)) throw new CliError('the PIN on standard input must be 6 to 12 digits');
  process.stdout.write(`${await hashSecret(pin)}\n`);
}

export function register(program: Command): void {
  const config = topCommand(program, 'config');
  config
    .command('validate <file>')
    .description('check a configuration file (- for standard input) against the schema; names every bad key')
    .action(validate);
  config
    .command('hash-pin')
    .description('read a technician PIN on standard input and print the hash for technician.pinHash')
    .action(hashPinCommand);
}
