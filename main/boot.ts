import path from 'node:path';
import type { TerminalConfig } from '../kiosk-config/schema';
import type { TerminalInfo } from '../contract/terminal/api';
import { ApiFailure } from './api/dispatcher';
import { EventBus } from './api/event-bus';
import { DeviceManager } from './devices/device-manager';
import { liveDeviceTest } from './devices/live-device-test';
import { DeviceStates } from './devices/device-states';
import { IdentityFlow } from './identity/identity-flow';
import { IdentityHolder } from './identity/identity-holder';
import type { SessionService } from './session/session-service';
import { startEmbeddedPlatform } from './embedded-platform';
import { openScanner } from '../drivers/scanner';
import { OcrService } from './ocr';
import type { Logger } from './logging/logger';
import type { PdfRenderer } from './printing/render/pdf-renderer';
import { startTerminalPrinting } from './printing/terminal-printers';
import { CaseStore } from './store/case-store';
import { PrintLog } from './store/print-log';
import { keyFileProvider } from './store/key-file';
import { LocalStore } from './store/local-store';
import { CatalogueCache } from './sync/catalogue-cache';
import { HealthReporter, healthReport } from './sync/health-reporter';
import { OutboxWorker } from './sync/outbox-worker';
import { PlatformClient } from './sync/platform-client';
import { startReconnectProbe } from './sync/reconnect-probe';
import { StatusFeed } from './sync/status-feed';
import { createTerminal, type DemoCardPanel, type Terminal } from './terminal';
import { startFleet, withAppliedConfig, type RunningFleet } from './fleet';

export interface BootOptions {
  config: TerminalConfig;
  configFile: string | undefined;
  shell: TerminalInfo['shell'];
  log: Logger;
  shellVersions?: { electron?: string; chromium?: string };
  /** The shell's own PDF engine (Electron's printToPDF); the Chromium host renders with Chromium. */
  pdfRenderer?: PdfRenderer;
}

type Stop = () => Promise<void> | void;

/**
 * What both shells call: the platform (the configured one, or the embedded demo platform), the
 * local store and its sync, around the services of `createTerminal`. Everything started here is
 * stopped, in reverse order, by the returned terminal's close().
 */
export async function bootTerminal(options: BootOptions): Promise<Terminal> {
  const { log } = options;
  // Where a platform watches the terminal, the sections it sent last (checked and kept) sit over the local file.
  const applied = options.config.platform.url ? withAppliedConfig(options.config, log) : { config: options.config, version: null };
  const config = applied.config;
  const stops: Stop[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        log.error({ err: error }, 'a service failed to stop');
      }
    }
  };

  let terminal: Terminal | undefined;
  try {
    const platform = config.platform.url
      ? { url: config.platform.url, credential: config.platform.credential as NonNullable<TerminalConfig['platform']['credential']> }
      : await startEmbeddedPlatform({ dataDir: config.storage.dataDir, role: config.terminal.role, log });
    if ('close' in platform) stops.push(() => platform.close());

    const store = LocalStore.open({
      file: path.join(config.storage.dataDir, 'terminal.db'),
      keys: keyFileProvider(config.storage.keyFile),
    });
    stops.push(() => store.close());
    const cases = new CaseStore(store);
    const client = new PlatformClient({ baseUrl: platform.url, credential: platform.credential });
    const events = new EventBus();

    const worker = new OutboxWorker({ store, cases, client, log: log.child({ service: 'outbox' }) });
    const feed = new StatusFeed({ store, cases, client, log: log.child({ service: 'status-feed' }) });
    feed.on('status', (change) => events.publish('case.updated', { caseId: change.caseId, status: change.status, queueNumber: change.queueNumber }));
    const catalogue = new CatalogueCache({ store, client, log: log.child({ service: 'catalogue' }) });
    const deviceStates = new DeviceStates(events);
    const reporter = new HealthReporter({ client, report: () => healthReport(deviceStates.list(), worker), log: log.child({ service: 'health-report' }) });
    for (const service of [worker, feed, catalogue, reporter]) {
      service.start();
      stops.push(() => service.stop());
    }
    stops.push(startReconnectProbe({ worker, probe: () => client.health() }));

    const printLog = new PrintLog(store);
    const printing = await startTerminalPrinting({
      devices: config.devices,
      dataDir: config.storage.dataDir,
      printLog,
      chromiumPath: config.host.chromiumPath,
      ...(options.pdfRenderer ? { renderer: options.pdfRenderer } : {}),
      log: log.child({ service: 'printing' }),
    });
    stops.push(() => printing.stop());

    const scanner = config.devices.scanner ? await openScanner(config.devices.scanner) : undefined;
    if (scanner) stops.push(() => scanner.close());
    // One pool for the whole terminal, warmed at the first scan and kept between citizens.
    const ocr = scanner ? new OcrService({ workers: 1 }) : undefined;
    if (ocr) stops.push(() => ocr.close());

    const identity = new IdentityHolder();
    let sessions: SessionService | undefined;
    let flow: IdentityFlow | undefined;
    const devices = new DeviceManager(
      config.devices,
      deviceStates,
      {
        card: (read) => flow?.cardRead(read),
        cardRemoved: () => flow?.cardRemoved(),
        cardFailed: (error) => flow?.cardFailed(error),
        scan: (scan) => events.publish('qr.scanned', { payload: scan.payload.slice(0, 4096), source: scan.source }),
      },
      log.child({ service: 'devices' }),
    );

    const fleet: RunningFleet | undefined = config.platform.url
      ? startFleet({
          config,
          local: options.config,
          appliedVersion: applied.version,
          platform,
          events,
          devices: () => deviceStates.list(),
          outbox: () => ({ depth: worker.pending(), oldestAt: cases.oldestPendingAt() }),
          lastSyncAt: () => worker.lastSyncAt(),
          sessionActive: () => sessions?.current !== undefined,
          endSession: () => sessions?.end('cancelled'),
          restart: (why) => {
            log.info({ why, exitCode: config.fleet.restartExitCode }, 'restarting the terminal');
            // The shell's own SIGTERM handling closes the page, the host and the terminal; the code tells the supervisor to start it again.
            process.exitCode = config.fleet.restartExitCode;
            process.kill(process.pid, 'SIGTERM');
          },
          log: log.child({ service: 'fleet' }),
        })
      : undefined;
    if (fleet) stops.push(() => fleet.stop());

    terminal = createTerminal({
      ...options,
      config,
      ...(fleet ? { fleet: fleet.handlers } : {}),
      events,
      catalogueSource: catalogue.source,
      platformUrl: platform.url,
      cases: {
        store: cases,
        sync: {
          kick: () => worker.kick(),
          rate: async (caseId, rating) => {
            await client.rate(caseId, rating);
          },
        },
      },
      printing: printing.service,
      certificates: { issue: (request) => client.contributionCertificate(request), printing: printing.service, printLog },
      capture: { scanner: scanner?.scanner, reader: ocr },
      syncStatus: () => ({ lastSyncAt: worker.lastSyncAt(), pending: worker.pending() }),
      identity,
      devices: () => deviceStates.list(),
      testDevice: liveDeviceTest({ devices: config.devices, manager: devices, printing: printing.service, renderer: printing.renderer, ...(scanner ? { scanner: scanner.scanner } : {}) }),
      onSessions: (made) => (sessions = made),
      ...(config.devices.idcard?.transport === 'simulator' ? { demoCards: demoCardPanel(devices) } : {}),
      onClose: stopAll,
    });
    if (!sessions) throw new Error('the terminal made no session service');
    const made = terminal;
    flow = new IdentityFlow(sessions, identity, events, { endOnCardRemoval: config.session.endOnCardRemoval, inSetup: () => made.inSetup() }, log.child({ service: 'identity' }));
    await devices.open();
    stops.push(() => devices.close());
    return terminal;
  } catch (error) {
    // The terminal's close() stops everything started here too, and its own services besides.
    await (terminal ? terminal.close() : stopAll());
    throw error;
  }
}

/** The demo panel's view of the simulated reader: its fictional cards, placed and removed by touch. */
function demoCardPanel(devices: DeviceManager): DemoCardPanel {
  const simulator = () => {
    if (!devices.cardSimulator) throw new Error('the card simulator is not running');
    return devices.cardSimulator;
  };
  return {
    cards: () =>
      simulator()
        .listCards()
        .map((card) => ({ id: card.id, label: card.face.name, kind: card.face.kind })),
    place: (cardId) => {
      if (!simulator().listCards().some((card) => card.id === cardId)) throw new ApiFailure('bad-request', `no demo card "${cardId}"`);
      simulator().place(cardId);
    },
    remove: () => simulator().remove(),
  };
}
