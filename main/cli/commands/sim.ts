import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { topCommand } from '../top-command';
import { SIM_FAULTS, startIdCardSimulator, type SimFault } from '../../../drivers/idcard/simulator';
import { startQrSimulator } from '../../../drivers/qr/simulator';
import { CliError } from '../cli-error';
import { errorMessage } from '../../../common/errors';
import { DEFAULT_BAUD_RATE } from '../../../contract/terminal/baud-rates';

const out = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};

/** Reads commands from stdin until `quit`, end of input or a signal; each answer is one JSON line. */
async function commandLoop(handle: (verb: string, rest: string) => Promise<unknown>, close: () => Promise<void>): Promise<void> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  let closed = false;
  const finish = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    rl.close();
    await close();
  };
  process.once('SIGINT', () => void finish());
  process.once('SIGTERM', () => void finish());
  for await (const line of rl) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const [verb = '', ...rest] = trimmed.split(/\s+/);
    if (verb === 'quit' || verb === 'exit') break;
    try {
      out({ ok: true, command: verb, ...((await handle(verb, rest.join(' '))) as object) });
    } catch (error) {
      out({ ok: false, command: verb, error: errorMessage(error) });
    }
  }
  await finish();
}

interface IdcardSimOptions {
  link?: string;
  card?: string;
  baud: string;
  fault: string[];
  pace: boolean;
  slowMs: string;
}

export function register(program: Command): void {
  // Other device families (print.ts: the receipt printer) add their simulators to the same group.
  const sim = topCommand(program, 'sim');

  sim
    .command('idcard')
    .description(
      'act as an ID-card reader on a socat pty; prints {"device": PATH, ...} as one JSON line, then reads commands on stdin: ' +
        'place <card>, remove, fault <noise|bad-checksum|slow|sam-error|pull|none>, cards, unplug, replug, quit',
    )
    .option('--link <path>', 'path of the pty link the terminal opens (default: a temporary path)')
    .option('--card <id>', 'card placed at start')
    .option('--baud <rate>', 'rate the answers are paced at', String(DEFAULT_BAUD_RATE))
    .option('--fault <mode>', 'fault switched on at start (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--no-pace', 'send answers at once instead of at the line rate')
    .option('--slow-ms <ms>', 'delay of each answer in the slow fault', '400')
    .action(async (options: IdcardSimOptions) => {
      for (const f of options.fault) if (!SIM_FAULTS.includes(f as SimFault)) throw new CliError(`--fault ${f}: expected one of ${SIM_FAULTS.join(', ')}`);
      const baudRate = Number(options.baud);
      if (!Number.isInteger(baudRate) || baudRate <= 0) throw new CliError(`--baud ${options.baud}: expected a positive whole number`);
      const slowMs = Number(options.slowMs);
      if (!Number.isFinite(slowMs) || slowMs < 0) throw new CliError(`--slow-ms ${options.slowMs}: expected a number of milliseconds`);
      let running;
      try {
        running = await startIdCardSimulator({
          link: options.link,
          baudRate,
          pace: options.pace,
          slowMs,
          ...(options.card ? { card: options.card } : {}),
        });
      } catch (error) {
        throw new CliError(errorMessage(error));
      }
      const simulator = running.simulator;
      for (const f of options.fault) simulator.fault(f as SimFault);
      out({ device: running.device, card: simulator.card?.id ?? null, cards: simulator.listCards().map((c) => c.id) });
      await commandLoop(async (verb, rest) => {
        switch (verb) {
          case 'place':
            return { card: running.place(rest).id };
          case 'remove':
            running.remove();
            return {};
          case 'fault': {
            if (rest !== 'none' && !SIM_FAULTS.includes(rest as SimFault)) throw new Error(`unknown fault "${rest}"; faults: ${SIM_FAULTS.join(', ')}, none`);
            simulator.fault(rest as SimFault | 'none');
            return { faults: simulator.activeFaults };
          }
          case 'cards':
            return { cards: simulator.listCards().map((c) => ({ id: c.id, label: c.label, kind: c.face.kind })) };
          case 'unplug':
            await running.unplug();
            return {};
          case 'replug':
            await running.replug();
            return { device: running.device };
          default:
            throw new Error(`unknown command "${verb}"; commands: place <card>, remove, fault <mode>, cards, unplug, replug, quit`);
        }
      }, () => running.close());
    });

  sim
    .command('qr')
    .description('act as a serial QR scanner on a socat pty; prints {"device": PATH} as one JSON line, then reads commands on stdin: scan <payload> (alias send), quit')
    .option('--link <path>', 'path of the pty link the terminal opens (default: a temporary path)')
    .option('--terminator <t>', 'CR, LF or CRLF', 'CR')
    .action(async (options: { link?: string; terminator: string }) => {
      if (!['CR', 'LF', 'CRLF'].includes(options.terminator)) throw new CliError(`--terminator ${options.terminator}: expected CR, LF or CRLF`);
      let running;
      try {
        running = await startQrSimulator({ link: options.link, terminator: options.terminator as 'CR' | 'LF' | 'CRLF' });
      } catch (error) {
        throw new CliError(errorMessage(error));
      }
      out({ device: running.device, terminator: options.terminator });
      await commandLoop(async (verb, rest) => {
        if (verb !== 'scan' && verb !== 'send') throw new Error(`unknown command "${verb}"; commands: scan <payload> (or send <payload>), quit`);
        if (!rest) throw new Error('scan needs a payload');
        running.scan(rest);
        return { bytes: new TextEncoder().encode(rest).length };
      }, () => running.close());
    });
}
