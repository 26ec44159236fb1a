import { stat } from 'node:fs/promises';
import type { DevicesConfig } from '../../contract/terminal/devices';
import { listHidDevices } from '../../drivers/discovery/ports';
import { IppDocumentPrinter } from '../../drivers/ipp';

/** One device of a configuration that did not come up, in a technician's terms. */
export interface DeviceProblem {
  role: string;
  problem: string;
}

type Device = { transport: string; path?: string; url?: string; vendorId?: number; productId?: number };

async function checkOne(device: Device): Promise<string | undefined> {
  switch (device.transport) {
    case 'serial': {
      const found = await stat(device.path ?? '').catch(() => undefined);
      if (!found) return `serial port ${device.path} does not exist`;
      return found.isCharacterDevice() ? undefined : `${device.path} is not a serial port (not a character device)`;
    }
    case 'ipp': {
      try {
        await new IppDocumentPrinter(device.url ?? '').status();
        return undefined;
      } catch (error) {
        return `printer ${device.url} did not answer: ${(error as Error).message}`;
      }
    }
    case 'hid': {
      const devices = await listHidDevices();
      const present = devices.some((d) => d.vendorId === device.vendorId && d.productId === device.productId && (!device.path || d.path === device.path));
      return present ? undefined : `no HID device ${hex(device.vendorId)}:${hex(device.productId)}${device.path ? ` at ${device.path}` : ''}`;
    }
    case 'escl': {
      const answered = await fetch(new URL('ScannerStatus', device.url?.endsWith('/') ? device.url : `${device.url}/`), { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.ok,
        () => false,
      );
      return answered ? undefined : `scanner ${device.url} did not answer ScannerStatus`;
    }
    default:
      // SANE names and the simulators have nothing to reach before the driver opens them.
      return undefined;
  }
}

const hex = (n: number | undefined) => (n ?? 0).toString(16).padStart(4, '0');

/**
 * The self-test a configuration from the platform must pass before it replaces the one the
 * terminal runs: every device it names must be there (the port exists, the printer answers).
 */
export async function checkDevices(devices: DevicesConfig): Promise<DeviceProblem[]> {
  const named: Array<[string, Device]> = [];
  for (const [role, value] of Object.entries(devices)) {
    if (Array.isArray(value)) value.forEach((d, i) => named.push([`${role}.${i}`, d as Device]));
    else if (value) named.push([role, value as Device]);
  }
  const results = await Promise.all(named.map(async ([role, device]) => ({ role, problem: await checkOne(device) })));
  return results.filter((r): r is DeviceProblem => r.problem !== undefined);
}
