import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../../../drivers/escpos';
import { checkDevices } from '../../../main/fleet/device-check';

/** The self-test a platform configuration must pass, on a real pty (socat) and a real closed port. */
describe('device self-test for a configuration from the platform', () => {
  let pty: PtyPair;
  beforeAll(async () => {
    pty = await openPtyPair();
  });
  afterAll(async () => {
    await pty?.close();
  });

  it('passes a serial port that exists and names each one that does not, or does not answer', async () => {
    const problems = await checkDevices({
      idcard: { transport: 'serial', path: pty.hostPath, baudRate: 115200 },
      qr: [{ transport: 'serial', path: '/dev/ttyTONGBAN-GONE', baudRate: 9600, terminator: 'CR' }],
      a4Printer: { transport: 'ipp', url: 'ipp://127.0.0.1:9/ipp/print' },
      receiptPrinter: { transport: 'serial', path: '/etc/hostname', baudRate: 115200 },
    });
    expect(problems.map((p) => p.role).sort()).toEqual(['a4Printer', 'qr.0', 'receiptPrinter']);
    expect(problems.find((p) => p.role === 'qr.0')?.problem).toBe('serial port /dev/ttyTONGBAN-GONE does not exist');
    expect(problems.find((p) => p.role === 'receiptPrinter')?.problem).toContain('not a serial port');
    expect(problems.find((p) => p.role === 'a4Printer')?.problem).toContain('ipp://127.0.0.1:9/ipp/print did not answer');
  });
});
