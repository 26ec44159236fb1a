import type { DeviceState } from '../../contract/terminal/api';
import type { TerminalConfig } from '../../kiosk-config/schema';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../logging/logger';
import { Sleeper } from '../../common/wait';
import { IppDocumentPrinter } from '../../drivers/ipp';
import { ActionRunner, type ScreenPicture } from './action-runner';
import { checkDevices } from './device-check';
import { FleetClient } from './fleet-client';
import { HostUpdater } from './host-updater';
import { IdleRestart } from './idle-restart';
import { buildHeartbeat } from './heartbeat';
import { isMaintenanceMinute, openingState } from './opening-hours';
import { readA4Printer } from './printer-watch';
import { pinnedKey, RemoteConfig } from './remote-config';
import { ServiceState } from './service-state';
import type { OpeningHours } from '../../contract/platform/fleet';

export { withAppliedConfig } from './remote-config';
export { fleetHandlers } from './handlers';

export interface FleetDeps {
  /** The running configuration, and the local file's one under it (what platform sections merge over). */
  config: TerminalConfig;
  local: TerminalConfig;
  appliedVersion: number | null;
  platform: { url: string; credential: { terminalId: string; secret: string } };
  events: EventBus;
  devices: () => readonly DeviceState[];
  outbox: () => { depth: number; oldestAt: string | null };
  lastSyncAt: () => string | null;
  sessionActive: () => boolean;
  endSession: () => void;
  /** Exits for the supervisor to start the terminal again (remote restart, new configuration, maintenance). */
  restart: (why: string) => void;
  log: Logger;
  now?: () => number;
}

export interface RunningFleet {
  service: ServiceState;
  /** The page's answer to a screenshot request; false when none was asked for under that id. */
  screenshotTaken(requestId: string, picture: ScreenPicture): boolean;
  stop(): Promise<void>;
}

/** A terminal that has run this long may take its nightly restart (and will not restart twice in the minute). */
const MIN_UPTIME_FOR_MAINTENANCE_MS = 10 * 60_000;

/**
 * The terminal's side of the fleet: a heartbeat every `fleet.heartbeatSeconds`, remote actions
 * by long poll, the platform's signed configuration, opening hours and the nightly restart.
 * The composition root starts it when a platform is configured; without one the local file
 * is the only source and the kiosk is always in service.
 */
export function startFleet(deps: FleetDeps): RunningFleet {
  const { config, log } = deps;
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const client = new FleetClient(deps.platform.url, deps.platform.credential);
  const service = new ServiceState(deps.events, config.storage.dataDir);
  const a4 = config.devices.a4Printer?.transport === 'ipp' ? new IppDocumentPrinter(config.devices.a4Printer.url) : undefined;
  let lastFailure: { at: string; message: string } | null = null;
  let hours: OpeningHours | null = null;
  const idleRestart = new IdleRestart({ events: deps.events, sessionActive: deps.sessionActive, restart: deps.restart });

  const remoteConfig = new RemoteConfig({
    client,
    local: deps.local,
    terminalId: deps.platform.credential.terminalId,
    key: config.fleet.platformKey ? pinnedKey(config.fleet.platformKey) : undefined,
    appliedVersion: deps.appliedVersion,
    checkDevices,
    onApplied: (version) => idleRestart.request(`platform configuration ${version} applied`),
    log: log.child({ service: 'fleet-config' }),
  });

  const runner = new ActionRunner({
    client,
    events: deps.events,
    service,
    sessionActive: deps.sessionActive,
    endSession: deps.endSession,
    restart: () => deps.restart('remote restart'),
    waitSeconds: config.fleet.actionWaitSeconds,
    log: log.child({ service: 'fleet-actions' }),
  });

  const updatesRoot = config.fleet.updates.root;
  const updater = updatesRoot
    ? new HostUpdater({
        client,
        root: updatesRoot,
        hours: () => hours,
        sessionActive: deps.sessionActive,
        restart: (why) => deps.restart(why),
        trialMs: config.fleet.updates.trialSeconds * 1000,
        now,
        log: log.child({ service: 'fleet-update' }),
      })
    : undefined;
  let lastUpdateCheck = -Infinity;
  const checkUpdate = async () => {
    if (!updater || now() - lastUpdateCheck < config.fleet.updates.checkSeconds * 1000) return;
    lastUpdateCheck = now();
    await updater.check().catch((error: unknown) => log.warn({ err: error }, 'update check failed'));
  };

  const lastError = (): { at: string; message: string } | null => {
    const failing = deps
      .devices()
      .filter((d) => d.state === 'error' || d.state === 'disconnected')
      .map((d) => ({ at: d.since, message: `${d.role} ${d.state}${d.reason ? `: ${d.reason}` : ''}` }));
    return [...failing, ...(lastFailure ? [lastFailure] : [])].sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;
  };

  const judgeClock = () => {
    const at = now();
    if (hours) {
      const state = openingState(hours, at);
      service.setClosed(state.open ? null : { opensAt: state.opensAt });
      if (isMaintenanceMinute(hours, at) && at - startedAt > MIN_UPTIME_FOR_MAINTENANCE_MS) idleRestart.request('nightly maintenance');
    } else service.setClosed(null);
    idleRestart.whenIdle();
  };

  const sleeper = new Sleeper();
  let stopping = false;
  const beats = (async () => {
    while (!stopping) {
      try {
        const beat = await buildHeartbeat({
          dataDir: config.storage.dataDir,
          devices: deps.devices,
          printers: async () => (a4 ? [await readA4Printer(a4)] : []),
          outbox: deps.outbox,
          lastSyncAt: deps.lastSyncAt,
          lastError,
          service: () => service.mode(),
          configVersion: () => remoteConfig.appliedVersion(),
          now,
        });
        const answer = await client.heartbeat(updater ? { ...beat, update: updater.view() } : beat);
        // The health check a new release must pass: a heartbeat the platform accepted.
        updater?.healthChecked(true);
        hours = answer.openingHours;
        await remoteConfig.offered(answer.configVersion);
        await checkUpdate();
      } catch (error) {
        const message = (error as Error).message;
        lastFailure = { at: new Date(now()).toISOString(), message };
        updater?.healthChecked(false, message);
        log.warn({ err: error }, 'fleet heartbeat not delivered');
      }
      judgeClock();
      await sleeper.sleep(config.fleet.heartbeatSeconds * 1000);
    }
  })();
  runner.start();

  return {
    service,
    screenshotTaken: (requestId, picture) => runner.screenshotTaken(requestId, picture),
    async stop() {
      stopping = true;
      idleRestart.stop();
      sleeper.wake();
      await Promise.all([beats, runner.stop()]);
    },
  };
}
