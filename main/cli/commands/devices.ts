import path from 'node:path';
import type { Command } from 'commander';
import { topCommand } from '../top-command';
import type { DevicesConfig } from '../../../contract/terminal/devices';
import { listHidDevices, listSerialPorts } from '../../../drivers/discovery/ports';
import {
  formatDeviceTest,
  testA4Printer,
  testDocumentScanner,
  testIdCardReader,
  testQrScanners,
  testReceiptPrinter,
  type DeviceTestOptions,
  type DeviceTestResult,
} from '../../devices/device-test';
import { CliError } from '../cli-error';
import { configFromOptions, withConfigOptions } from '../load-config-option';

/** The configured device of each role as a technician names it: port, URL or "simulator". */
export function describeConfigured(devices: DevicesConfig): Record<string, string> {
  const configured: Record<string, string> = {};
  const name = (d: { transport: string; path?: string; url?: string; device?: string; vendorId?: number; productId?: number }): string => {
    if (d.transport === 'serial') return `serial:${d.path ?? ''}`;
    if (d.transport === 'hid') return `hid:${(d.vendorId ?? 0).toString(16).padStart(4, '0')}:${(d.productId ?? 0).toString(16).padStart(4, '0')}${d.path ? ` ${d.path}` : ''}`;
    if (d.transport === 'ipp' || d.transport === 'escl') return d.url ?? '';
    if (d.transport === 'sane') return `sane:${d.device ?? ''}`;
    return d.transport;
  };
  if (devices.idcard) configured.idcard = name(devices.idcard);
  devices.qr.forEach((qr, i) => {
    configured[`qr${i + 1}`] = name(qr);
  });
  if (devices.a4Printer) configured.a4Printer = name(devices.a4Printer);
  if (devices.receiptPrinter) configured.receiptPrinter = name(devices.receiptPrinter);
  if (devices.scanner) configured.scanner = name(devices.scanner);
  return configured;
}

async function list(options: { config?: string; set: string[] }): Promise<void> {
  const { config } = configFromOptions(options);
  const [serial, hid] = await Promise.all([
    listSerialPorts(),
    // A machine without hidraw access still lists its serial ports.
    listHidDevices().catch(() => []),
  ]);
  process.stdout.write(`${JSON.stringify({ serial, hid, configured: describeConfigured(config.devices) }, null, 2)}\n`);
}

const ROLES = ['idcard', 'qr', 'qr1, qr2, …', 'a4Printer', 'receiptPrinter', 'scanner'];

async function test(role: string, options: { config?: string; set: string[]; wait?: string; json?: boolean; demoCard?: string }): Promise<void> {
  const { config } = configFromOptions(options);
  const testOptions: DeviceTestOptions = { chromiumPath: config.host.chromiumPath, demoPrintDir: path.join(config.storage.dataDir, 'printed') };
  if (options.wait !== undefined) {
    const seconds = Number(options.wait);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new CliError(`--wait ${options.wait}: a number of seconds from 1 to 3600`);
    testOptions.waitMs = Math.round(seconds * 1000);
  }
  if (options.demoCard !== undefined) {
    if (config.devices.idcard?.transport !== 'simulator') throw new CliError('--demo-card: only with the simulated reader (devices.idcard.transport "simulator", as in the demo profile)');
    testOptions.demoCard = options.demoCard;
  }
  let results: DeviceTestResult[];
  const qr = /^qr(\d+)?$/.exec(role);
  if (role === 'idcard') results = [await testIdCardReader(config.devices.idcard, testOptions)];
  else if (qr) results = await testQrScanners(config.devices.qr, qr[1] === undefined ? undefined : Number(qr[1]) - 1, testOptions);
  else if (role === 'a4Printer') results = [await testA4Printer(config.devices.a4Printer, testOptions)];
  else if (role === 'receiptPrinter') results = [await testReceiptPrinter(config.devices.receiptPrinter)];
  else if (role === 'scanner') results = [await testDocumentScanner(config.devices.scanner, testOptions)];
  else throw new CliError(`unknown role ${role}: one of ${ROLES.join(', ')}`);
  if (options.json) process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  else for (const result of results) process.stdout.write(formatDeviceTest(result));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new CliError(failed.map((r) => r.summary).join('; '));
}

export function register(program: Command): void {
  const devices = topCommand(program, 'devices');
  withConfigOptions(
    devices.command('list').description('print JSON {serial: [...], hid: [...], configured: {role: device}}: the ports the OS shows and what the configuration assigns'),
  ).action(list);
  withConfigOptions(
    devices
      .command('test')
      .argument('<role>', `the device to test: ${ROLES.join(', ')}`)
      .description('test one configured device step by step (port, status, a card/scan/test page) and print the steps with their times; exit 1 with the cause when it fails')
      .option('--wait <seconds>', 'how long to wait for a card, a scan or a page (default 30)')
      .option('--json', 'print the result as JSON {role, device, ok, steps: [{name, ok, ms, detail?}], summary}')
      .option('--demo-card <id>', 'with the simulated reader: place this simulator card (e.g. resident) instead of waiting for one'),
  ).action(test);
}
