import { describe, expect, it } from 'vitest';
import { HidPosScanner } from '../../../drivers/qr/hid-pos-scanner';
import type { ScannerState } from '../../../drivers/qr/serial-scanner';

describe('HID POS scanner', () => {
  it('does not fail the terminal when the scanner is absent: it reports it and keeps trying until closed', async () => {
    const scanner = new HidPosScanner({ vendorId: 0xfffe, productId: 0xfffd, backoff: { baseMs: 20, capMs: 40 } });
    const states: ScannerState[] = [];
    scanner.on('state', (state) => states.push(state));
    await scanner.open();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const attempts = states.filter((s) => s.state === 'disconnected' && s.reason.startsWith('fffe:fffd')).length;
    expect(attempts).toBeGreaterThanOrEqual(2);
    await scanner.close();
    const afterClose = states.length;
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(states.length).toBe(afterClose);
    expect(scanner.state).toEqual({ state: 'disconnected', reason: 'closed' });
  });
});
