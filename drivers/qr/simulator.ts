import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPtyLink, type PtyLink } from '../idcard/simulator/pty-link';
import { TERMINATOR_BYTES, type Terminator } from './scan';

/** A serial QR scanner on a pty: each `scan()` sends a payload and the terminator, as a scanner does. */
export interface RunningQrSimulator {
  readonly device: string;
  scan(payload: string): void;
  close(): Promise<void>;
}

export async function startQrSimulator(options: { link?: string; terminator?: Terminator } = {}): Promise<RunningQrSimulator> {
  const ownDir = options.link ? undefined : mkdtempSync(path.join(tmpdir(), 'tongban-sim-'));
  const device = options.link ?? path.join(ownDir as string, 'qr');
  const link: PtyLink = await openPtyLink({ path: device, onData: () => undefined });
  const term = TERMINATOR_BYTES[options.terminator ?? 'CR'];
  return {
    device,
    scan: (payload) => {
      const body = new TextEncoder().encode(payload);
      const out = new Uint8Array(body.length + term.length);
      out.set(body, 0);
      out.set(term, body.length);
      link.write(out);
    },
    close: async () => {
      await link.close();
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
