import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The demo seed's known accounts (platform/seed/demo.ts). */
export const DEMO = {
  kiosk: { terminalId: 'demo-kiosk-1', secret: 'demo-kiosk-secret-not-for-production' },
  counter: { terminalId: 'demo-counter-1', secret: 'demo-counter-secret-not-for-production' },
  clerk: { username: 'demo.clerk', password: 'tongban-demo-clerk' },
};

/** The `--set` flags that point a kiosk terminal at a platform with the demo kiosk's credential. */
export function kioskOn(url: string): string[] {
  return [`platform.url=${url}`, `platform.credential=${JSON.stringify(DEMO.kiosk)}`];
}

export interface RunningPlatform {
  url: string;
  /** Stops it; the same database can be served again by `restart`. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
  /** What the process printed so far (its log lines, e.g. the demo's SMS notices). */
  output(): string;
}

/** `tongban platform` as an operator runs it, seeded with the demo centre; `extraArgs` e.g. `--licences FILE`. */
export async function startPlatformProcess(extraArgs: string[] = []): Promise<RunningPlatform> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-platform-e2e-'));
  const db = path.join(dir, 'platform.db');
  let port = 0;
  let child: ReturnType<typeof spawn> | undefined;
  let printed = '';
  const start = async () => {
    child = spawn(process.execPath, ['bin/tongban.js', 'platform', '--port', String(port), '--db', db, '--seed-demo', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const process_ = child;
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`platform did not start:\n${out}`)), 30_000);
      process_.stdout?.on('data', (d: Buffer) => {
        printed += d.toString();
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
        if (m) {
          clearTimeout(timer);
          port = Number(m[2]);
          resolve(m[1] as string);
        }
      });
      process_.stderr?.on('data', (d: Buffer) => {
        printed += d.toString();
        out += d.toString();
      });
      process_.on('exit', (code) => reject(new Error(`platform exited (${code}):\n${out}`)));
    });
    return url;
  };
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  const url = await start();
  return {
    url,
    stop,
    restart: async () => {
      await start();
    },
    output: () => printed,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clerk's session on the platform, to decide cases the way a counter would. */
export async function clerk(url: string) {
  const signIn = await fetch(`${url}/v1/staff/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO.clerk),
  });
  const { token } = (await signIn.json()) as { token: string };
  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>);
  };
  return {
    claim: (caseId: string) => call('POST', '/v1/queue/claim', { caseId }),
    decide: (caseId: string, decision: unknown) => call('POST', `/v1/cases/${caseId}/decisions`, decision),
  };
}
