import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliProcesses, nextJson } from '../../support/cli-processes';
import type { DeviceTestResult } from '../../../main/devices/device-test';

/** `tongban devices …` run as the technician runs it, against the simulators' own CLIs on socat ptys. */
const { dirs, startSim } = cliProcesses(afterEach);

function tongban(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/tongban.js', ...args], { cwd: process.cwd(), env: { ...process.env, TONGBAN_CONFIG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-devices-'));
  dirs.push(dir);
  return dir;
}

describe('tongban devices test', () => {
  it('idcard: reads the card on `tongban sim idcard` with timed steps and only the masked ID number', async () => {
    const link = path.join(tempDir(), 'reader');
    const { lines } = startSim(['idcard', '--link', link, '--card', 'resident']);
    expect((await nextJson(lines)).device).toBe(link);
    const run = await tongban(['devices', 'test', 'idcard', '--set', 'devices.idcard.transport=serial', '--set', `devices.idcard.path=${link}`, '--wait', '5', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as DeviceTestResult;
    expect(result).toMatchObject({ role: 'idcard', ok: true });
    expect(result.device).toContain(link);
    expect(result.steps.map((s) => s.name)).toEqual(['open + SAM status', 'SAM id', 'wait for a card (up to 5 s)', 'select card', 'read text + photo', 'decode']);
    for (const step of result.steps) {
      expect(step.ok).toBe(true);
      expect(step.ms).toBeGreaterThanOrEqual(0);
    }
    expect(result.steps[1]?.detail).toMatch(/^\d{2}\.\d{2}-\d{8}-\d{10}-\d{10}$/);
    expect(result.summary).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(run.stdout).not.toMatch(/\d{18}|\d{17}X/);
  });

  it('idcard: the readable report names each step and its time', async () => {
    const link = path.join(tempDir(), 'reader');
    const { lines } = startSim(['idcard', '--link', link, '--card', 'resident']);
    await nextJson(lines);
    const run = await tongban(['devices', 'test', 'idcard', '--set', 'devices.idcard.transport=serial', '--set', `devices.idcard.path=${link}`, '--wait', '5']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ok +SAM id +\d+ ms/);
    expect(run.stdout).toMatch(/^OK: .*\*{8}/m);
  });

  it('idcard: no reader at the path exits 1 naming the port', async () => {
    const missing = path.join(tempDir(), 'no-reader');
    const run = await tongban(['devices', 'test', 'idcard', '--set', 'devices.idcard.transport=serial', '--set', `devices.idcard.path=${missing}`, '--wait', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(missing);
    expect(run.stdout).toMatch(/FAIL +open \+ SAM status/);
  });

  it('idcard: a reader that never answers fails with the SAM status timeout, naming the port', async () => {
    // The escpos simulator's pty answers nothing the reader understands: a wrong device on the port.
    const link = path.join(tempDir(), 'printer');
    const { lines } = startSim(['escpos', '--link', link]);
    await nextJson(lines);
    const run = await tongban(['devices', 'test', 'idcard', '--set', 'devices.idcard.transport=serial', '--set', `devices.idcard.path=${link}`, '--wait', '1', '--json']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as DeviceTestResult;
    expect(result.ok).toBe(false);
    expect(result.steps[0]).toMatchObject({ name: 'open + SAM status', ok: false });
    expect(run.stderr).toContain(link);
    expect(run.stderr).toMatch(/SAM status \(AA AA AA 96 69 00 03 11 FF ED\).*no answer within \d+ ms/);
  });

  it('receiptPrinter: reads DLE EOT status and prints the test ticket on `tongban sim escpos`', async () => {
    const link = path.join(tempDir(), 'printer');
    const { lines } = startSim(['escpos', '--link', link]);
    await nextJson(lines);
    const run = await tongban(['devices', 'test', 'receiptPrinter', '--set', 'devices.receiptPrinter.transport=serial', '--set', `devices.receiptPrinter.path=${link}`, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as DeviceTestResult;
    expect(result.steps.map((s) => [s.name, s.ok])).toEqual([
      ['DLE EOT status', true],
      ['test ticket', true],
    ]);
    expect(result.steps[0]?.detail).toMatch(/online/);
    const ticket = await nextJson(lines);
    expect(ticket.ticket).toBeDefined();
  });

  it('receiptPrinter: paper out fails with the condition and the port', async () => {
    const link = path.join(tempDir(), 'printer');
    const { child, lines } = startSim(['escpos', '--link', link]);
    await nextJson(lines);
    child.stdin.write('paper out\n');
    await nextJson(lines);
    const run = await tongban(['devices', 'test', 'receiptPrinter', '--set', 'devices.receiptPrinter.transport=serial', '--set', `devices.receiptPrinter.path=${link}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ok +DLE EOT status .*paper out/);
    expect(run.stderr).toContain(link);
  });

  it('qr: waits for a scan on `tongban sim qr` and prints its payload', async () => {
    const { child, lines } = startSim(['qr']);
    const hello = await nextJson(lines);
    const running = tongban(['devices', 'test', 'qr1', '--set', `devices.qr=${JSON.stringify([{ transport: 'serial', path: hello.device }])}`, '--wait', '10', '--json']);
    // The test opens the port after its own start-up; scanning until it reports keeps the test free of fixed sleeps.
    let scanning = true;
    void (async () => {
      while (scanning) {
        child.stdin.write('scan TB-2026-000123\n');
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    })();
    const run = await running;
    scanning = false;
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as DeviceTestResult;
    expect(result).toMatchObject({ role: 'qr1', ok: true });
    expect(result.steps[1]?.detail).toBe('TB-2026-000123');
  });

  it("scanner: the demo's simulator answers its capabilities and one low-resolution page", async () => {
    const run = await tongban(['devices', 'test', 'scanner', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as DeviceTestResult;
    expect(result.ok).toBe(true);
    expect(result.steps[1]?.detail).toMatch(/^(jpeg|png), \d+ bytes, 75 dpi$/);
  });

  it('an unknown role is refused with the list of roles', async () => {
    const run = await tongban(['devices', 'test', 'printer']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown role printer: one of idcard, qr/);
  });
});

describe('tongban devices list', () => {
  it('prints the serial ports, HID devices and the configured device of each role', async () => {
    const run = await tongban(['devices', 'list', '--set', 'devices.idcard.transport=serial', '--set', 'devices.idcard.path=/dev/ttyUSB7']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as { serial: Array<{ path: string }>; hid: unknown[]; configured: Record<string, string> };
    expect(Array.isArray(listed.serial)).toBe(true);
    for (const port of listed.serial) expect(typeof port.path).toBe('string');
    expect(Array.isArray(listed.hid)).toBe(true);
    expect(listed.configured).toMatchObject({ idcard: 'serial:/dev/ttyUSB7', qr1: 'simulator', scanner: 'simulator' });
  });
});
