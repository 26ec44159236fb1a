import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlatform, demoCatalogue, startPlatform, type RunningPlatform } from '../../../platform';
import { client } from './helpers';

/**
 * What a SQLite platform serves from memory (verified terminal credentials, the catalogue) is
 * read from the store once, and again as soon as another connection has written the store: a
 * credential reissued from the command line (which opens the file without the platform's
 * process) is refused on the very next request, and a catalogue it installed is served at once.
 */
describe('a SQLite platform’s memory of its store', () => {
  let dir: string;
  let platform: RunningPlatform;
  let credential: string;
  /** The store and its keys, opened by the platform and by the command line alike. */
  const store = () => ({ db: path.join(dir, 'centre.db'), keyFile: path.join(dir, 'platform.keys') });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-memory-'));
    platform = await startPlatform({ ...store(), seedDemo: false });
    await platform.services.access.createCentre('c1', 'Centre');
    credential = (await platform.services.access.registerTerminal('c1', { terminalId: 'k1', kind: 'kiosk', name: 'k1' })).credential;
  });

  afterEach(async () => {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The command line: the same file through a connection of its own, closed when done. */
  async function fromTheCommandLine<T>(run: (other: Awaited<ReturnType<typeof createPlatform>>) => Promise<T>): Promise<T> {
    const other = await createPlatform(store());
    try {
      return await run(other);
    } finally {
      await other.close();
    }
  }

  it('looks a credential up once, and refuses it on the next request after a reissue elsewhere', async () => {
    const call = client(platform.url);
    const reads = vi.spyOn(platform.db, 'get');
    const terminalLookups = () => reads.mock.calls.filter(([sql]) => sql.includes('FROM terminals')).length;
    expect((await call('GET', '/v1/me', { token: credential })).status).toBe(200);
    expect((await call('GET', '/v1/me', { token: credential })).status).toBe(200);
    expect(terminalLookups()).toBe(1);

    const reissued = await fromTheCommandLine((other) => other.services.access.reissueTerminalCredential('k1'));
    expect((await call('GET', '/v1/me', { token: credential })).status).toBe(401);
    expect((await call('GET', '/v1/me', { token: reissued.credential })).status).toBe(200);
  });

  it('refuses a credential reissued in its own process on the next request', async () => {
    const call = client(platform.url);
    expect((await call('GET', '/v1/me', { token: credential })).status).toBe(200);
    const reissued = await platform.services.access.reissueTerminalCredential('k1');
    expect((await call('GET', '/v1/me', { token: credential })).status).toBe(401);
    expect((await call('GET', '/v1/me', { token: reissued.credential })).status).toBe(200);
  });

  it('serves the catalogue without reading it, and one installed elsewhere at once', async () => {
    const call = client(platform.url);
    const first = await call('GET', '/v1/catalogue', { token: credential });
    expect(first.status).toBe(200);
    const reads = vi.spyOn(platform.db, 'get');
    expect((await call('GET', '/v1/catalogue', { token: credential })).headers.get('etag')).toBe(first.headers.get('etag'));
    expect(reads.mock.calls.filter(([sql]) => sql.includes('FROM catalogue'))).toEqual([]);

    await fromTheCommandLine((other) => other.services.catalogue.put({ ...demoCatalogue, version: 'replaced-elsewhere' }, Date.now()));
    const next = await call('GET', '/v1/catalogue', { token: credential });
    expect(next.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(next.body.version).toBe('replaced-elsewhere');
  });
});
