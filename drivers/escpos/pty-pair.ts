import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Two linked pseudo-terminals made by socat: whatever is written to one end is read at the
 * other, through the same tty layer and serialport binding a USB-serial printer uses. The
 * simulator opens one end; the terminal is configured with the other.
 */
export interface PtyPair {
  /** The end the terminal's driver opens (as if it were /dev/ttyUSB0). */
  hostPath: string;
  /** The end the simulated printer listens on. */
  devicePath: string;
  close(): Promise<void>;
}

/** `hostLink`: where the terminal's end appears (e.g. a path named in the terminal's configuration). */
export async function openPtyPair(options: { hostLink?: string } = {}): Promise<PtyPair> {
  // socat replaces whatever is at the link path; a real file there is someone's, not a stale link.
  if (options.hostLink && existsSync(options.hostLink) && !lstatSync(options.hostLink).isSymbolicLink()) {
    throw new Error(`${options.hostLink} exists and is not a link: choose another --link path`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-escpos-'));
  const hostPath = options.hostLink ? path.resolve(options.hostLink) : path.join(dir, 'printer');
  const devicePath = path.join(dir, 'device');
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  // socat says "starting data transfer loop" once both links exist: wait for that line, not in a polling loop.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socat.kill();
      reject(new Error(`socat did not link the ptys within 5 s: ${log.trim()}`));
    }, 5000);
    socat.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (/starting data transfer loop/.test(log) && existsSync(hostPath) && existsSync(devicePath)) {
        clearTimeout(timer);
        resolve();
      }
    });
    socat.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start socat (is it installed?): ${error.message}`));
    });
    socat.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`socat exited with ${code}: ${log.trim()}`));
    });
  });
  return {
    hostPath,
    devicePath,
    async close() {
      if (socat.exitCode === null) {
        const exited = new Promise((resolve) => socat.once('exit', resolve));
        socat.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
