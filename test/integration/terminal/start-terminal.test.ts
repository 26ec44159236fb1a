import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../../platform';

const run = promisify(execFile);
const child = path.join(import.meta.dirname, 'start-child.ts');

/** `tbt_<terminalId>.<secret>` as the platform issues it, as the configuration holds it. */
function credentialOf(issued: string): { terminalId: string; secret: string } {
  const match = /^tbt_([^.]+)\.(.+)$/.exec(issued);
  if (!match) throw new Error(`not a terminal credential: ${issued.slice(0, 8)}…`);
  return { terminalId: match[1]!, secret: match[2]! };
}

/**
 * The one composition root, started as a shell starts it, in a process of its own: the role
 * decides what runs, and a terminal on a real platform never loads the platform's code.
 */
describe('startTerminal', () => {
  let platform: RunningPlatform;
  let demo: DemoCredentials;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-start-'));
    platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true });
    demo = platform.demoCredentials!;
  });

  afterAll(async () => {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(name: string, config: Record<string, unknown>) {
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({ storage: { dataDir: path.join(dir, name, 'data'), logDir: path.join(dir, name, 'log'), keyFile: path.join(dir, name, 'store.key') }, ...config }));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', child, file], { timeout: 90_000 });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  }

  // Each test starts a terminal process of its own (tsx compiles it first): give it time on a busy machine.
  it('a kiosk on a real platform records cases, has no desk, and never loads fastify', async () => {
    const answers = await start('kiosk', {
      terminal: { id: 'kiosk-start-1', centre: { id: 'demo-centre', name: '演示中心' }, role: 'kiosk' },
      platform: { url: platform.url, credential: credentialOf(demo.kiosk.credential) },
    });
    expect(answers).toEqual({
      role: 'kiosk',
      casesLookup: 'bad-request',
      counterStatus: 'not-allowed',
      capturePages: 'ok',
      demoCards: 'ok',
      health: { lastSyncAt: null, pending: 0 },
      fastifyLoaded: false,
    });
  }, 120_000);

  it('a counter gets its desk and nothing of the kiosk', async () => {
    const answers = await start('counter', {
      terminal: { id: 'counter-start-1', centre: { id: 'demo-centre', name: '演示中心' }, role: 'counter' },
      platform: { url: platform.url, credential: credentialOf(demo.counter.credential) },
    });
    expect(answers).toMatchObject({ role: 'counter', casesLookup: 'unavailable', counterStatus: 'ok', capturePages: 'unavailable', health: null, fastifyLoaded: false });
  }, 120_000);

  it('the demo site, with no platform configured, embeds the platform (and so loads fastify)', async () => {
    const answers = await start('demo', { terminal: { id: 'demo-start-1', centre: { id: 'demo-centre', name: '演示中心' }, role: 'kiosk' } });
    expect(answers).toMatchObject({ role: 'kiosk', fastifyLoaded: true });
  }, 120_000);
});
