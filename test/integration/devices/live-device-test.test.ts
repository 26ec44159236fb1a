import { afterEach, describe, expect, it } from 'vitest';
import { DevicesConfig } from '../../../contract/terminal/devices';
import { EventBus } from '../../../main/api/event-bus';
import { DeviceManager } from '../../../main/devices/device-manager';
import { DeviceStates } from '../../../main/devices/device-states';
import { liveDeviceTest } from '../../../main/devices/live-device-test';
import { silentLogger } from '../../../main/logging/logger';
import { hashSecret as hashPin } from '../../../common/scrypt-hash';
import { SetupService } from '../../../main/setup/setup-service';
import { TechnicianLock } from '../../../main/setup/technician-lock';

/** The setup screen's test on a running terminal: through the reader the device manager already polls. */
const managers: DeviceManager[] = [];
afterEach(async () => {
  for (const manager of managers.splice(0)) await manager.close();
});

async function runningTerminalDevices(): Promise<DeviceManager> {
  const devices = DevicesConfig.parse({ idcard: { transport: 'simulator' } });
  const cards: unknown[] = [];
  const manager = new DeviceManager(
    devices,
    new DeviceStates(new EventBus()),
    { card: (read) => cards.push(read), cardRemoved: () => undefined, cardFailed: () => undefined, scan: () => undefined },
    silentLogger(),
  );
  managers.push(manager);
  await manager.open();
  await new Promise<void>((resolve) => {
    if (manager.reader?.state.state === 'ready') resolve();
    else manager.reader?.on('state', (s) => s.state === 'ready' && resolve());
  });
  return manager;
}

async function setupService(manager: DeviceManager, waitMs: number): Promise<{ setup: SetupService; lock: TechnicianLock }> {
  const lock = new TechnicianLock(await hashPin('246810'));
  const setup = new SetupService({
    lock,
    configFile: undefined,
    dataDir: '/nonexistent',
    currentDevices: () => DevicesConfig.parse({ idcard: { transport: 'simulator' } }),
    demoBase: () => ({}),
    testDevice: liveDeviceTest({ devices: DevicesConfig.parse({ idcard: { transport: 'simulator' } }), manager, waitMs }),
    log: silentLogger(),
  });
  return { setup, lock };
}

describe('setup.testDevice', () => {
  it('is refused while the setup screen is locked', async () => {
    const { setup } = await setupService(await runningTerminalDevices(), 1000);
    await expect(setup.testDevice('idcard')).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it("reads the next card through the terminal's own reader, with its SAM id, timings and the masked identity", async () => {
    const manager = await runningTerminalDevices();
    const { setup, lock } = await setupService(manager, 5000);
    await lock.unlock('246810');
    const pending = setup.testDevice('idcard');
    setTimeout(() => manager.cardSimulator?.place('resident'), 300);
    const result = await pending;
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.name)).toEqual(['reader state', 'SAM id', 'wait for a card (up to 5 s)', 'select card', 'read text + photo', 'decode']);
    expect(result.steps[3]?.ms).toBeGreaterThanOrEqual(0);
    expect(result.summary).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(JSON.stringify(result)).not.toMatch(/\d{17}[\dX]/);
    // The reader is still the terminal's: the test left no listener behind.
    expect(manager.reader?.listenerCount('card')).toBe(1);
  });

  it('says why when no card comes, and names the reader', async () => {
    const manager = await runningTerminalDevices();
    const { setup, lock } = await setupService(manager, 300);
    await lock.unlock('246810');
    const result = await setup.testDevice('idcard');
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/no card placed within 300 ms/);
    expect(result.steps[1]).toMatchObject({ name: 'SAM id', ok: true });
  });

  it('explains that the QR scanners stay with the citizen screen', async () => {
    const { setup, lock } = await setupService(await runningTerminalDevices(), 300);
    await lock.unlock('246810');
    expect((await setup.testDevice('qr1')).summary).toMatch(/tongban devices test qr/);
  });
});
