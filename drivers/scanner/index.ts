import { EsclScanner } from './escl/escl-scanner';
import { startEsclSimulator, type EsclSimulator } from './escl-simulator';
import { SaneScanner } from './sane/sane-scanner';
import type { Scanner } from './types';

export * from './types';
export { ScannerError, type ScannerErrorCode } from './errors';
export { SaneScanner, listSaneDevices, type SaneScannerOptions } from './sane/sane-scanner';
export { EsclScanner, type EsclScannerOptions } from './escl/escl-scanner';
export { startEsclSimulator, SIMULATOR_FAULTS, type EsclSimulator, type EsclSimulatorOptions, type SimulatorFault } from './escl-simulator';

/** The `devices.scanner` entry of the terminal configuration (contract/terminal/devices.ts). */
export type ScannerConfig = { transport: 'sane'; device: string; options?: Record<string, string> } | { transport: 'escl'; url: string } | { transport: 'simulator' };

export interface OpenScanner {
  scanner: Scanner;
  /** The built-in simulator when the configuration asks for one, so the demo can switch its faults. */
  simulator?: EsclSimulator;
  close(): Promise<void>;
}

/** The scanner a configuration names; `simulator` starts an eSCL simulator on loopback and speaks to it over HTTP. */
export async function openScanner(config: ScannerConfig): Promise<OpenScanner> {
  switch (config.transport) {
    case 'sane':
      return { scanner: new SaneScanner({ device: config.device, ...(config.options ? { deviceOptions: config.options } : {}) }), close: async () => undefined };
    case 'escl':
      return { scanner: new EsclScanner({ url: config.url }), close: async () => undefined };
    case 'simulator': {
      const simulator = await startEsclSimulator();
      return { scanner: new EsclScanner({ url: simulator.url }), simulator, close: () => simulator.close() };
    }
  }
}
