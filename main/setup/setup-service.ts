import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../common/errors';
import { straightenDocument } from '../capture/straighten';
import { ConfigError, parseConfig, readConfigFile } from '../../kiosk-config/load';
import type { DevicesConfig } from '../../contract/terminal/devices';
import type { DeviceTestResult, PortList } from '../../contract/terminal/api';
import { listHidDevices, listSerialPorts } from '../../drivers/discovery/ports';
import { ApiFailure } from '../api/dispatcher';
import type { Logger } from '../logging/logger';
import type { TechnicianLock } from './technician-lock';

export interface SetupServiceOptions {
  lock: TechnicianLock;
  /** The file the terminal was started from; none for the demo profile. */
  configFile: string | undefined;
  /** Where the demo site saves a technician's configuration, since it has no file of its own. */
  dataDir: string;
  /** The configuration as loaded, for the devices section to show and the demo base to save. */
  currentDevices: () => DevicesConfig;
  demoBase: () => unknown;
  /** Tests one role through the devices the running terminal holds open; absent where none are. */
  testDevice?: (role: string) => Promise<DeviceTestResult>;
  log: Logger;
}

/** The technician's setup, every call behind the PIN. */
export class SetupService {
  constructor(private readonly options: SetupServiceOptions) {}

  get targetFile(): string {
    return this.options.configFile ?? path.join(this.options.dataDir, 'terminal.json');
  }

  #guard(): void {
    if (!this.options.lock.check()) throw new ApiFailure('not-allowed', 'the setup screen is locked: enter the technician PIN');
  }

  async ports(): Promise<PortList> {
    this.#guard();
    const [serial, hid] = await Promise.all([listSerialPorts(), listHidDevices().catch(() => [])]);
    return { serial, hid };
  }

  /** A test capture from the document camera: the same paper finder the kiosk's captures go through. */
  async testCamera(jpegDataUrl: string): Promise<{ found: boolean; width: number; height: number }> {
    this.#guard();
    try {
      const flat = await straightenDocument(Buffer.from(jpegDataUrl.slice(jpegDataUrl.indexOf(',') + 1), 'base64'));
      return { found: flat.corners !== undefined, width: flat.width, height: flat.height };
    } catch (error) {
      throw new ApiFailure('bad-request', `the camera frame is no readable JPEG: ${errorMessage(error)}`);
    }
  }

  async testDevice(role: string): Promise<DeviceTestResult> {
    this.#guard();
    if (!this.options.testDevice) throw new ApiFailure('unavailable', 'this terminal runs no devices to test');
    const result = await this.options.testDevice(role);
    this.options.log.info({ role, device: result.device, ok: result.ok, steps: result.steps.map((s) => `${s.name}:${s.ok ? 'ok' : 'fail'}:${s.ms}ms`) }, 'device test');
    return result;
  }

  devices(): { devices: DevicesConfig; file: string } {
    this.#guard();
    return { devices: this.options.currentDevices(), file: this.targetFile };
  }

  /**
   * Saves only what the schema accepts, as a whole file: the old one is kept as .bak and the
   * new one replaces it in one rename, so a crash never leaves half a configuration.
   */
  saveDevices(devices: DevicesConfig): { file: string } {
    this.#guard();
    const file = this.targetFile;
    const base = existsSync(file) ? readConfigFile(file) : this.options.demoBase();
    const next = { ...(base as Record<string, unknown>), devices };
    try {
      parseConfig(next, file);
    } catch (error) {
      if (error instanceof ConfigError) throw new ApiFailure('bad-request', error.message);
      throw error;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    if (existsSync(file)) copyFileSync(file, `${file}.bak`);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    this.options.log.info({ file }, 'technician saved the device configuration');
    return { file };
  }
}
