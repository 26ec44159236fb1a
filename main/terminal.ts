import demoProfile from '../kiosk-config/examples/demo.json' with { type: 'json' };
import type { TerminalConfig } from '../kiosk-config/schema';
import type { DemoCard, DeviceState, DeviceTestResult, HealthSnapshot, TerminalInfo } from '../contract/terminal/api';
import { ApiFailure, createDispatcher, type Dispatch } from './api/dispatcher';
import { EventBus } from './api/event-bus';
import { CaptureService, captureHandlers, type PageReader } from './capture';
import { CaseService, type CaseSync } from './cases/case-service';
import { CertificateService, type CertificateServiceDeps } from './certificates/certificate-service';
import { CatalogueSearch } from './catalogue/catalogue-search';
import { CatalogueService, type CatalogueSource } from './catalogue/catalogue-service';
import { CounterService } from './counter/counter-service';
import { counterHandlers } from './counter/handlers';
import { noFleetHandlers, type FleetHandlers } from './fleet';
import { StaffClient } from './counter/staff-client';
import { startHealthFile } from './health/health-file';
import { healthSnapshot } from './health/health-service';
import { IdentityHolder } from './identity/identity-holder';
import type { Logger } from './logging/logger';
import { SessionService } from './session/session-service';
import { SetupService } from './setup/setup-service';
import { TechnicianLock } from './setup/technician-lock';
import type { CaseStore } from './store/case-store';
import type { PrintService } from './printing/print-service';
import { appVersion } from './version';
import type { Scanner } from '../drivers/scanner';

/** The demo site's simulated ID-card reader, driven from the UI's demo panel. */
export interface DemoCardPanel {
  cards(): DemoCard[];
  place(cardId: string): void;
  remove(): void;
}

export interface TerminalDeps {
  config: TerminalConfig;
  /** The file the configuration came from; undefined for the demo profile. */
  configFile: string | undefined;
  shell: TerminalInfo['shell'];
  log: Logger;
  catalogueSource: CatalogueSource;
  demoCards?: DemoCardPanel;
  shellVersions?: { electron?: string; chromium?: string };
  /** The platform the counter's staff work on when `platform.url` is not set (the embedded demo platform). */
  platformUrl?: string;
  /** Made by the caller when its own services (devices, sync) publish too. */
  events?: EventBus;
  /** The citizen at the machine; the reader puts identities here. */
  identity?: IdentityHolder;
  /** The local store and its sync: where cases are recorded first. */
  cases?: { store: CaseStore; sync: CaseSync };
  printing?: PrintService;
  /** Certificates printed on the spot, issued by the platform. */
  certificates?: Omit<CertificateServiceDeps, 'identity' | 'session' | 'log'>;
  /** The document scanner and the shared OCR, for the citizen's papers (kiosk with cases only). */
  capture?: { scanner: Scanner | undefined; reader: PageReader | undefined };
  syncStatus?: () => HealthSnapshot['sync'];
  devices?: () => DeviceState[];
  /** The setup screen's device test, through the devices this terminal holds open. */
  testDevice?: (role: string) => Promise<DeviceTestResult>;
  /** Sessions are made here; the caller may want them (a card placed begins one). */
  onSessions?: (sessions: SessionService) => void;
  /** The fleet's methods (service state, screenshots) when a platform watches this terminal. */
  fleet?: FleetHandlers;
  /** Stops what the caller started for this terminal (devices, sync, an embedded platform). */
  onClose?: () => Promise<void>;
}

export interface Terminal {
  dispatch: Dispatch;
  events: EventBus;
  /** A technician has the setup screen open: cards placed now are tests, not citizens. */
  inSetup(): boolean;
  info(): TerminalInfo;
  close(): Promise<void>;
}

/** The composition root shared by both shells: services wired to the one API. */
export function createTerminal(deps: TerminalDeps): Terminal {
  const { config, log } = deps;
  const events = deps.events ?? new EventBus();
  const sessions = new SessionService(config.session, events, log.child({ service: 'session' }));
  const identity = deps.identity ?? new IdentityHolder();
  sessions.onWipe(() => identity.wipe());
  deps.onSessions?.(sessions);
  const catalogue = new CatalogueService(deps.catalogueSource, config.services.enabled);
  const search = new CatalogueSearch();
  const capture =
    deps.cases && deps.capture
      ? new CaptureService({
          ...deps.capture,
          session: () => sessions.current,
          onRead: (reading) => events.publish('capture.read', reading),
          log: log.child({ service: 'capture' }),
        })
      : undefined;
  if (capture) sessions.onWipe(() => capture.wipe());
  const cases = deps.cases
    ? new CaseService({
        store: deps.cases.store,
        catalogue,
        identity: () => identity.current,
        session: () => sessions.current,
        sync: deps.cases.sync,
        log: log.child({ service: 'cases' }),
        ...(deps.printing ? { printing: deps.printing } : {}),
        terminal: { id: config.terminal.id, centreName: config.terminal.centre.name },
        ...(capture ? { scans: capture } : {}),
      })
    : undefined;
  const certificates = deps.certificates
    ? new CertificateService({
        ...deps.certificates,
        identity: () => identity.current,
        session: () => sessions.current,
        log: log.child({ service: 'certificates' }),
      })
    : undefined;
  if (certificates) sessions.onWipe(() => certificates.wipe());
  const certificateService = (): CertificateService => {
    if (!certificates) throw new ApiFailure('unavailable', 'this terminal prints no certificates');
    return certificates;
  };
  const caseService = (): CaseService => {
    if (!cases) throw new ApiFailure('unavailable', 'this terminal records no cases');
    return cases;
  };
  const technicianLock = new TechnicianLock(config.technician.pinHash);
  const setup = new SetupService({
    lock: technicianLock,
    configFile: deps.configFile,
    dataDir: config.storage.dataDir,
    currentDevices: () => config.devices,
    demoBase: () => demoProfile,
    ...(deps.testDevice ? { testDevice: deps.testDevice } : {}),
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
    shell: deps.shell,
    printers: { a4: config.devices.a4Printer !== undefined, receipt: config.devices.receiptPrinter !== undefined },
  });

  const health = () =>
    healthSnapshot({
      terminalId: config.terminal.id,
      role: config.terminal.role,
      dataDir: config.storage.dataDir,
      devices: deps.devices ?? (() => []),
      sync: deps.syncStatus ?? (() => null),
      sessionActive: () => sessions.current !== undefined,
      shellVersions: deps.shellVersions,
    });
  const stopHealthFile = startHealthFile(config.storage.dataDir, health, log.child({ service: 'health' }));

  const demoCards = (): DemoCardPanel => {
    if (!deps.demoCards) throw new ApiFailure('unavailable', 'this terminal has no simulated ID-card reader');
    return deps.demoCards;
  };

  const platformUrl = config.platform.url ?? deps.platformUrl;
  const counter =
    config.terminal.role === 'counter'
      ? new CounterService({
          client: platformUrl ? new StaffClient(platformUrl) : undefined,
          windowName: config.counter.windowName,
          lockMinutes: config.counter.lockMinutes,
          cardOnReader: () => identity.current,
          catalogue: () => catalogue.get(),
          events,
          log: log.child({ service: 'counter' }),
        })
      : undefined;

  const dispatch = createDispatcher(
    {
      'terminal.info': info,
      'session.begin': ({ via }) => sessions.begin(via),
      'session.activity': () => {
        sessions.activity();
        return { ok: true };
      },
      'session.end': ({ reason }) => {
        sessions.end(reason);
        return { ok: true };
      },
      'catalogue.get': () => catalogue.get(),
      'catalogue.search': async ({ query }) => ({ codes: search.search(await catalogue.get(), query) }),
      'health.get': health,
      'cases.submit': ({ serviceCode, values }) => caseService().submit(serviceCode, values),
      'cases.lookup': (query) => caseService().lookup(query),
      'cases.rate': async ({ caseId, level, reasons, comment }) => {
        await caseService().rate(caseId, level, reasons, comment);
        return { ok: true };
      },
      'print.caseReceipt': ({ caseId }) => caseService().printReceipt(caseId),
      'certificates.prepare': ({ from, to }) => certificateService().prepare(from, to),
      'certificates.print': ({ documentId }) => certificateService().print(documentId),
      'demo.cards': () => (deps.demoCards ? deps.demoCards.cards() : []),
      'demo.placeCard': ({ cardId }) => {
        demoCards().place(cardId);
        return { ok: true };
      },
      'demo.removeCard': () => {
        demoCards().remove();
        return { ok: true };
      },
      'setup.unlock': ({ pin }) => technicianLock.unlock(pin),
      'setup.lock': () => {
        technicianLock.lock();
        return { ok: true };
      },
      'setup.ports': () => setup.ports(),
      'setup.devices': () => setup.devices(),
      'setup.saveDevices': ({ devices }) => setup.saveDevices(devices),
      'setup.testDevice': ({ role }) => setup.testDevice(role),
      ...counterHandlers(counter),
      ...captureHandlers(capture),
      ...(deps.fleet ?? noFleetHandlers()),
    },
    log.child({ service: 'api' }),
  );

  return {
    dispatch,
    events,
    inSetup: () => technicianLock.unlocked,
    info,
    async close() {
      stopHealthFile();
      sessions.dispose();
      await counter?.dispose();
      await deps.onClose?.();
    },
  };
}
