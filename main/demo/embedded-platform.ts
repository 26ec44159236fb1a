import path from 'node:path';
import type { Logger } from '../logging/logger';

export interface EmbeddedPlatform {
  url: string;
  credential: { terminalId: string; secret: string };
  close(): Promise<void>;
}

/** `tbt_<terminalId>.<secret>`, as the platform issues it, into the configuration's two fields. */
function splitCredential(issued: string): { terminalId: string; secret: string } {
  const match = /^tbt_([^.]+)\.(.+)$/.exec(issued);
  if (!match) throw new Error('the embedded platform issued a credential of an unknown form');
  return { terminalId: match[1] as string, secret: match[2] as string };
}

/**
 * The one place the terminal reaches into platform/: the demo site runs the reference platform
 * in its own process, on loopback, seeded with the demo centre, and talks to it over HTTP like
 * to any other platform.
 */
export async function startEmbeddedPlatform(options: { dataDir: string; role: 'kiosk' | 'counter'; log: Logger }): Promise<EmbeddedPlatform> {
  const { startPlatform } = await import('../../platform/index');
  const platform = await startPlatform({
    db: path.join(options.dataDir, 'platform.db'),
    port: 0,
    seedDemo: true,
    log: (line) => options.log.info({ service: 'embedded-platform' }, line),
  });
  const credentials = platform.demoCredentials;
  if (!credentials) throw new Error('the embedded platform was not seeded');
  options.log.info({ url: platform.url }, 'embedded platform listening');
  return { url: platform.url, credential: splitCredential(credentials[options.role].credential), close: () => platform.close() };
}
