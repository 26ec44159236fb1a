import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialScanner, startQrSimulator, type RunningQrSimulator, type Scan } from '../../../drivers/qr';

let sim: RunningQrSimulator;
let scanner: SerialScanner;

beforeAll(async () => {
  sim = await startQrSimulator({ terminator: 'CRLF' });
  scanner = new SerialScanner({ path: sim.device, baudRate: 9600, terminator: 'CRLF' });
  await scanner.open();
});

afterAll(async () => {
  await scanner?.close();
  await sim?.close();
});

describe('serial QR scanner over a pty', () => {
  it('emits each scan with its payload, source and device', async () => {
    const scans: Scan[] = [];
    const two = new Promise<void>((resolve) =>
      scanner.on('scan', (s) => {
        scans.push(s);
        if (scans.length === 2) resolve();
      }),
    );
    sim.scan('https://example.invalid/case/TB-2026-000123');
    sim.scan('测试二维码 payload');
    await two;
    expect(scans).toEqual([
      { payload: 'https://example.invalid/case/TB-2026-000123', source: 'serial', device: sim.device },
      { payload: '测试二维码 payload', source: 'serial', device: sim.device },
    ]);
  });
});
