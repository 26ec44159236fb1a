import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  /** Why the run was stopped early, when it was. */
  stopped?: 'timeout' | 'aborted';
}

/** Grace between SIGTERM (scanimage cancels the scan and releases the device) and SIGKILL. */
const KILL_GRACE_MS = 2000;

/**
 * Runs scanimage and always waits for it to exit: on a timeout or an abort it is asked to stop,
 * then killed, and the promise settles only once the process is gone, so a failed scan never
 * leaves a scanimage holding the device.
 */
export function runScanimage(
  command: string,
  args: string[],
  options: {
    timeoutMs: number;
    signal?: AbortSignal;
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    /** A stderr line that shows progress (a page finished) and restarts the timeout. */
    progress?: RegExp;
  },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    let stopped: RunResult['stopped'];
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (why: 'timeout' | 'aborted') => {
      if (stopped || child.exitCode !== null) return;
      stopped = why;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    let timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = () => stop('aborted');
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stderr += text;
      if (options.progress?.test(text) && !stopped) {
        clearTimeout(timer);
        timer = setTimeout(() => stop('timeout'), options.timeoutMs);
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ code, signal, stdout: Buffer.concat(stdout), stderr, stopped });
    });
  });
}
