import type { DevicesConfig } from '../../contract/terminal/devices';
import type { Scanner } from '../../drivers/scanner';
import type { PrintService } from '../printing/print-service';
import type { PdfRenderer } from '../printing/render/pdf-renderer';
import type { DeviceManager } from './device-manager';
import {
  notTestableLive,
  testA4ThroughService,
  testOpenIdCardReader,
  testOpenScanner,
  testReceiptThroughService,
  type DeviceTestResult,
} from './device-test';

export interface LiveDeviceTestDeps {
  devices: DevicesConfig;
  manager: DeviceManager;
  printing?: PrintService;
  renderer?: PdfRenderer;
  scanner?: Scanner;
  /** How long the setup screen waits for a card. */
  waitMs?: number;
}

const LIVE_WAIT_MS = 20_000;

/**
 * The setup screen's test of a role on the running terminal: through the device the terminal
 * already holds open, never a second open of its port.
 */
export function liveDeviceTest(deps: LiveDeviceTestDeps): (role: string) => Promise<DeviceTestResult> {
  return async (role) => {
    const waitMs = deps.waitMs ?? LIVE_WAIT_MS;
    if (role === 'idcard') {
      const reader = deps.manager.reader;
      if (!reader) return notTestableLive(role, '(none)', 'no devices.idcard in the configuration');
      // On the demo the card comes from the demo panel, as a citizen's would.
      return testOpenIdCardReader(reader, { waitMs });
    }
    if (/^qr\d*$/.test(role)) {
      return notTestableLive(
        role,
        deps.devices.qr.length ? `${deps.devices.qr.length} scanner(s)` : '(none)',
        'the terminal holds the QR scanners open and hands their scans to the citizen screen: scan a code there, or stop the terminal and run `tongban devices test qr`',
      );
    }
    if (role === 'receiptPrinter') {
      if (!deps.devices.receiptPrinter || !deps.printing) return notTestableLive(role, '(none)', 'no devices.receiptPrinter in the configuration');
      const config = deps.devices.receiptPrinter;
      return testReceiptThroughService(deps.printing, config.transport === 'serial' ? config.path : 'simulator');
    }
    if (role === 'a4Printer') {
      if (!deps.devices.a4Printer || !deps.printing) return notTestableLive(role, '(none)', 'no devices.a4Printer in the configuration');
      if (!deps.renderer) return notTestableLive(role, deps.devices.a4Printer.transport, 'this terminal has no PDF renderer to make the test page with');
      const config = deps.devices.a4Printer;
      return testA4ThroughService(deps.printing, deps.renderer, config.transport === 'ipp' ? config.url : 'simulator');
    }
    if (role === 'scanner') {
      if (!deps.scanner) return notTestableLive(role, '(none)', 'no devices.scanner in the configuration');
      return testOpenScanner(deps.scanner, { waitMs });
    }
    return notTestableLive(role, '(none)', `unknown role ${role}`);
  };
}
