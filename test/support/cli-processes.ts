import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * `tongban sim …` processes and temporary folders of a test file, run as a technician runs them
 * and ended and removed after each test, so that a failed test leaves no simulator on a pty.
 */
export function cliProcesses(afterEach: (fn: () => Promise<void>) => void) {
  const children: ChildProcessWithoutNullStreams[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited(child);
      }
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  /** A simulator and its stdout, one line at a time (it announces itself as a JSON line). */
  const startSim = (args: string[]): { child: ChildProcessWithoutNullStreams; lines: AsyncIterator<string> } => {
    const child = spawn(process.execPath, ['bin/tongban.js', 'sim', ...args], { cwd: process.cwd() });
    children.push(child);
    return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
  };
  return { dirs, startSim };
}

export async function nextJson(lines: AsyncIterator<string>): Promise<Record<string, unknown>> {
  const { value, done } = await lines.next();
  if (done) throw new Error('simulator ended');
  return JSON.parse(value) as Record<string, unknown>;
}

export const exited = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
