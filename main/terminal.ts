import demoProfile from '../kiosk-config/examples/demo.json' with { type: 'json' };
import type { TerminalConfig } from '../kiosk-config/schema';
import type { DemoCard, TerminalInfo } from '../contract/terminal/api';
import { ApiFailure, createDispatcher, type Dispatch } from './api/dispatcher';
import { EventBus } from './api/event-bus';
import { CatalogueService, type CatalogueSource } from './catalogue/catalogue-service';
import { startHealthFile } from './health/health-file';
import { healthSnapshot } from './health/health-service';
import type { Logger } from './logging/logger';
import { SessionService } from './session/session-service';
import { SetupService } from './setup/setup-service';
import { TechnicianLock } from './setup/technician-lock';
import { appVersion } from './version';

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
}

export interface Terminal {
  dispatch: Dispatch;
  events: EventBus;
  info(): TerminalInfo;
  close(): Promise<void>;
}

/** The composition root shared by both shells: services wired to the one API. */
export function createTerminal(deps: TerminalDeps): Terminal {
  const { config, log } = deps;
  const events = new EventBus();
  const sessions = new SessionService(config.session, events, log.child({ service: 'session' }));
  const catalogue = new CatalogueService(deps.catalogueSource, config.services.enabled);
  const technicianLock = new TechnicianLock(config.technician.pinHash);
  const setup = new SetupService({
    lock: technicianLock,
    configFile: deps.configFile,
    dataDir: config.storage.dataDir,
    currentDevices: () => config.devices,
    demoBase: () => demoProfile,
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
  });

  const health = () =>
    healthSnapshot({
      terminalId: config.terminal.id,
      role: config.terminal.role,
      dataDir: config.storage.dataDir,
      devices: () => [],
      sync: () => null,
      sessionActive: () => sessions.current !== undefined,
      shellVersions: deps.shellVersions,
    });
  const stopHealthFile = startHealthFile(config.storage.dataDir, health, log.child({ service: 'health' }));

  const demoCards = (): DemoCardPanel => {
    if (!deps.demoCards) throw new ApiFailure('unavailable', 'this terminal has no simulated ID-card reader');
    return deps.demoCards;
  };

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
      'health.get': health,
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
    },
    log.child({ service: 'api' }),
  );

  return {
    dispatch,
    events,
    info,
    async close() {
      stopHealthFile();
      sessions.dispose();
    },
  };
}
