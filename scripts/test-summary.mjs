// Prints `npm test`'s closing line over every check: "N passed, N failed, N skipped", where
// failed counts failed tests, tests that should have run and did not (their beforeAll, fixture
// or server failed), test files that did not load, a runner that left no report, and each
// failed check (lint, type-check). Exits 1 when anything failed.
// Usage: node scripts/test-summary.mjs --vitest OUTCOMES.json --playwright REPORT.json
//          [--check NAME=EXITCODE]… [--exit RUNNER=EXITCODE]…
// (--exit: a runner that failed although its report shows no failure, e.g. it crashed after
// writing it, counts once.)
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    vitest: { type: 'string' },
    playwright: { type: 'string' },
    check: { type: 'string', multiple: true, default: [] },
    exit: { type: 'string', multiple: true, default: [] },
  },
});

const count = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function readReport(file, runner) {
  if (!file || !existsSync(file)) {
    problems.push(`${runner}: no report (${file ?? 'none given'}): the runner did not finish`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${runner}: unreadable report ${file}: ${error.message}`);
    return undefined;
  }
}

const failuresSoFar = () => count.failed + problems.length;
const exitCodes = Object.fromEntries(values.exit.map((entry) => entry.split('=')));
function runnerExit(runner, failuresBefore) {
  const code = exitCodes[runner];
  if (code !== undefined && code !== '0' && failuresSoFar() === failuresBefore) {
    problems.push(`${runner} exited with ${code} although its report shows no failure`);
  }
}

// vitest: test/support/outcome-reporter.ts has already told skipped-in-the-code from not run.
let before = failuresSoFar();
const vitest = readReport(values.vitest, 'vitest');
if (vitest) {
  count.passed += vitest.passed;
  count.failed += vitest.failed;
  count.skipped += vitest.skipped;
  problems.push(...vitest.notRun);
}
runnerExit('vitest', before);

// Playwright: a test whose beforeAll failed is "skipped" although it was expected to pass.
before = failuresSoFar();
const playwright = readReport(values.playwright, 'playwright');
if (playwright) {
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const name = [...titles, spec.title].filter(Boolean).join(' > ');
        if (test.status === 'expected' || test.status === 'flaky') count.passed += 1;
        else if (test.status === 'unexpected') count.failed += 1;
        else if (test.expectedStatus === 'skipped') count.skipped += 1;
        else problems.push(`${spec.file} > ${name}: did not run (a hook or fixture it needs failed)`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of playwright.suites ?? []) walk(suite, []);
  for (const error of playwright.errors ?? []) problems.push(`playwright: ${error.message?.split('\n')[0] ?? 'error outside any test'}`);
}
runnerExit('playwright', before);

const checks = values.check.map((entry) => {
  const [name, code] = entry.split('=');
  return { name, ok: code === '0' };
});
for (const check of checks) if (!check.ok) problems.push(`${check.name} failed (its output is above)`);

for (const problem of problems) console.log(`not passed: ${problem}`);
const failed = count.failed + problems.length;
const checkWords = checks.map((c) => `${c.name} ${c.ok ? 'passed' : 'failed'}`).join(', ');
console.log(`${count.passed} passed, ${failed} failed, ${count.skipped} skipped${checkWords ? ` (${checkWords})` : ''}`);
process.exit(failed > 0 ? 1 : 0);
