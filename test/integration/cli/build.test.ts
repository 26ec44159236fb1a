import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * scripts/build-cli.mjs, run for real into a temporary folder. The bundle's import graph says
 * what each command loads before it does anything: `--help` and `idcard decode` must not read
 * the terminal, and `start` must leave the heavy modules (OCR, image tools, the PDF browser,
 * database drivers, the platform's HTTP server) to their first use.
 */
const run = promisify(execFile);

interface Output {
  inputs: Record<string, unknown>;
  imports: Array<{ path: string; kind: string; external?: boolean }>;
}

let out: string;
let outputs: Record<string, Output>;

/** The npm package a bundled file belongs to: node_modules/@scope/name/... or node_modules/name/... */
function packageOf(file: string): string {
  const parts = file.split('/');
  return parts[1]?.startsWith('@') ? `${parts[1]}/${parts[2]}` : (parts[1] as string);
}

/**
 * The npm packages an output loads before its code runs, bundled into it or imported from
 * node_modules, following static imports through the chunks (not `await import()`).
 */
function staticPackages(start: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    const output = outputs[key] as Output;
    for (const input of Object.keys(output.inputs)) if (input.startsWith('node_modules/')) packages.add(packageOf(input));
    for (const i of output.imports) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) {
        if (!i.path.startsWith('node:')) packages.add(i.path);
      } else stack.push(i.path);
    }
  }
  return packages;
}

/** The chunk that holds a source file (each command module is its own dynamic import). */
function chunkOf(source: string): string {
  const key = Object.keys(outputs).find((k) => !k.endsWith('.map') && source in (outputs[k] as Output).inputs);
  if (!key) throw new Error(`no output holds ${source}`);
  return key;
}

const HEAVY = ['tesseract.js', 'sharp', 'playwright-core', 'pg', 'fastify'];

beforeAll(async () => {
  // Inside the project, so that the bundle finds node_modules the way dist/cli does.
  mkdirSync('dist', { recursive: true });
  out = mkdtempSync(path.join('dist', 'test-cli-build-'));
  await run(process.execPath, ['scripts/build-cli.mjs', '--outdir', path.join(out, 'cli'), '--metafile', path.join(out, 'meta.json')]);
  outputs = (JSON.parse(readFileSync(path.join(out, 'meta.json'), 'utf8')) as { outputs: Record<string, Output> }).outputs;
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the compiled command line', () => {
  it('answers --help from the entry alone: commander and nothing else', () => {
    const entry = chunkOf('main/cli/index.ts');
    expect([...staticPackages(entry)]).toEqual(['commander']);
  });

  it('decodes an ID-card answer without loading the terminal', () => {
    const decode = staticPackages(chunkOf('main/cli/commands/idcard.ts'));
    expect([...decode].sort()).toEqual(['zod']);
  });

  it('starts the terminal with the heavy modules left to their first use', () => {
    const start = staticPackages(chunkOf('main/cli/commands/start.ts'));
    for (const heavy of HEAVY) expect(start.has(heavy), `${heavy} is loaded by tongban start`).toBe(false);
    // The check can fail: these are what the terminal does load at start.
    expect(start.has('better-sqlite3')).toBe(true);
    expect(start.has('zod')).toBe(true);
  });

  it('runs from the bundle, not from the sources', () => {
    const help = spawnSync(process.execPath, [path.join(out, 'cli/index.mjs'), '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('idcard');
    const decode = spawnSync(process.execPath, [path.join(out, 'cli/index.mjs'), 'idcard', 'decode', 'test/fixtures/idcard/resident.hex'], { encoding: 'utf8' });
    expect(decode.status, decode.stderr).toBe(0);
    expect(JSON.parse(decode.stdout)).toMatchObject({ kind: 'resident' });
  });
});
