import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseStore } from '../../../main/store/case-store';
import { keyFileProvider } from '../../../main/store/key-file';
import { LocalStore } from '../../../main/store/local-store';
import { mulberry32 } from '../../support/seeded-random';
import { PlatformHarness } from './platform-harness';

const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kiosk-writer.ts');
const TOTAL = 500;
const KILLS = 8;
const SEED = Number(process.env.TONGBAN_FAULT_SEED ?? 20261123);


interface KillPlan {
  killAfterAcks?: number;
  killOnSending?: number;
  killAfterMs?: number;
}

interface Run {
  acks: string[];
  written: boolean;
  drained: boolean;
  killed: boolean;
  code: number | null;
  stderr: string;
}

describe('a kiosk killed at random points while it submits 500 cases', () => {
  const harness = new PlatformHarness();
  const db = path.join(harness.dir, 'kiosk', 'terminal.db');
  const keyFile = path.join(harness.dir, 'keys', 'store.key');

  beforeAll(async () => {
    await harness.start();
  });
  afterAll(() => harness.dispose());

  /**
   * One kiosk process, killed with SIGKILL at the first of: `killAfterAcks` acknowledgements,
   * the `killOnSending`-th intake request leaving (so that some kills land mid-request), `killAfterMs`.
   */
  function runKiosk(plan: KillPlan): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', WRITER, db, keyFile, harness.url, harness.kioskCredential, String(TOTAL)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const run: Run = { acks: [], written: false, drained: false, killed: false, code: null, stderr: '' };
      const kill = () => {
        if (!run.killed && child.exitCode === null) {
          run.killed = true;
          child.kill('SIGKILL');
        }
      };
      const timer = plan.killAfterMs === undefined ? undefined : setTimeout(kill, plan.killAfterMs);
      let sending = 0;
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('sending ')) {
          sending += 1;
          if (plan.killOnSending !== undefined && sending >= plan.killOnSending) kill();
        } else if (line.startsWith('ack ')) {
          run.acks.push(line.slice(4));
          if (plan.killAfterAcks !== undefined && run.acks.length >= plan.killAfterAcks) kill();
        } else if (line === 'written') run.written = true;
        else if (line === 'drained') run.drained = true;
      });
      child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        run.code = code;
        resolve(run);
      });
    });
  }

  it('gets every acknowledged case to the platform exactly once, and loses none', async () => {
    const random = mulberry32(SEED);
    const acknowledged: string[] = [];
    const runs: Run[] = [];
    let kills = 0;
    for (;;) {
      const allWritten = runs.some((r) => r.written);
      const draw = random();
      const plan: KillPlan =
        kills >= KILLS
          ? {}
          : allWritten
            ? { killOnSending: 1 + Math.floor(random() * 20), killAfterMs: 200 + Math.floor(random() * 300) }
            : draw < 0.5
              ? { killAfterAcks: 10 + Math.floor(random() * 90), killAfterMs: 3_000 }
              : { killOnSending: 1 + Math.floor(random() * 60), killAfterMs: 3_000 };
      const run = await runKiosk(plan);
      runs.push(run);
      acknowledged.push(...run.acks);
      if (run.killed) kills += 1;
      if (!run.killed) {
        expect(run.code, run.stderr).toBe(0);
        expect(run.drained).toBe(true);
        break;
      }
    }
    // Once every case is written, a restarted kiosk may drain and exit before its kill comes.
    expect(kills).toBeGreaterThanOrEqual(5);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(acknowledged.length).toBeGreaterThan(0);

    const token = await harness.staffToken();
    const submitted = (await harness.allEvents(token)).filter((e) => e.type === 'submitted');
    const perCase = new Map<string, number>();
    for (const event of submitted) perCase.set(event.caseId, (perCase.get(event.caseId) ?? 0) + 1);
    const platformIds = [...perCase.keys()];

    // Every acknowledged case reached the platform, each exactly once.
    for (const caseId of acknowledged) expect(perCase.get(caseId), caseId).toBe(1);
    expect([...perCase.values()].every((n) => n === 1)).toBe(true);

    // The store holds exactly TOTAL cases (a case committed just before a kill counts too), all synced, and
    // the platform has exactly those: none lost, none invented, in the order the kiosk recorded them.
    const store = LocalStore.open({ file: db, keys: keyFileProvider(keyFile) });
    try {
      const cases = new CaseStore(store);
      const local = cases.list({ limit: TOTAL + 10 }).reverse();
      expect(local).toHaveLength(TOTAL);
      expect(local.every((c) => c.sync.state === 'synced' && c.queueNumber !== null)).toBe(true);
      expect(cases.outboxDepth()).toBe(0);
      expect(platformIds).toEqual(local.map((c) => c.caseId));
      const localIds = new Set(local.map((c) => c.caseId));
      expect(acknowledged.filter((id) => !localIds.has(id))).toEqual([]);
    } finally {
      store.close();
    }
  }, 90_000);
});
