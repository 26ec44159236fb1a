import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../platform';
import { startLocalPostgres, type LocalPostgres } from './local-postgres';

/**
 * When a terminal was last heard from is written in batches (one statement for all the
 * terminals heard from in a second), on SQLite and on PostgreSQL: every terminal that called
 * gets its time, one that did not stays unseen, and what is still gathering when the platform
 * stops is written before it does.
 */
describe.each(['sqlite', 'postgres'] as const)('last seen on %s', (store) => {
  let dir: string;
  let postgres: LocalPostgres | undefined;
  let platform: RunningPlatform | undefined;
  let db: string;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-last-seen-'));
    if (store === 'postgres') {
      postgres = await startLocalPostgres();
      db = await postgres.createDatabase('last_seen');
    } else db = path.join(dir, 'centre.db');
  });

  afterEach(async () => {
    await platform?.close();
    platform = undefined;
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = () => startPlatform({ db, seedDemo: false, keyFile: path.join(dir, 'platform.keys') });

  it('writes the terminals heard from together, and what is pending when the platform stops', async () => {
    platform = await open();
    const { access } = platform.services;
    await access.createCentre('c1', 'Centre');
    const credentials = [];
    for (const id of ['k1', 'k2', 'k3']) credentials.push((await access.registerTerminal('c1', { terminalId: id, kind: 'kiosk', name: id })).credential);
    const before = Date.now();
    for (const credential of credentials.slice(0, 2)) {
      const response = await fetch(`${platform.url}/v1/catalogue`, { headers: { authorization: `Bearer ${credential}` } });
      expect(response.status).toBe(200);
    }
    let seen = await access.terminals('c1');
    const deadline = Date.now() + 10_000;
    while (seen.some((t) => t.terminalId !== 'k3' && !t.lastSeenAt) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await access.terminals('c1');
    }
    expect(seen.map((t) => [t.terminalId, t.lastSeenAt !== null])).toEqual([['k1', true], ['k2', true], ['k3', false]]);
    expect(Date.parse(seen[0]!.lastSeenAt!)).toBeGreaterThanOrEqual(before - 1000);

    // Heard just before stopping: written by close, seen after a restart.
    await fetch(`${platform.url}/v1/catalogue`, { headers: { authorization: `Bearer ${credentials[2]}` } });
    await platform.close();
    platform = await open();
    expect((await platform.services.access.terminals('c1')).find((t) => t.terminalId === 'k3')?.lastSeenAt).not.toBeNull();
  }, 60_000);
});
