import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { topCommand } from '../top-command';
import { identityToJson } from '../../../contract/identity';
import { decodeCapture } from '../../../drivers/idcard/read-answer';
import { CliError } from '../cli-error';

/**
 * Hex as a technician pastes it: pairs of hex digits, any whitespace or colons between them,
 * optional 0x prefixes. Anything else is named with its position.
 */
export function parseHexDump(text: string, source: string): Uint8Array {
  const digits = text.replace(/0x/gi, '').replace(/[\s:]/g, '');
  const bad = /[^0-9a-fA-F]/.exec(digits);
  if (bad) throw new CliError(`${source}: not hex: unexpected character ${JSON.stringify(bad[0])} at hex digit ${bad.index + 1}`);
  if (digits.length === 0) throw new CliError(`${source}: holds no bytes`);
  if (digits.length % 2 !== 0) throw new CliError(`${source}: odd number of hex digits (${digits.length}): a byte is missing a digit`);
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function readSource(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file === '-' ? 'stdin' : file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function register(program: Command): void {
  const idcard = topCommand(program, 'idcard');
  idcard
    .command('decode')
    .argument('<file>', "file holding reader output as hex ('-' for stdin): one answer frame, or a capture that may start mid-frame")
    .description('decode the first good card read (30 01 / 30 10) in saved reader output and print the card as JSON; the full ID number is printed')
    .action((file: string) => {
      const source = file === '-' ? 'stdin' : file;
      const bytes = parseHexDump(readSource(file), source);
      const result = decodeCapture(bytes);
      if (!result.ok) throw new CliError(`${source}: ${result.error}`);
      if (result.offset > 0) process.stderr.write(`tongban: ${source}: skipped ${result.offset} bytes before the first good frame\n`);
      process.stdout.write(`${JSON.stringify(identityToJson(result.identity), null, 2)}\n`);
    });
}
