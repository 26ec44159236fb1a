/**
 * bench/idcard: how fast a card is read at 115200 baud over a real pty and the real serialport
 * binding, beside the time its bytes alone take on the wire (the physical floor), and what idle
 * polling costs in CPU. The simulator runs as its own process (`tongban sim idcard`, answers
 * paced at the line rate) so that its work is not counted as the reader's.
 *
 * Run: npx tsx bench/idcard/run.ts [--reads N] [--idle-seconds S]
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { IdCardReader, SerialTransport, type CardRead } from '../../drivers/idcard';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) || fallback : fallback;
};
const reads = arg('--reads', 30);
const idleSeconds = arg('--idle-seconds', 10);
const BAUD = 115200;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}
const r1 = (n: number): number => Math.round(n * 10) / 10;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const sim = spawn(process.execPath, ['bin/tongban.js', 'sim', 'idcard', '--baud', String(BAUD)], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: sim.stdout })[Symbol.asyncIterator]();
const hello = JSON.parse(((await lines.next()).value as string) ?? '{}') as { device: string };
const send = async (command: string): Promise<void> => {
  sim.stdin.write(`${command}\n`);
  await lines.next();
};

// Baseline first: this same process, everything loaded, no reader open.
await sleep(1000);
const baseStart = process.cpuUsage();
await sleep(idleSeconds * 1000);
const base = process.cpuUsage(baseStart);

const reader = new IdCardReader({ transport: new SerialTransport({ path: hello.device, baudRate: BAUD }) });
const ready = new Promise<void>((resolve) => reader.on('state', (s) => s.state === 'ready' && resolve()));
await reader.open();
await ready;

const readMs: number[] = [];
const placeToCardMs: number[] = [];
const removeToRemovedMs: number[] = [];
for (let i = 0; i < reads; i += 1) {
  const card = new Promise<CardRead>((resolve) => reader.once('card', resolve));
  const placed = performance.now();
  await send('place resident');
  const read = await card;
  placeToCardMs.push(performance.now() - placed);
  readMs.push(read.timings.totalMs);
  const removed = new Promise<void>((resolve) => reader.once('removed', () => resolve()));
  const removing = performance.now();
  await send('remove');
  await removed;
  removeToRemovedMs.push(performance.now() - removing);
  await sleep(50);
}

// Idle: the reader polls with no card.
await sleep(500);
const idleStart = process.cpuUsage();
await sleep(idleSeconds * 1000);
const idle = process.cpuUsage(idleStart);
await reader.close();
sim.stdin.write('quit\n');
await new Promise((resolve) => sim.once('exit', resolve));

// Bytes of one read on the wire, both directions (the exchange is half-duplex in practice):
// find 10 out + 15 in, select 10 + 19, read 10 + 1295.
const wireBytes = 10 + 15 + 10 + 19 + 10 + 1295;
const wireMs = (wireBytes * 10 * 1000) / BAUD;
const perMinute = (usage: NodeJS.CpuUsage): number => r1(((usage.user + usage.system) / 1000) * (60 / idleSeconds));
const median = quantile(readMs, 0.5);

process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'idcard',
      baudRate: BAUD,
      transport: 'socat pty + serialport 13, simulator in its own process pacing answers at the line rate',
      reads,
      readMs: { median: r1(median), p95: r1(quantile(readMs, 0.95)), what: 'find command of the poll that saw the card, to the decoded identity: find + select + read text and photo + decode' },
      wire: { bytes: wireBytes, ms: r1(wireMs), what: 'the same exchange as bits on the wire at 115200 8N1: the physical floor' },
      ratioToWire: Math.round((median / wireMs) * 100) / 100,
      placeToCardMs: { median: r1(quantile(placeToCardMs, 0.5)), p95: r1(quantile(placeToCardMs, 0.95)), what: 'card placed (simulator command) to card event, poll interval 200 ms included' },
      removeToRemovedMs: { median: r1(quantile(removeToRemovedMs, 0.5)), p95: r1(quantile(removeToRemovedMs, 0.95)) },
      idleCpu: {
        windowSeconds: idleSeconds,
        pollingMsPerMinute: perMinute(idle),
        baselineMsPerMinute: perMinute(base),
        addedMsPerMinute: r1(perMinute(idle) - perMinute(base)),
        addedPercentOfOneCore: Math.round(((perMinute(idle) - perMinute(base)) / 60_000) * 100 * 1000) / 1000,
        what: `process.cpuUsage over ${idleSeconds} s scaled to a minute: polling with no card vs the same process before the reader was opened`,
      },
    },
    null,
    2,
  )}\n`,
);
