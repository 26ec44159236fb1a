import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A pseudo-terminal for a simulated device, made by socat: the terminal opens `path` like any
 * serial port; the simulator reads and writes socat's stdin/stdout, which socat copies byte for
 * byte (raw, no echo) to and from the pty. Killing socat removes the pty: an unplugged device.
 */
export interface PtyLink {
  /** The path the terminal opens (a symlink to /dev/pts/N). */
  readonly path: string;
  /** The /dev/pts/N behind it. */
  readonly pts: string;
  write(bytes: Uint8Array): void;
  close(): Promise<void>;
}

export interface PtyLinkOptions {
  path: string;
  onData(chunk: Uint8Array): void;
  /** socat ended while the link was meant to be up. */
  onExit?: (code: number | null) => void;
  socat?: string;
}

export async function openPtyLink(options: PtyLinkOptions): Promise<PtyLink> {
  const child = spawn(options.socat ?? 'socat', ['-d', '-d', `pty,raw,echo=0,link=${options.path}`, 'stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let closing = false;
  const pts = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    const onStderr = (chunk: Buffer): void => {
      stderr += chunk.toString('utf8');
      const m = /PTY is (\/dev\/pts\/\d+)/.exec(stderr);
      if (m && existsSync(options.path)) {
        child.stderr?.off('data', onStderr);
        resolve(m[1] as string);
      }
    };
    child.stderr?.on('data', onStderr);
    child.once('error', (error) => reject(new Error(`cannot start socat (is it installed?): ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`socat exited with ${code} before creating ${options.path}: ${stderr.trim().split('\n').pop() ?? ''}`)));
  });
  child.stderr?.resume();
  child.stdout?.on('data', (chunk: Buffer) => options.onData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  child.stdin?.on('error', () => undefined);
  child.once('exit', (code) => {
    if (!closing) options.onExit?.(code);
  });
  return {
    path: options.path,
    pts,
    write: (bytes) => {
      if (child.exitCode === null && child.stdin?.writable) child.stdin.write(bytes);
    },
    close: () => closeChild(child, () => (closing = true)),
  };
}

function closeChild(child: ChildProcess, mark: () => void): Promise<void> {
  mark();
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
