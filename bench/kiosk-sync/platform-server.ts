/**
 * The reference platform in its own process for the kiosk-sync bench, so that the kiosk's work
 * and the platform's do not share an event loop. Prints one JSON line: url and demo credentials.
 *   node --import tsx bench/kiosk-sync/platform-server.ts <sqlite file>
 */
import { startPlatform } from '../../platform';

const db = process.argv[2];
if (!db) {
  process.stderr.write('usage: platform-server <sqlite file>\n');
  process.exit(2);
}
const platform = await startPlatform({ port: 0, db, seedDemo: true, rateLimitPerMinute: 1_000_000 });
process.stdout.write(`${JSON.stringify({ url: platform.url, demo: platform.demoCredentials })}\n`);
process.once('SIGTERM', () => {
  void platform.close().then(() => process.exit(0));
});
