import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CaseEvent } from '../../contract/platform/events';
import type { DemoCredentials } from '../../platform';
import { CaseStore } from '../../main/store/case-store';
import { keyFileProvider } from '../../main/store/key-file';
import { LocalStore } from '../../main/store/local-store';
import { OutboxWorker } from '../../main/sync/outbox-worker';
import { PlatformClient } from '../../main/sync/platform-client';
import { kioskCase, splitCredential } from '../../test/integration/sync/kiosk-fixtures';

/**
 * Time from a kiosk's submit (CaseStore.record, the durable local write) to the case being
 * visible to a counter: its `submitted` event on the counter terminal's event stream, and the
 * case listed by `GET /v1/queue` right after. Beside it, measured in the same run against the
 * same platform process: `GET /v1/health` round trips (the baseline) and the local write alone.
 * One case at a time, so each figure is a latency, not a queueing delay. Prints one JSON document.
 *   npx tsx bench/kiosk-sync/run.ts        (BENCH_N cases, default 200)
 */
const N = Number(process.env.BENCH_N ?? 200);
const here = path.dirname(fileURLToPath(import.meta.url));

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { n: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1)!) };
}

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-bench-sync-'));
const server = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'platform-server.ts'), path.join(dir, 'platform.db')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { url, demo } = JSON.parse(
  await new Promise<string>((resolve, reject) => {
    createInterface({ input: server.stdout }).once('line', resolve);
    server.once('exit', (code) => reject(new Error(`platform exited with ${code}`)));
  }),
) as { url: string; demo: DemoCredentials };

const store = LocalStore.open({ file: path.join(dir, 'kiosk', 'terminal.db'), keys: keyFileProvider(path.join(dir, 'keys', 'store.key')) });
const cases = new CaseStore(store);
const kioskClient = new PlatformClient({ baseUrl: url, credential: splitCredential(demo.kiosk.credential) });
const counterClient = new PlatformClient({ baseUrl: url, credential: splitCredential(demo.counter.credential) });
const worker = new OutboxWorker({ store, cases, client: kioskClient });

try {
  const signIn = await fetch(`${url}/v1/staff/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(demo.clerk),
  });
  const clerk = ((await signIn.json()) as { token: string }).token;
  const inQueue = async (caseId: string) => {
    const response = await fetch(`${url}/v1/queue`, { headers: { authorization: `Bearer ${clerk}` } });
    const queue = (await response.json()) as { waiting: { caseId: string }[] };
    return queue.waiting.some((c) => c.caseId === caseId);
  };

  const seen = new Map<string, (event: CaseEvent) => void>();
  const streaming = new AbortController();
  const stream = counterClient.streamEvents(0, (event) => {
    if (event.type === 'submitted') seen.get(event.caseId)?.(event);
  }, streaming.signal);
  worker.start();

  // Warm both paths (connections, JIT, statement caches) before measuring.
  for (let i = 0; i < 20; i += 1) {
    await kioskClient.health();
    cases.record(kioskCase(i));
  }
  await worker.whenDrained();

  const health: number[] = [];
  const write: number[] = [];
  const toEvent: number[] = [];
  const toQueue: number[] = [];
  for (let i = 0; i < N; i += 1) {
    let t = performance.now();
    await kioskClient.health();
    health.push(performance.now() - t);

    // Alternate kinds of case as a real kiosk would; every fifth carries a scanned material.
    const input = kioskCase(1000 + i);
    let resolveSeen!: () => void;
    const visible = new Promise<void>((resolve) => (resolveSeen = resolve));
    t = performance.now();
    const { caseId } = cases.record(input);
    write.push(performance.now() - t);
    seen.set(caseId, () => resolveSeen());
    await visible;
    toEvent.push(performance.now() - t);
    if (!(await inQueue(caseId))) throw new Error(`case ${caseId} announced but not in the queue`);
    toQueue.push(performance.now() - t);
    seen.delete(caseId);
  }
  streaming.abort();
  await stream;

  const event = stats(toEvent);
  const baseline = stats(health);
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'kiosk-sync',
        cases: N,
        platform: { store: 'sqlite', process: 'separate' },
        kioskSubmitToCounterEvent: event,
        kioskSubmitToQueueListing: stats(toQueue),
        kioskLocalWrite: stats(write),
        baselineHealthRoundTrip: baseline,
        ratioToBaseline: { median: Math.round((event.medianMs / baseline.medianMs) * 10) / 10, p95: Math.round((event.p95Ms / baseline.p95Ms) * 10) / 10 },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await worker.stop();
  store.close();
  await new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
  rmSync(dir, { recursive: true, force: true });
}
