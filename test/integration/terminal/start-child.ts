/**
 * Run by start-terminal.test.ts in a process of its own (so that the modules it loads are its
 * own): starts the terminal from the configuration file in argv[2], asks it a few questions,
 * prints the answers as one JSON line and stops it.
 */
import { createRequire } from 'node:module';
import pino from 'pino';
import { loadConfig } from '../../../kiosk-config/load';
import { startTerminal } from '../../../main/terminal';

const require = createRequire(import.meta.url);
const { config, file } = loadConfig({ file: process.argv[2], env: {} });
const terminal = await startTerminal({ config, configFile: file, shell: 'chromium-host', log: pino({ level: 'silent' }) });
const code = async (method: string, args: unknown = {}) => {
  const answer = await terminal.dispatch(1, method, args);
  return answer.ok ? 'ok' : answer.error.code;
};
const answers = {
  role: terminal.info().role,
  casesLookup: await code('cases.lookup', { caseId: '01900000-0000-7000-8000-000000000000' }),
  counterStatus: await code('counter.status'),
  capturePages: await code('capture.pages'),
  demoCards: await code('demo.cards'),
  health: ((await terminal.dispatch(2, 'health.get', {})) as { result?: { sync: unknown } }).result?.sync ?? null,
  // fastify is a CommonJS package: once loaded, it is in the CommonJS module cache.
  fastifyLoaded: Object.keys(require.cache).some((loaded) => loaded.includes('/node_modules/fastify/')),
};
await terminal.close();
process.stdout.write(`${JSON.stringify(answers)}\n`);
// fetch's idle keep-alive sockets would hold the process a few seconds more; the shells exit the same way.
process.exit(0);
