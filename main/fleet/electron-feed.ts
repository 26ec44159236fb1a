import type { TerminalConfig } from '../../kiosk-config/schema';

/**
 * Where the Electron build asks for updates: the platform's feed in electron-updater's generic
 * provider format (`GET /v1/updates/electron/latest.yml`, `latest-linux.yml` on Linux), with the
 * terminal's own credential, so the platform offers the release its rollout includes for this
 * terminal. Plain data (no electron import), so the feed can be checked where Electron cannot run.
 */
export interface ElectronUpdateFeed {
  options: { provider: 'generic'; url: string };
  headers: { authorization: string };
}

/** The feed of a terminal a platform watches; none for the demo site's embedded platform. */
export function electronUpdateFeed(platform: TerminalConfig['platform']): ElectronUpdateFeed | undefined {
  if (!platform.url || !platform.credential) return undefined;
  return {
    options: { provider: 'generic', url: new URL('v1/updates/electron/', platform.url.endsWith('/') ? platform.url : `${platform.url}/`).href },
    headers: { authorization: `Bearer tbt_${platform.credential.terminalId}.${platform.credential.secret}` },
  };
}
