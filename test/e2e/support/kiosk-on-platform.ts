import { test } from '@playwright/test';
import { kioskOn, startPlatformProcess, type RunningPlatform } from './platform-process';
import { startTerminal, type RunningTerminal } from './terminal-process';

export interface KioskOnPlatform {
  platform: RunningPlatform;
  kiosk: RunningTerminal;
}

/** A `tongban platform` process and a kiosk terminal pointed at it, for the tests of one file. */
export function kioskOnPlatform(): KioskOnPlatform {
  const running = {} as KioskOnPlatform;
  test.beforeAll(async () => {
    running.platform = await startPlatformProcess();
    running.kiosk = await startTerminal(kioskOn(running.platform.url));
  });
  test.afterAll(async () => {
    await running.kiosk?.stop();
    await running.platform?.dispose();
  });
  return running;
}
