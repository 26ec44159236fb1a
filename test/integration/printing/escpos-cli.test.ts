import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `tongban sim escpos` as a technician uses it, with `tongban print test-page --printer serial:…` against it. */
describe('tongban sim escpos', () => {
  let dir: string;
  let link: string;
  let sim: ChildProcessWithoutNullStreams;
  let output = '';

  function waitFor(pattern: RegExp): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`simulator output never matched ${pattern}:\n${output}`)), 20_000);
      const check = () => {
        if (pattern.test(output)) {
          clearTimeout(timer);
          sim.stdout.off('data', check);
          resolve();
        }
      };
      sim.stdout.on('data', check);
      check();
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-sim-cli-'));
    link = path.join(dir, 'ttyESCPOS');
    sim = spawn(process.execPath, ['bin/tongban.js', 'sim', 'escpos', '--link', link]);
    sim.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitFor(/"device"/);
  });

  afterAll(async () => {
    if (sim && sim.exitCode === null) {
      const exited = new Promise((resolve) => sim.once('exit', resolve));
      sim.stdin.end('quit\n');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the receipt test page it is sent, then refuses once told the paper is out', async () => {
    expect(JSON.parse(output.split('\n')[0] as string)).toEqual({ device: link, state: { paperOut: false, paperNearEnd: false, coverOpen: false, offline: false } });
    const printed = spawnSync(process.execPath, ['bin/tongban.js', 'print', 'test-page', '--printer', `serial:${link}`], { encoding: 'utf8', timeout: 30_000 });
    expect(printed.status).toBe(0);
    await waitFor(/"ticket"/);
    const ticket = (JSON.parse(output.split('\n').find((l) => l.includes('"ticket"')) as string) as { ticket: { lines: string[]; qrCodes: string[] } }).ticket;
    expect(ticket.lines.map((l) => l.trim())).toContain('通办 小票打印机测试页');
    expect(ticket.qrCodes).toEqual(['TONGBAN-TEST-PAGE']);

    sim.stdin.write('paper out\n');
    await waitFor(/"command":"paper out"/);
    const refused = spawnSync(process.execPath, ['bin/tongban.js', 'print', 'test-page', '--printer', `serial:${link}`], { encoding: 'utf8', timeout: 30_000 });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/out of paper.*\[paper-out\]/);
    expect(output.match(/"ticket"/g)?.length).toBe(1);
    sim.stdin.write('jam\n');
    await waitFor(/unknown command \\"jam\\"/);
  });
});
