import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { benchOnBothStores } from './both-stores';
import { quietHeartbeat } from '../../test/fixtures/fleet/heartbeat';

/**
 * Fleet heartbeats on one platform process, on SQLite and on PostgreSQL (a city's store): the rate it sustains beside its health
 * baseline at the same concurrency, and the CPU the server process spends per heartbeat,
 * measured from /proc while heartbeats arrive at a city's pace (300 centres × 20 terminals,
 * one each per 30 s = 200/s). The server runs in its own process; its start-up (registering
 * the terminals) is timed apart from the work. Prints one JSON document.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CENTRES = 30;
const PER_CENTRE = 20;
const CONCURRENCY = 20;
const CITY_TERMINALS = 300 * 20;
const CITY_RATE = CITY_TERMINALS / 30;
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
const progress = (line: string) => process.stderr.write(`bench/platform/heartbeats: ${line}\n`);

function beat(n: number): string {
  const body = quietHeartbeat({
    uptimeSeconds: 3600 + n,
    devices: [
      { role: 'idcard', state: 'ready', conditions: [] },
      { role: 'qr', state: 'ready', conditions: [] },
      { role: 'a4Printer', state: 'ready', conditions: n % 50 === 0 ? ['paper-near-end'] : [] },
      { role: 'receiptPrinter', state: 'ready', conditions: [] },
      { role: 'scanner', state: 'ready', conditions: [] },
    ],
    outbox: { depth: n % 3, oldestAgeSeconds: n % 3 ? 20 : null },
    syncLagSeconds: 12,
    disk: { freeBytes: 40e9, totalBytes: 120e9 },
    memory: { rssBytes: 180e6, freeBytes: 2e9, totalBytes: 8e9 },
  });

  return JSON.stringify(body);
}

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

async function startServer(db: string): Promise<{ url: string; terminals: string[]; child: ChildProcess; startSeconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'server.ts'), db, String(CENTRES), String(PER_CENTRE), '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const { url, terminals } = JSON.parse(line) as { url: string; terminals: string[] };
  return { url, terminals, child, startSeconds: round((performance.now() - started) / 1000, 2) };
}

async function send(url: string, credential: string, n: number): Promise<boolean> {
  const response = await fetch(`${url}/v1/terminals/me/heartbeat`, { method: 'PUT', headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' }, body: beat(n) });
  await response.arrayBuffer();
  return response.status === 200;
}

async function health(url: string): Promise<boolean> {
  const response = await fetch(`${url}/v1/health`);
  await response.arrayBuffer();
  return response.status === 200;
}

/**
 * As fast as `workers` loops go for SECONDS. The server's and this process's CPU shares show
 * which side limited the rate (on two shared cores it is often the load generator).
 */
async function flat(workers: number, op: (i: number) => Promise<boolean>, pid: number) {
  const serverBefore = cpuSeconds(pid);
  const selfBefore = process.cpuUsage();
  let ok = 0;
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        if (await op(n++).catch(() => false)) ok += 1;
        else errors += 1;
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const self = process.cpuUsage(selfBefore);
  return {
    operations: ok,
    perSecond: round(ok / wall, 1),
    errors,
    serverCoreFraction: round((cpuSeconds(pid) - serverBefore) / wall),
    loadGeneratorCoreFraction: round((self.user + self.system) / 1e6 / wall),
  };
}

/** Heartbeats at a fixed rate for SECONDS, round-robin over the terminals; the server's CPU is read before and after. */
async function paced(server: { url: string; terminals: string[]; child: ChildProcess }, rate: number) {
  const total = Math.round(rate * SECONDS);
  const pid = server.child.pid!;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const inFlight: Promise<boolean>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(server.url, server.terminals[i % server.terminals.length]!, i).catch(() => false));
  }
  const results = await Promise.all(inFlight);
  const wall = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(pid) - cpuBefore;
  return {
    heartbeatsPerSecond: rate,
    /** What the sender achieved: below `rate` when this machine could not keep the pace. */
    achievedPerSecond: round(total / wall, 1),
    sent: total,
    errors: results.filter((r) => !r).length,
    serverCpuSeconds: round(cpu),
    wallSeconds: round(wall, 2),
    /** Share of one core the server used at the achieved rate. */
    coreFractionAtAchievedRate: round(cpu / wall),
    cpuMsPerHeartbeat: round((cpu / total) * 1000),
  };
}

async function benchStore(db: string, store: string) {
  const server = await startServer(db);
  progress(`${store} server at ${server.url}, ${server.terminals.length} terminals, started in ${server.startSeconds} s`);
  try {
    const idle = await (async () => {
      const before = cpuSeconds(server.child.pid!);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return round(cpuSeconds(server.child.pid!) - before);
    })();
    await flat(CONCURRENCY, () => health(server.url), server.child.pid!); // warm-up
    const baseline = await flat(CONCURRENCY, () => health(server.url), server.child.pid!);
    progress(`${store} health x${CONCURRENCY}: ${baseline.perSecond}/s`);
    const sustained = await flat(CONCURRENCY, (i) => send(server.url, server.terminals[i % server.terminals.length]!, i), server.child.pid!);
    progress(`${store} heartbeats x${CONCURRENCY}: ${sustained.perSecond}/s`);
    const city = await paced(server, CITY_RATE);
    progress(`${store} city pace ${CITY_RATE}/s (achieved ${city.achievedPerSecond}/s): ${city.cpuMsPerHeartbeat} ms CPU per heartbeat`);
    return {
      store,
      serverStartSeconds: server.startSeconds,
      serverIdleCpuSecondsPerSecond: idle,
      baselineHealth: { concurrency: CONCURRENCY, ...baseline },
      heartbeats: { concurrency: CONCURRENCY, ...sustained, ratioToBaseline: round(sustained.perSecond / baseline.perSecond) },
      city: {
        terminals: CITY_TERMINALS,
        intervalSeconds: 30,
        ...city,
        /** The CPU per heartbeat times the city's rate: the figure the goal is about. */
        projectedCoreFraction: round((city.cpuMsPerHeartbeat * CITY_RATE) / 1000),
        goal: 'under 0.10 of one core',
        meetsGoal: (city.cpuMsPerHeartbeat * CITY_RATE) / 1000 < 0.1,
        terminalsOneCoreCouldCarryAt30s: Math.floor((30 * 1000) / city.cpuMsPerHeartbeat),
      },
    };
  } finally {
    await new Promise<void>((resolve) => {
      server.child.once('exit', () => resolve());
      server.child.kill('SIGTERM');
    });
  }
}

await benchOnBothStores('platform-heartbeats', {}, async ({ dir, postgres }) => {
  const loadBefore = loadavg();
  const results = [await benchStore(path.join(dir, 'fleet.db'), 'sqlite'), await benchStore(await postgres.createDatabase('fleet_bench'), 'postgres')];
  return {
    node: process.version,
    secondsPerMeasurement: SECONDS,
    terminalsRegistered: CENTRES * PER_CENTRE,
    note: 'the server is measured through /proc (its user+system CPU, all its threads); rates on a shared 2-core machine are bounded by it',
    results,
    loadAverage: { before: loadBefore.map((n) => round(n, 2)), after: loadavg().map((n) => round(n, 2)), note: '1, 5 and 15 minute load averages of the machine' },
  };
});
