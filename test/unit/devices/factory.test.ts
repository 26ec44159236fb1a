import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DevicesConfig } from '../../../contract/terminal/devices';
import { a4Printer, idCardReader, qrScanner } from '../../../drivers/factory';
import { FrameParser, answerFromBody, encodeCommand, hidCodecFor } from '../../../drivers/idcard';
import { readReportLines } from '../idcard/fixtures';

describe('the device factory', () => {
  it('chooses a HID reader codec by the model in the configuration, tongban-v1 by default', () => {
    const devices = DevicesConfig.parse({ idcard: { transport: 'hid', vendorId: 0x0483, productId: 0x5750 } });
    expect(devices.idcard).toMatchObject({ transport: 'hid', model: 'tongban-v1' });
    const { reader, simulator } = idCardReader(devices.idcard!);
    expect(reader.device).toBe('hid 0483:5750 (tongban-v1)');
    expect(simulator).toBeUndefined();
  });

  it('refuses a reader model it has no codec for, naming the key', () => {
    const parsed = DevicesConfig.safeParse({ idcard: { transport: 'hid', vendorId: 1, productId: 2, model: 'acme-9000' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['idcard', 'model']);
  });

  it('the tongban-v1 codec reads the recorded reports and writes a command as one output report', () => {
    const codec = hidCodecFor('tongban-v1');
    const parser = new FrameParser();
    const bodies = readReportLines('../idcard/hid-reports.hex')
      .flat()
      .flatMap((report) => {
        const decoded = codec.decode(report);
        if (!decoded.ok) throw new Error(decoded.problem);
        return parser.push(decoded.bytes).flatMap((e) => (e.type === 'frame' ? [e.body] : []));
      });
    expect(answerFromBody(bodies[0] as Uint8Array)?.sw3).toBe(0x9f);
    expect(codec.encode(encodeCommand(0x20, 0x01))).toHaveLength(1);
  });

  it('gives the simulated reader with its simulator, a serial reader with its port', () => {
    const demo = idCardReader({ transport: 'simulator' });
    expect(demo.simulator?.listCards().length).toBeGreaterThan(0);
    expect(idCardReader({ transport: 'serial', path: '/dev/ttyS9', baudRate: 9600 }).reader.device).toBe('serial /dev/ttyS9 @9600');
  });

  it('has nothing to open for a keyboard-wedge scanner, and names the port of a serial one', async () => {
    expect(await qrScanner({ transport: 'keyboard-wedge' })).toBeUndefined();
    const serial = await qrScanner({ transport: 'serial', path: '/dev/ttyACM7', baudRate: 9600, terminator: 'CR' });
    expect(serial?.device).toBe('/dev/ttyACM7');
    await serial?.close();
  });

  it("puts the demo's A4 pages in a folder, and names an IPP printer by its URL", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-a4-'));
    expect(a4Printer({ transport: 'simulator' }, { simulatorDir: dir }).device).toBe(`file://${dir}`);
    expect(a4Printer({ transport: 'ipp', url: 'ipp://127.0.0.1:8631/ipp/print' }, { simulatorDir: dir }).device).toBe('ipp://127.0.0.1:8631/ipp/print');
  });
});
