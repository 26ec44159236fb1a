import path from 'node:path';
import { StopList } from '../common/stop-list';
import type { TerminalConfig } from '../kiosk-config/schema';
import type { TerminalInfo } from '../contract/terminal/api';
import { openScanner } from '../drivers/factory';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { EventBus } from './api/event-bus';
import { captureHandlers } from './capture';
import { caseHandlers } from './cases/handlers';
import { licenceHandlers } from './licences/handlers';
import { visitHandlers } from './visits/handlers';
import { catalogueHandlers } from './catalogue/handlers';
import { CatalogueSearch } from './catalogue/catalogue-search';
import { CatalogueService } from './catalogue/catalogue-service';
import { certificateHandlers } from './certificates/handlers';
import { counterHandlers } from './counter/handlers';
import { helpHandlers } from './help/handlers';
import { identityHandlers } from './identity/handlers';
import { printHandlers } from './printing/handlers';
import { cycleHandlers } from './counter/cycle-handlers';
import { ticketDeskHandlers } from './counter/ticket-handlers';
import { demoBase, demoHandlers, platformFor } from './demo';
import { DeviceManager } from './devices/device-manager';
import { DeviceStates } from './devices/device-states';
import { fleetHandlers, startFleet, withAppliedConfig } from './fleet';
import { liveDeviceTest } from './devices/live-device-test';
import { startHealthFile } from './health/health-file';
import { healthSnapshot } from './health/health-service';
import { IdentityFlow } from './identity/identity-flow';
import { IdentityHolder } from './identity/identity-holder';
import { inputHandlers } from './ime/handlers';
import type { Logger } from './logging/logger';
import type { PdfRenderer } from './printing/render/pdf-renderer';
import { startTerminalPrinting } from './printing/terminal-printers';
import { startCounter } from './roles/counter';
import { startKiosk } from './roles/kiosk';
import type { TerminalCore } from './roles/role';
import { sessionHandlers } from './session/handlers';
import { SessionService } from './session/session-service';
import { setupHandlers } from './setup/handlers';
import { SetupService } from './setup/setup-service';
import { TechnicianLock } from './setup/technician-lock';
import { keyProviderFor } from './store/key-file';
import { LocalStore } from './store/local-store';
import { PrintLog } from './store/print-log';
import { CatalogueCache } from './sync/catalogue-cache';
import { HealthReporter, healthReport } from './sync/health-reporter';
import { PlatformClient } from './sync/platform-client';
import { appVersion } from './version';

export interface StartOptions {
  /** Storage paths already resolved by the configuration loader (`loadConfig`'s `storageBase`). */
  config: TerminalConfig;
  /** The file the configuration came from; undefined for the demo profile. */
  configFile: string | undefined;
  shell: TerminalInfo['shell'];
  log: Logger;
  shellVersions?: { electron?: string; chromium?: string };
  /** The shell's own PDF engine (Electron's printToPDF); the Chromium host renders with Chromium. */
  pdfRenderer?: PdfRenderer;
}

/** What a shell holds: one API for its transport, the events to forward, and a way to stop it all. */
export interface Terminal {
  dispatch: Dispatch;
  events: EventBus;
  info(): TerminalInfo;
  close(): Promise<void>;
}

/**
 * The one composition root, called by both shells. It builds in dependency order (platform,
 * store, platform client, event bus, sessions, identity, technician lock, identity flow,
 * devices) so that nothing is bound late; the role decides once what else runs: a kiosk gets
 * cases, capture, certificates, the outbox and the status feed, a counter its desk. Everything
 * started is stopped, in reverse order, by close(), or at once when the start fails.
 */
export async function startTerminal(options: StartOptions): Promise<Terminal> {
  const { log } = options;
  // Where a platform watches the terminal, the sections it sent last (checked and kept) sit over the local file.
  const applied = options.config.platform.url ? withAppliedConfig(options.config, log) : { config: options.config, version: null };
  const config = applied.config;
  const stops = new StopList(log);
  try {
    const platform = await platformFor(config, log);
    if ('close' in platform) stops.add(() => platform.close());

    const store = LocalStore.open({ file: path.join(config.storage.dataDir, 'terminal.db'), keys: keyProviderFor(config.storage) });
    stops.add(() => store.close());
    const client = new PlatformClient({ baseUrl: platform.url, credential: platform.credential });
    const events = new EventBus();
    const sessions = new SessionService(config.session, events, log.child({ service: 'session' }));
    stops.add(() => sessions.dispose());
    const identity = new IdentityHolder();
    sessions.onWipe(() => identity.wipe());
    const technicianLock = new TechnicianLock(config.technician.pinHash);
    const flow = new IdentityFlow(
      sessions,
      identity,
      events,
      // The technician's card test reads through the same reader: no citizen's visit.
      { endOnCardRemoval: config.session.endOnCardRemoval, cardReturnSeconds: config.session.cardReturnSeconds, inSetup: () => technicianLock.unlocked },
      log.child({ service: 'identity' }),
    );
    const deviceStates = new DeviceStates(events);
    const devices = new DeviceManager(
      config.devices,
      deviceStates,
      {
        card: (read) => flow.cardRead(read),
        cardRemoved: () => flow.cardRemoved(),
        cardFailed: (error) => flow.cardFailed(error),
        scan: (scan) => events.publish('qr.scanned', { payload: scan.payload.slice(0, 4096), source: scan.source }),
      },
      log.child({ service: 'devices' }),
    );

    const catalogueCache = new CatalogueCache({ store, client, log: log.child({ service: 'catalogue' }) });
    catalogueCache.start();
    stops.add(() => catalogueCache.stop());
    const catalogue = new CatalogueService(catalogueCache.source, config.services.enabled);

    const printLog = new PrintLog(store);
    const printing = await startTerminalPrinting({
      devices: config.devices,
      dataDir: config.storage.dataDir,
      printLog,
      chromiumPath: config.host.chromiumPath,
      pdfBrowserIdleSeconds: config.host.pdfBrowserIdleSeconds,
      ...(options.pdfRenderer ? { renderer: options.pdfRenderer } : {}),
      log: log.child({ service: 'printing' }),
    });
    stops.add(() => printing.stop());
    const scanner = config.devices.scanner ? await openScanner(config.devices.scanner) : undefined;
    if (scanner) stops.add(() => scanner.close());

    const core: TerminalCore = { config, log, stops, store, platform: { url: platform.url, client }, events, sessions, identity, catalogue, printing, printLog, scanner: scanner?.scanner };
    const role = config.terminal.role === 'kiosk' ? startKiosk(core) : startCounter(core);
    const reporter = new HealthReporter({ client, report: () => healthReport(deviceStates.list(), role.outbox), log: log.child({ service: 'health-report' }) });
    reporter.start();
    stops.add(() => reporter.stop());

    // Watched from the platform only where one is configured: the demo's embedded platform has no one watching.
    const fleet =
      config.platform.url && 'credential' in platform && !('close' in platform)
        ? startFleet({
            config,
            local: options.config,
            appliedVersion: applied.version,
            platform,
            events,
            devices: () => deviceStates.list(),
            outbox: () => ({ depth: role.outbox?.pending() ?? 0, oldestAt: role.outbox?.oldestPendingAt() ?? null }),
            lastSyncAt: () => role.outbox?.lastSyncAt() ?? null,
            sessionActive: () => sessions.current !== undefined,
            endSession: () => sessions.end('cancelled'),
            restart: (why) => {
              log.info({ why, exitCode: config.fleet.restartExitCode }, 'restarting the terminal');
              // The shell's own SIGTERM handling closes the page, the host and the terminal; the code tells the supervisor to start it again.
              process.exitCode = config.fleet.restartExitCode;
              process.kill(process.pid, 'SIGTERM');
            },
            log: log.child({ service: 'fleet' }),
          })
        : undefined;
    if (fleet) stops.add(() => fleet.stop());

    const setup = new SetupService({
      lock: technicianLock,
      configFile: options.configFile,
      dataDir: config.storage.dataDir,
      currentDevices: () => config.devices,
      demoBase,
      testDevice: liveDeviceTest({ devices: config.devices, manager: devices, printing: printing.service, renderer: printing.renderer, ...(scanner ? { scanner: scanner.scanner } : {}) }),
      log: log.child({ service: 'setup' }),
    });

    const info = (): TerminalInfo => ({
      terminalId: config.terminal.id,
      centreName: config.terminal.centre.name,
      role: config.terminal.role,
      locale: config.ui.locale,
      largeType: config.ui.largeTypeDefault,
      demo: config.demo,
      version: appVersion,
      shell: options.shell,
      printers: { a4: config.devices.a4Printer !== undefined, receipt: config.devices.receiptPrinter !== undefined },
    });
    const outbox = role.outbox;
    const health = () =>
      healthSnapshot({
        terminalId: config.terminal.id,
        role: config.terminal.role,
        dataDir: config.storage.dataDir,
        devices: () => deviceStates.list(),
        sync: () => (outbox ? { lastSyncAt: outbox.lastSyncAt(), pending: outbox.pending() } : null),
        sessionActive: () => sessions.current !== undefined,
        shellVersions: options.shellVersions,
      });
    stops.add(startHealthFile(config.storage.dataDir, health, log.child({ service: 'health' })));

    const dispatch = createDispatcher(
      {
        'terminal.info': info,
        'health.get': health,
        ...sessionHandlers(sessions),
        ...identityHandlers(flow),
        ...catalogueHandlers(catalogue, new CatalogueSearch()),
        ...caseHandlers(role.cases),
        ...licenceHandlers(role.licences),
        ...visitHandlers(role.visits),
        ...captureHandlers(role.capture),
        ...certificateHandlers(role.certificates),
        ...printHandlers(printing.service, role.reprints),
        ...helpHandlers(role.help),
        ...counterHandlers(role.counter, role.deskNotices),
        ...cycleHandlers(role.deskCycle),
        ...ticketDeskHandlers(role.ticketDesk),
        ...setupHandlers(technicianLock, setup),
        ...demoHandlers(() => devices.cardSimulator),
        ...inputHandlers({ sessions, stops, log, handwriting: config.handwriting }),
        ...fleetHandlers(fleet),
      },
      log.child({ service: 'api' }),
    );

    await devices.open();
    stops.add(() => devices.close());
    return { dispatch, events, info, close: () => stops.stopAll() };
  } catch (error) {
    await stops.stopAll();
    throw error;
  }
}
