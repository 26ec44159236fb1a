/**
 * The demo site's room: what stands in for a real centre when the configuration names no
 * platform (the reference platform, embedded) and no hardware (the simulators' panels). The
 * core asks here once; it holds no demo conditionals of its own.
 */
import demoProfile from '../../kiosk-config/examples/demo.json' with { type: 'json' };
import type { TerminalConfig } from '../../kiosk-config/schema';
import type { Logger } from '../logging/logger';
import type { EmbeddedPlatform } from './embedded-platform';

export { demoHandlers } from './handlers';

/** What the setup screen saves a technician's devices onto when the terminal runs the demo profile (it has no file). */
export const demoBase = (): unknown => demoProfile;

/** The platform the terminal talks to: the configured one, or, on the demo site, the reference platform in this process. */
export async function platformFor(config: TerminalConfig, log: Logger): Promise<{ url: string; credential: { terminalId: string; secret: string } } | EmbeddedPlatform> {
  if (config.platform.url) {
    if (!config.platform.credential) throw new Error('platform.url is set without platform.credential');
    return { url: config.platform.url, credential: config.platform.credential };
  }
  // Loaded only here, so that a terminal on a real platform never loads fastify and the platform's code.
  const { startEmbeddedPlatform } = await import('./embedded-platform');
  return startEmbeddedPlatform({ dataDir: config.storage.dataDir, role: config.terminal.role, log });
}
