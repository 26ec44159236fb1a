import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/tongban.js');

/** `tongban platform` as a technician runs it: a real process, a real port, real signals. */
describe('tongban platform (CLI)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-cli-'));
  const db = path.join(dir, 'new', 'platform.db');
  let child: ChildProcessWithoutNullStreams | undefined;

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts on the given port and file, registers a terminal from another process, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [bin, 'platform', '--port', '0', '--db', db, '--seed-demo']);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const url = await new Promise<string>((resolve, reject) => {
      child!.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      child!.stdout.on('data', () => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
    });
    const health = (await (await fetch(`${url}/v1/health`)).json()) as { database: string };
    expect(health.database).toBe('sqlite');

    const { stdout } = await run(process.execPath, [bin, 'platform', 'terminal', 'add', '--db', db, '--centre', 'demo-centre', '--id', 'kiosk-cli', '--kind', 'kiosk']);
    const issued = JSON.parse(stdout) as { credential: string };
    const me = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${issued.credential}` } });
    expect(await me.json()).toMatchObject({ kind: 'terminal', id: 'kiosk-cli', centre: { id: 'demo-centre' }, terminalKind: 'kiosk' });

    const refused = await run(process.execPath, [bin, 'platform', 'terminal', 'add', '--db', db, '--centre', 'nowhere', '--id', 'k2', '--kind', 'kiosk']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('centre nowhere does not exist') });

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('Platform stopped');
    child = undefined;
  });

  it('says clearly when the port is taken', async () => {
    const blocker = spawn(process.execPath, [bin, 'platform', '--port', '0', '--db', path.join(dir, 'a.db')]);
    let out = '';
    blocker.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const port = await new Promise<string>((resolve) => {
      blocker.stdout.on('data', () => {
        const match = /127\.0\.0\.1:(\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
    });
    const second = await run(process.execPath, [bin, 'platform', '--port', port, '--db', path.join(dir, 'b.db')]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    const stopped = new Promise((resolve) => blocker.once('exit', resolve));
    blocker.kill('SIGTERM');
    await stopped;
    expect(second).toMatchObject({ code: 1, stderr: expect.stringContaining('EADDRINUSE') });
  });

  it('prints certificate URLs under --public-url, whatever Host a request names, and rotates the signing key keeping the old one', async () => {
    const store = path.join(dir, 'public', 'platform.db');
    const server = spawn(process.execPath, [bin, 'platform', '--port', '0', '--db', store, '--seed-demo', '--public-url', 'https://zwfw.example.gov.cn/tongban/']);
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        server.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
        server.stdout.on('data', () => {
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match && out.includes('Public URL')) resolve(match[1]!);
        });
      });
      expect(out).toContain('Public URL (printed on certificates): https://zwfw.example.gov.cn/tongban');
      const issued = await fetch(`${url}/v1/certificates/contribution`, {
        method: 'POST',
        headers: { authorization: 'Bearer tbt_demo-kiosk-1.demo-kiosk-secret-not-for-production', 'content-type': 'application/json' },
        body: JSON.stringify({ applicant: { name: '李四', idNumber: '440305199912310011' }, period: { from: '2024-01', to: '2024-02' }, visitId: 'visit-cli' }),
      });
      const body = (await issued.json()) as { verification: { url: string } };
      expect(body.verification.url.startsWith('https://zwfw.example.gov.cn/tongban/v1/documents/verify?id=')).toBe(true);
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    const rotated = JSON.parse((await run(process.execPath, [bin, 'platform', 'rotate-signing-key', '--db', store])).stdout) as { signingKey: string; older: string[] };
    expect(rotated.older).toHaveLength(1);
    expect(rotated.signingKey).not.toBe(rotated.older[0]);
    const bad = await run(process.execPath, [bin, 'platform', '--port', '0', '--db', store, '--public-url', 'javascript:alert(1)']).catch((error: { code: number; stderr: string }) => error);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('--public-url javascript:alert(1) must be an http or https URL') });
  });
});
