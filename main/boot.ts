import type { TerminalConfig } from '../kiosk-config/schema';
import type { TerminalInfo } from '../contract/terminal/api';
import type { Logger } from './logging/logger';
import { createTerminal, type Terminal } from './terminal';
import { embeddedCatalogueSource } from './embedded-platform';

export interface BootOptions {
  config: TerminalConfig;
  configFile: string | undefined;
  shell: TerminalInfo['shell'];
  log: Logger;
  shellVersions?: { electron?: string; chromium?: string };
}

/**
 * What both shells call: everything a terminal needs around the services (the embedded demo
 * platform where none is configured, later the devices and the sync worker), torn down by
 * the returned terminal's close().
 */
export async function bootTerminal(options: BootOptions): Promise<Terminal> {
  return createTerminal({ ...options, catalogueSource: embeddedCatalogueSource() });
}
