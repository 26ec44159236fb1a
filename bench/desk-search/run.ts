import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { idNumberCheckCharacter } from '../../contract/platform/id-number';
import { createPlatform } from '../../platform';
import type { Caller } from '../../platform/core/caller';
import { openRequest } from '../../platform/core/stored-request';
import { indexNewCases } from '../../platform/desk/search-keys';

/**
 * The desk's search by name over sealed cases: the keyed-fingerprint index (platform/desk)
 * against the baseline a search without it must do — open every sealed case of the centre and
 * compare — on the same store, the same cases and the same names, in one run. Building the index
 * (the first search after the cases arrived) is reported apart from the searches themselves.
 *   npx tsx bench/desk-search/run.ts        (BENCH_N cases, default 2000; BENCH_Q searches, default 40)
 */
const N = Number(process.env.BENCH_N ?? 2000);
const Q = Number(process.env.BENCH_Q ?? 40);
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { n: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

function idNumber(i: number): string {
  const body = `440305198${String(i % 10)}0101${String(i % 1000).padStart(3, '0')}`;
  return `${body}${idNumberCheckCharacter(body)}`;
}

const nameOf = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${GIVEN[i % GIVEN.length]}`;

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-bench-desk-'));
const platform = await createPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true });
try {
  const demo = platform.demoCredentials!;
  const { ctx, cases, desk } = platform.services;
  const kiosk: Caller = { kind: 'terminal', id: demo.kiosk.terminalId, centreId: demo.centreId, terminalKind: 'kiosk' };
  const clerkRow = await ctx.db.get<{ id: string; display_name: string }>('SELECT id, display_name FROM staff WHERE name = ?', [demo.clerk.username]);
  const clerk: Caller = { kind: 'staff', id: clerkRow!.id, centreId: demo.centreId, role: 'staff', username: demo.clerk.username, displayName: clerkRow!.display_name };

  const loadStart = performance.now();
  for (let i = 0; i < N; i += 1) {
    const name = nameOf(i);
    const id = idNumber(i);
    await cases.intake(kiosk, {
      caseId: randomUUID(),
      serviceCode: 'social-security-card-application',
      submittedAt: new Date().toISOString(),
      visitId: `bench-${i}`,
      applicant: { name, idNumber: id, phone: '13800138000' },
      form: { name, idNumber: id, phone: '13800138000', reason: 'first', bank: 'icbc', delivery: 'centre' },
      materials: [],
      priority: { disabled: false },
    });
  }
  const loadMs = performance.now() - loadStart;

  const indexStart = performance.now();
  const indexed = await indexNewCases(ctx.db, ctx.cipher, demo.centreId);
  const indexBuildMs = performance.now() - indexStart;

  const wanted = Array.from({ length: Q }, (_, k) => nameOf((k * 7919) % N));
  const withIndex: number[] = [];
  const openEvery: number[] = [];
  let agree = true;
  for (const name of wanted) {
    let start = performance.now();
    const found = await desk.search(clerk, { by: 'name', name });
    withIndex.push(performance.now() - start);

    start = performance.now();
    const rows = await ctx.db.all<{ id: string; request: string }>('SELECT id, request FROM cases WHERE centre_id = ? AND purged_at IS NULL', [demo.centreId]);
    const scanned = rows.filter((row) => openRequest(ctx.cipher, row).applicant.name === name);
    openEvery.push(performance.now() - start);
    agree &&= scanned.length === found.length;
  }
  const a = stats(withIndex);
  const b = stats(openEvery);
  console.log(
    JSON.stringify(
      {
        bench: 'desk-search-by-name',
        cases: N,
        searches: Q,
        loadMs: Math.round(loadMs),
        indexBuild: { cases: indexed, ms: Math.round(indexBuildMs) },
        keyedIndex: a,
        baselineOpenEveryCase: b,
        sameAnswers: agree,
        baselineOverIndexMedian: Math.round((b.medianMs / a.medianMs) * 10) / 10,
      },
      null,
      2,
    ),
  );
} finally {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
}
