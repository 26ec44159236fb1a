import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * A vitest reporter that writes what `npm test`'s closing line counts (scripts/test-summary.mjs):
 * a test meant to run that did not, because its `beforeAll`, a fixture or the server it needs
 * failed, is counted as failed, not skipped, and so is a test file that failed to load. Only a
 * test skipped in the code (`it.skip`, `it.skipIf`, `it.todo`) counts as skipped. vitest's
 * JSON report cannot tell the two apart: both are "skipped" there.
 *
 * Use: vitest run --reporter=default --reporter=./test/support/outcome-reporter.ts
 * (writes test-results/vitest-outcomes.json, or $TONGBAN_VITEST_OUTCOMES)
 */
export interface Outcomes {
  passed: number;
  failed: number;
  skipped: number;
  /** Tests that should have run and did not, and files or errors no test owns: "file > test: why". */
  notRun: string[];
}

export default class OutcomeReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string }>): void {
    const outcomes: Outcomes = { passed: 0, failed: 0, skipped: 0, notRun: [] };
    for (const module of modules) {
      const file = path.relative(process.cwd(), module.moduleId);
      let tests = 0;
      for (const test of module.children.allTests()) {
        tests += 1;
        const state = test.result().state;
        if (state === 'passed') outcomes.passed += 1;
        else if (state === 'failed') outcomes.failed += 1;
        else if (test.options.mode === 'skip' || test.options.mode === 'todo') outcomes.skipped += 1;
        else outcomes.notRun.push(`${file} > ${test.fullName}: did not run (${setupProblem(test.parent) ?? 'its setup failed'})`);
      }
      if (tests === 0 && module.state() === 'failed') {
        outcomes.notRun.push(`${file}: failed to load (${module.errors()[0]?.message ?? 'no message'})`);
      }
    }
    for (const error of unhandledErrors) outcomes.notRun.push(`unhandled error: ${error.message ?? 'no message'}`);
    const out = process.env.TONGBAN_VITEST_OUTCOMES ?? 'test-results/vitest-outcomes.json';
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(outcomes, null, 1)}\n`);
  }
}

/** The first error of a failed hook, on the suite or the file that holds the test. */
function setupProblem(parent: { type: string; errors(): ReadonlyArray<{ message?: string }>; parent?: unknown }): string | undefined {
  for (let at: typeof parent | undefined = parent; at; at = at.type === 'module' ? undefined : (at.parent as typeof parent)) {
    const message = at.errors()[0]?.message;
    if (message) return message;
  }
  return undefined;
}
