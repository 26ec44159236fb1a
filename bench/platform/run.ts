import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startLocalPostgres } from '../../test/integration/platform/local-postgres';

/**
 * Platform benchmark: intake throughput and latency at 1, 10 and 100 concurrent terminals,
 * queue-claim throughput with 10 concurrent clerks, and the time from a kiosk's submit to the
 * counter's event stream seeing the case, on SQLite and on PostgreSQL. Each figure stands
 * beside a baseline measured in the same run: the same server answering GET /v1/health at the
 * same concurrency; each intake figure also beside the same POST sent to an address with no
 * route (`noRoutePost`: the ceiling the client and the HTTP layer leave any intake). Then the
 * back office's approval (后台审批) and the pickup at the window
 * (一口发证: search by case, hand over against a signature) with 10 concurrent staff, each beside
 * the health baseline at 10. The server runs in its own process; this one only generates load.
 * Prints one JSON document.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const WARM_UP_SECONDS = 0.5;
const LEVELS = [1, 10, 100];
const CENTRES = 10;
const CLERKS = 10;

interface Server {
  url: string;
  dialect: string;
  terminals: string[];
  clerks: string[];
  backOffice: string[];
  child: ChildProcess;
}

async function startServer(db: string, options: { join?: boolean; keyFile?: string } = {}): Promise<Server> {
  const args = [path.join(here, 'server.ts'), db, String(CENTRES), String(Math.max(...LEVELS) / CENTRES), String(CLERKS), ...(options.join ? ['join'] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...(options.keyFile ? { BENCH_KEY_FILE: options.keyFile } : {}) },
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { ...(JSON.parse(line) as Omit<Server, 'child'>), child };
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

interface Figures {
  concurrency: number;
  operations: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** The server processes' user+system CPU per operation (from /proc): steady where rates are not, on a busy machine. */
  serverCpuMsPerOp?: number;
}

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** utime + stime of processes, in milliseconds. */
function cpuMs(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return sum + ((Number(fields[11]) + Number(fields[12])) / CLK_TCK) * 1000;
  }, 0);
}

/**
 * Runs `workers` loops of `op` for `SECONDS`; op(worker) resolves true on success. With `pids`,
 * the CPU those server processes spent is reported per operation.
 */
async function load(workers: number, op: (worker: number) => Promise<boolean>, stopWhen?: () => boolean, pids: number[] = [], seconds = SECONDS): Promise<Figures> {
  const cpuBefore = cpuMs(pids);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < deadline && !stopWhen?.()) {
        const t = performance.now();
        const ok = await op(worker).catch(() => false);
        if (ok) latencies.push(performance.now() - t);
        else errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency: workers,
    operations: latencies.length,
    perSecond: round(latencies.length / elapsed, 1),
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    errors,
    ...(pids.length > 0 && latencies.length > 0 ? { serverCpuMsPerOp: round((cpuMs(pids) - cpuBefore) / latencies.length, 3) } : {}),
  };
}

/** Health's CPU per request over the operation's: the throughput ratio a CPU-bound server would show. */
function cpuRatio(op: Figures, base: Figures): number | undefined {
  return op.serverCpuMsPerOp && base.serverCpuMsPerOp ? round(base.serverCpuMsPerOp / op.serverCpuMsPerOp, 3) : undefined;
}

const ID = '440305199912310011';
function caseBody(): string {
  return JSON.stringify({
    caseId: randomUUID(),
    serviceCode: 'si-contribution-certificate',
    submittedAt: new Date().toISOString(),
    visitId: 'bench',
    applicant: { name: '李四', idNumber: ID, phone: '13800138000' },
    form: { name: '李四', idNumber: ID, insuranceType: 'all', fromMonth: '2020-01-01', toMonth: '2024-12-01', purpose: 'housing' },
  });
}

async function health(url: string): Promise<boolean> {
  const response = await fetch(`${url}/v1/health`);
  await response.arrayBuffer();
  return response.status === 200;
}

async function postCase(url: string, credential: string, expected: number): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
    body: caseBody(),
  });
  await response.arrayBuffer();
  return response.status === expected;
}

const intake = (url: string, credential: string) => postCase(`${url}/v1/cases`, credential, 201);

/**
 * The same POST (headers and body) to an address with no route, answered 404 after the
 * credential is checked: what the request costs this client and the server's HTTP layer alone,
 * the most any intake could reach in this run.
 */
const noRoute = (url: string, credential: string) => postCase(`${url}/v1/no-such-route`, credential, 404);

/** Kiosk POST → the counter's SSE stream delivers the `submitted` event: what a clerk waits for. */
async function submitToVisible(server: Server, samples: number): Promise<{ samples: number; p50Ms: number; p99Ms: number }> {
  let cursor = 0;
  for (let more = true; more; ) {
    const page = (await (
      await fetch(`${server.url}/v1/events?after=${cursor}&limit=500`, { headers: { authorization: `Bearer ${server.clerks[0]}` } })
    ).json()) as { cursor: number; hasMore: boolean };
    cursor = page.cursor;
    more = page.hasMore;
  }
  const controller = new AbortController();
  const response = await fetch(`${server.url}/v1/events/stream?after=${cursor}`, {
    headers: { authorization: `Bearer ${server.clerks[0]}` },
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const seen = new Map<string, () => void>();
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (data) seen.get((JSON.parse(data) as { caseId: string }).caseId)?.();
      }
    }
  })();
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const body = caseBody();
    const caseId = (JSON.parse(body) as { caseId: string }).caseId;
    const visible = new Promise<void>((resolve) => seen.set(caseId, resolve));
    const t = performance.now();
    const posted = await fetch(`${server.url}/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.terminals[0]}`, 'content-type': 'application/json' },
      body,
    });
    await posted.arrayBuffer();
    await visible;
    times.push(performance.now() - t);
  }
  controller.abort();
  times.sort((a, b) => a - b);
  return { samples, p50Ms: round(percentile(times, 0.5)), p99Ms: round(percentile(times, 0.99)) };
}

async function post(url: string, token: string, body: unknown): Promise<Response> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await response.arrayBuffer().catch(() => undefined);
  return response;
}

/** A 1×1 PNG: the signature image every pickup in the run refers to (uploaded once, as a counter would). */
const SIGNATURE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * 后台审批 and 一口发证 on the cases the claim run took: each is accepted and sent to 社保 first
 * (set-up, timed apart), then approved by 10 back-office staff, then found and collected by 10
 * window clerks. Both beside the health baseline at the same concurrency.
 */
async function benchCycle(server: Server, claimed: Map<string, number>) {
  const cases = [...claimed.entries()].slice(0, 3000);
  const setupStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CLERKS }, async () => {
      for (let i = next++; i < cases.length; i = next++) {
        const [caseId, worker] = cases[i]!;
        const clerk = server.clerks[worker]!;
        await post(`${server.url}/v1/cases/${caseId}/decisions`, clerk, { decision: 'accept' });
        await post(`${server.url}/v1/cases/${caseId}/decisions`, clerk, { decision: 'transfer' });
      }
    }),
  );
  const setupSeconds = round((performance.now() - setupStarted) / 1000, 2);
  await load(CLERKS, () => health(server.url));
  const base = await load(CLERKS, () => health(server.url));
  const toDecide = cases.map(([caseId]) => caseId);
  let decided = 0;
  const decisions = await load(
    CLERKS,
    async (worker) => {
      const caseId = toDecide[decided++];
      if (!caseId) return false;
      const response = await post(`${server.url}/v1/back-office/cases/${caseId}/decisions`, server.backOffice[worker]!, {
        decision: 'approve',
        result: { documentNumber: `B-${decided}`, decisionText: '准予办理' },
      });
      return response.status === 200;
    },
    () => decided >= toDecide.length,
  );
  progress(`${server.dialect} back-office approvals: ${decisions.perSecond}/s`);
  const sha = createHash('sha256').update(SIGNATURE_PNG).digest('hex');
  await fetch(`${server.url}/v1/blobs/${sha}`, { method: 'PUT', headers: { authorization: `Bearer ${server.clerks[0]}`, 'content-type': 'image/png' }, body: SIGNATURE_PNG });
  const toCollect = toDecide.slice(0, decisions.operations);
  let collected = 0;
  const signature = { png: sha, vector: { width: 300, height: 100, strokes: [[[1, 1, 0], [20, 30, 16]]] } };
  const pickups = await load(
    CLERKS,
    async (worker) => {
      const caseId = toCollect[collected++];
      if (!caseId) return false;
      const token = server.clerks[worker]!;
      const found = await fetch(`${server.url}/v1/pickups/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ by: 'case', caseId }),
      });
      const { pickups: list } = (await found.json()) as { pickups: { pickupId: string }[] };
      if (!list[0]) return false;
      const response = await post(`${server.url}/v1/pickups/${list[0].pickupId}/collect`, token, {
        method: 'counter',
        foundBy: 'case',
        collector: { kind: 'self' },
        windowName: `${worker + 1}号窗口`,
        signature,
      });
      return response.status === 200;
    },
    () => collected >= toCollect.length,
  );
  progress(`${server.dialect} pickups: ${pickups.perSecond}/s`);
  return {
    cycleSetup: { cases: cases.length, seconds: setupSeconds, note: 'accept + transfer of each claimed case, before the timed runs' },
    cycleBaselineHealth: base,
    backOfficeDecision: { ...decisions, ratioToBaseline: round(decisions.perSecond / base.perSecond, 3) },
    pickup: { ...pickups, note: 'search by case id + collect with a signature', ratioToBaseline: round(pickups.perSecond / base.perSecond, 3) },
  };
}

const progress = (line: string) => process.stderr.write(`bench/platform: ${line}\n`);

async function benchStore(db: string) {
  const server = await startServer(db);
  progress(`${server.dialect} server at ${server.url}`);
  try {
    const baseline: Figures[] = [];
    const intakeFigures: (Figures & { ratioToBaseline: number; cpuRatioToBaseline: number | undefined; noRoutePost: Figures & { ratioToBaseline: number } })[] = [];
    for (const level of LEVELS) {
      const pids = [server.child.pid!];
      await load(level, () => health(server.url)); // warm-up of connections and JIT
      const base = await load(level, () => health(server.url), undefined, pids);
      progress(`${server.dialect} health x${level}: ${base.perSecond}/s`);
      baseline.push(base);
      // The intake path's own warm-up (its JIT, its statements prepared) at this concurrency, apart from the figure.
      await load(level, (worker) => intake(server.url, server.terminals[worker]!), undefined, [], WARM_UP_SECONDS);
      const figures = await load(level, (worker) => intake(server.url, server.terminals[worker]!), undefined, pids);
      progress(`${server.dialect} intake x${level}: ${figures.perSecond}/s, ${figures.errors} errors, ${figures.serverCpuMsPerOp} ms CPU each`);
      await load(level, (worker) => noRoute(server.url, server.terminals[worker]!), undefined, [], WARM_UP_SECONDS);
      const floor = await load(level, (worker) => noRoute(server.url, server.terminals[worker]!), undefined, pids);
      progress(`${server.dialect} the same POST to no route x${level}: ${floor.perSecond}/s`);
      intakeFigures.push({
        ...figures,
        ratioToBaseline: round(figures.perSecond / base.perSecond, 3),
        cpuRatioToBaseline: cpuRatio(figures, base),
        noRoutePost: { ...floor, ratioToBaseline: round(floor.perSecond / base.perSecond, 3) },
      });
    }
    // Claims drain the first centre's queue, filled by the intake runs above.
    const claimed = new Map<string, number>();
    let duplicates = 0;
    let empty = false;
    const claims = await load(
      CLERKS,
      async (worker) => {
        const response = await fetch(`${server.url}/v1/queue/claim`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.clerks[worker]}`, 'content-type': 'application/json' },
          body: '{}',
        });
        if (response.status === 204) {
          empty = true;
          return false;
        }
        const { caseId } = (await response.json()) as { caseId: string };
        if (claimed.has(caseId)) duplicates += 1;
        claimed.set(caseId, worker);
        return response.status === 200;
      },
      () => empty,
    );
    progress(`${server.dialect} claims: ${claims.perSecond}/s`);
    const cycle = await benchCycle(server, claimed);
    const visible = await submitToVisible(server, 50);
    return {
      dialect: server.dialect,
      baselineHealth: baseline,
      intake: intakeFigures,
      queueClaim: { ...claims, errors: undefined, clerks: CLERKS, duplicates, queueEmptied: empty },
      ...cycle,
      submitToCounterVisible: visible,
    };
  } finally {
    await stopServer(server);
  }
}

/**
 * A city on two processes (issue 19): 100 terminals spread over two platform processes on one
 * PostgreSQL (even terminals to the first, odd to the second), beside the first process alone
 * at the same 100, each beside the health baseline over the same processes, all in this run.
 */
async function benchCity(db: string) {
  const keyFile = path.join(dir, 'city.keys');
  const first = await startServer(db, { keyFile });
  const second = await startServer(db, { join: true, keyFile });
  progress(`city: two processes at ${first.url} and ${second.url}`);
  try {
    const terminals = first.terminals;
    const level = Math.max(...LEVELS);
    const urlOf = (worker: number) => (worker % 2 === 0 ? first.url : second.url);
    const both = [first.child.pid!, second.child.pid!];
    await load(level, (worker) => health(urlOf(worker))); // warm-up of both
    const oneHealth = await load(level, () => health(first.url), undefined, both);
    const one = await load(level, (worker) => intake(first.url, terminals[worker]!), undefined, both);
    progress(`city: one process intake x${level}: ${one.perSecond}/s (health ${oneHealth.perSecond}/s)`);
    const twoHealth = await load(level, (worker) => health(urlOf(worker)), undefined, both);
    const two = await load(level, (worker) => intake(urlOf(worker), terminals[worker]!), undefined, both);
    progress(`city: two processes intake x${level}: ${two.perSecond}/s (health ${twoHealth.perSecond}/s)`);
    return {
      note: 'one PostgreSQL; the load generator shares the machine with both processes, so on two cores the ratio between the two rows is the figure',
      oneProcess: { baselineHealth: oneHealth, intake: { ...one, ratioToBaseline: round(one.perSecond / oneHealth.perSecond, 3) } },
      twoProcesses: { baselineHealth: twoHealth, intake: { ...two, ratioToBaseline: round(two.perSecond / twoHealth.perSecond, 3) } },
      twoOverOne: round(two.perSecond / one.perSecond, 3),
    };
  } finally {
    await Promise.all([stopServer(first), stopServer(second)]);
  }
}

/** BENCH_STORES=sqlite (or postgres, or city) runs a part only, e.g. while working on one store. */
const STORES = new Set((process.env.BENCH_STORES ?? 'sqlite,postgres,city').split(','));
const dir = mkdtempSync(path.join(tmpdir(), 'tongban-bench-'));
// PostgreSQL with its durable defaults: a commit is on disk before the platform answers.
const postgres = await startLocalPostgres({ durable: true });
try {
  const started = performance.now();
  const loadBefore = loadavg();
  const results = [];
  if (STORES.has('sqlite')) results.push(await benchStore(path.join(dir, 'bench.db')));
  if (STORES.has('postgres')) results.push(await benchStore(await postgres.createDatabase('bench')));
  const city = STORES.has('city') ? await benchCity(await postgres.createDatabase('bench_city')) : undefined;
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'platform',
        secondsPerMeasurement: SECONDS,
        terminals: { centres: CENTRES, perCentre: Math.max(...LEVELS) / CENTRES, note: 'concurrency n uses terminals 0..n-1, ten per centre' },
        node: process.version,
        postgres: { ...(await postgres.durability()), note: 'durable defaults: fsync, synchronous_commit and full_page_writes on' },
        sqlite: { journal: 'WAL', synchronous: 'NORMAL' },
        results,
        city,
        loadAverage: { before: loadBefore.map((n) => round(n)), after: loadavg().map((n) => round(n)), note: '1, 5 and 15 minute load averages of the machine: every figure here shares it' },
        totalSeconds: round((performance.now() - started) / 1000, 1),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
