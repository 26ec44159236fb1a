import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Electronegativity over main/ must report nothing of severity MEDIUM or above. It exits 0
 * whatever it finds, so its CSV report is read; the same run over a deliberately insecure
 * fixture proves the reading finds what it should.
 */
const root = process.cwd();
const runner = path.join(root, 'test/integration/electron/run-electronegativity.mjs');
const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  filename: string;
  location: string;
  sample: string;
  description: string;
}

interface Scan {
  findings: Finding[];
  reportedCount: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}

const AT_LEAST_MEDIUM = new Set(['MEDIUM', 'HIGH']);

let work: string;

async function scan(input: string, name: string): Promise<Scan> {
  const report = path.join(work, `${name}.csv`);
  const summary = path.join(work, `${name}.json`);
  // One libuv worker: the tool writes the CSV header and rows with two unsynchronised
  // writeFile calls, which more workers could reorder.
  await promisify(execFile)(process.execPath, [runner, input, report, electronVersion, summary], {
    cwd: root,
    env: { ...process.env, UV_THREADPOOL_SIZE: '1', LANG: 'en-US' },
    timeout: 50_000,
  });
  const findings = parse(readFileSync(report, 'utf8'), {
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
  }) as Finding[];
  const { issues, errors } = JSON.parse(readFileSync(summary, 'utf8')) as { issues: number; errors: Scan['errors'] };
  return { findings, reportedCount: issues, errors };
}

const describeFinding = (f: Finding) => `${f.severity} ${f.issue} at ${f.filename}:${f.location} ${f.sample === 'N/A' ? '' : f.sample}`.trim();

let main: Scan;
let fixture: Scan;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'tongban-electronegativity-'));
  [main, fixture] = await Promise.all([
    scan(path.join(root, 'main'), 'main'),
    scan(path.join(root, 'test/fixtures/electron/insecure-app'), 'fixture'),
  ]);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electronegativity', () => {
  it('finds the MEDIUM+ issues of a deliberately insecure app in its report', () => {
    const serious = fixture.findings.filter((f) => AT_LEAST_MEDIUM.has(f.severity)).map((f) => f.issue);
    expect(serious).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK']),
    );
  });

  it('wrote every issue it found into the report', () => {
    expect(fixture.findings.length).toBe(fixture.reportedCount);
    expect(main.findings.length).toBe(main.reportedCount);
  });

  it('could parse every file under main/', () => {
    expect(main.errors.filter((e) => !e.tolerable)).toEqual([]);
  });

  it('found and evaluated the CSP the app protocol sends', () => {
    const csp = main.findings.filter((f) => f.issue.startsWith('CSP_'));
    expect(csp.filter((f) => /no CSP/i.test(f.description))).toEqual([]);
    expect(csp.some((f) => f.filename.endsWith('response-headers.ts'))).toBe(true);
  });

  it('reports no finding of severity MEDIUM or above in main/', () => {
    const serious = main.findings.filter((f) => AT_LEAST_MEDIUM.has(f.severity)).map(describeFinding);
    expect(serious).toEqual([]);
  });
});
