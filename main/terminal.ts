import type { TerminalConfig } from '../kiosk-config/schema';
import type { TerminalInfo } from '../contract/terminal/api';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { EventBus } from './api/event-bus';
import { CatalogueService, type CatalogueSource } from './catalogue/catalogue-service';
import { startHealthFile } from './health/health-file';
import { healthSnapshot } from './health/health-service';
import type { Logger } from './logging/logger';
import { SessionService } from './session/session-service';
import { appVersion } from './version';

export interface TerminalDeps {
  config: TerminalConfig;
  shell: TerminalInfo['shell'];
  log: Logger;
  catalogueSource: CatalogueSource;
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
