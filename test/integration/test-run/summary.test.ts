import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * npm test's closing line, from real runs of both runners over fixture tests that fail in every
 * way a run can: a failing assertion, a beforeAll that throws (its tests never run), a file that
 * does not load, a runner that leaves no report, a failed lint.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'tongban-test-run-'));
const outcomes = path.join(dir, 'vitest-outcomes.json');
const e2eReport = path.join(dir, 'e2e-report.json');
const fixtures = 'test/fixtures/test-run';

function summary(...args: string[]) {
  const done = spawnSync(process.execPath, ['scripts/test-summary.mjs', ...args], { encoding: 'utf8' });
  const lines = done.stdout.trim().split('\n');
  return { status: done.status, closing: lines.at(-1) ?? '', lines };
}

beforeAll(() => {
  spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', `${fixtures}/vitest.config.ts`, '--reporter=./test/support/outcome-reporter.ts'], {
    env: { ...process.env, TONGBAN_VITEST_OUTCOMES: outcomes },
    encoding: 'utf8',
  });
  spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '-c', `${fixtures}/playwright.config.ts`], {
    env: { ...process.env, TONGBAN_E2E_REPORT: e2eReport },
    encoding: 'utf8',
  });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm test's closing line", () => {
  it('counts tests whose setup failed, and a file that did not load, as failed', () => {
    const run = summary('--vitest', outcomes, '--playwright', e2eReport, '--check', 'lint=0', '--check', 'type-check=0');
    // vitest: 1 passed, 1 failed + 2 not run + 1 file not loaded, 1 skipped;
    // Playwright: 1 passed, 1 failed (the test its beforeAll failed in) + 1 not run, 1 skipped.
    expect(run.closing).toBe('2 passed, 6 failed, 2 skipped (lint passed, type-check passed)');
    expect(run.status).toBe(1);
    expect(run.lines).toContainEqual(expect.stringMatching(/setup-fails\.fixture-test\.ts > needs a server > answers: did not run \(the test server did not start\)/));
    expect(run.lines).toContainEqual(expect.stringMatching(/does-not-load\.fixture-test\.ts: failed to load \(this file cannot be loaded\)/));
    expect(run.lines).toContainEqual(expect.stringMatching(/setup-fails\.fixture-e2e\.ts > needs a server > answers again: did not run/));
  });

  it("shows a failed lint and a runner's missing report, never an earlier run's numbers", () => {
    const run = summary('--vitest', outcomes, '--playwright', path.join(dir, 'missing.json'), '--check', 'lint=1', '--check', 'type-check=0');
    expect(run.closing).toBe('1 passed, 6 failed, 1 skipped (lint failed, type-check passed)');
    expect(run.lines).toContain('not passed: lint failed (its output is above)');
    expect(run.lines).toContainEqual(expect.stringMatching(/^not passed: playwright: no report/));
  });

  it('passes a clean run and fails a runner that exited badly with a clean report', () => {
    const clean = path.join(dir, 'clean.json');
    writeFileSync(clean, JSON.stringify({ passed: 3, failed: 0, skipped: 0, notRun: [] }));
    const cleanE2e = path.join(dir, 'clean-e2e.json');
    writeFileSync(cleanE2e, JSON.stringify({ suites: [], errors: [] }));
    expect(summary('--vitest', clean, '--playwright', cleanE2e, '--exit', 'vitest=0')).toMatchObject({ status: 0, closing: '3 passed, 0 failed, 0 skipped' });
    expect(summary('--vitest', clean, '--playwright', cleanE2e, '--exit', 'vitest=1').closing).toBe('3 passed, 1 failed, 0 skipped');
  });
});
