import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningTerminal {
  url: string;
  /** The terminal's data directory (its store, and the demo printer's PDFs under printed/). */
  dataDir: string;
  origin: string;
  secret: string;
  output: () => string;
  /** null while it runs. */
  exitCode: () => number | null;
  stop: () => Promise<void>;
}

/** The host prints its origin and the 0600 launch page that holds the secret, never the secret. */
const READY = /ready: (http:\/\/127\.0\.0\.1:\d+)(?: \(launch page: (\S+)\)|\/#secret=([0-9a-f]+))\n/;

/**
 * Runs `tongban start` exactly as a person would, on a free port, with its own data dir;
 * `browser`/`env` for a test that lets it open Chromium on a display of its own.
 */
export async function startTerminal(sets: string[] = [], options: { browser?: 'none' | 'kiosk'; env?: NodeJS.ProcessEnv; flags?: string[] } = {}): Promise<RunningTerminal> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-e2e-'));
  const args = ['bin/tongban.js', 'start', '--browser', options.browser ?? 'none', '--port', '0', ...(options.flags ?? [])];
  for (const set of [`storage.dataDir=${dir}/data`, `storage.logDir=${dir}/log`, `storage.keyFile=${dir}/keys/store.key`, ...sets]) args.push("--set", set);
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, args, { cwd: process.cwd(), env: { ...process.env, ...options.env, TONGBAN_CONFIG: '' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`terminal did not start:\n${out}`)), 30_000);
    child.stdout.on('data', () => {
      const m = READY.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.on('exit', (code) => reject(new Error(`terminal exited (${code}):\n${out}`)));
  });
  const origin = match[1] as string;
  const secret = match[3] ?? /#secret=([0-9a-f]+)/.exec(readFileSync(match[2] as string, 'utf8'))?.[1];
  if (!secret) throw new Error(`the launch page ${match[2]} holds no secret:\n${out}`);
  return {
    url: `${origin}/#secret=${secret}`,
    dataDir: `${dir}/data`,
    origin,
    secret,
    output: () => out,
    exitCode: () => child.exitCode,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
