import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeSyncedCases } from '../../../main/store/case-purge';
import { CaseStore } from '../../../main/store/case-store';
import { keyFileProvider } from '../../../main/store/key-file';
import { LocalStore } from '../../../main/store/local-store';
import { OutboxWorker } from '../../../main/sync/outbox-worker';
import { PlatformClient } from '../../../main/sync/platform-client';
import { kioskCase, splitCredential } from './kiosk-fixtures';
import { PlatformHarness } from './platform-harness';

/** Hole 13 of issue 12, terminal side: what a kiosk in a public hall keeps once the platform has a case. */
describe('the kiosk purging acknowledged cases', () => {
  const harness = new PlatformHarness();
  let store: LocalStore;
  let file: string;
  const now = Date.now();

  beforeAll(async () => {
    await harness.start();
    file = path.join(harness.dir, 'kiosk', 'terminal.db');
    store = LocalStore.open({ file, keys: keyFileProvider(path.join(harness.dir, 'keys', 'store.key')) });
  });
  afterAll(async () => {
    store?.close();
    await harness.dispose();
  });

  const fileBytes = () => Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));

  it('keeps case number, state and history, drops the sealed request and every scan from the rows and the files', async () => {
    const cases = new CaseStore(store, () => now);
    const client = new PlatformClient({ baseUrl: harness.url, credential: splitCredential(harness.kioskCredential), timeoutMs: 2_000 });
    const synced = cases.record(kioskCase(4)).caseId; // every fifth case carries a scan
    const worker = new OutboxWorker({ store, cases, client, backoff: { baseMs: 50, capMs: 400 } });
    worker.start();
    await worker.whenDrained();
    await worker.stop();
    await harness.stop();
    const pending = cases.record(kioskCase(9)).caseId; // the platform is down: stays in the outbox
    expect(cases.get(synced)!.sync.state).toBe('synced');

    const sealed = (store.db.prepare('SELECT sealed_request FROM cases WHERE id = ?').get(synced) as { sealed_request: Buffer }).sealed_request;
    const marker = sealed.subarray(13, 45);
    store.db.pragma('wal_checkpoint(PASSIVE)');
    expect(fileBytes().includes(marker)).toBe(true);
    const idLast4 = cases.readRequest(synced)!.applicant.idNumber.slice(-4);

    expect(purgeSyncedCases(store, now + 30 * 60_000)).toEqual({ purged: 0, deleted: 0 });
    expect(purgeSyncedCases(store, now + 61 * 60_000)).toEqual({ purged: 1, deleted: 0 });

    expect(cases.get(synced)).toMatchObject({ caseId: synced, sync: { state: 'synced' }, status: 'queued' });
    expect(cases.get(synced)!.queueNumber).toMatch(/^[A-Z]\d+/);
    expect(cases.readRequest(synced)).toBeUndefined();
    expect(store.db.prepare('SELECT count(*) AS n FROM materials WHERE case_id = ?').get(synced)).toEqual({ n: 0 });
    expect(fileBytes().includes(marker)).toBe(false);
    expect(cases.provesOwnership(synced, idLast4)).toBe(true);
    expect(cases.provesOwnership(synced, '0000')).toBe(false);
    // Not yet acknowledged: everything kept, for the outbox.
    expect(cases.readRequest(pending)).toBeDefined();
    expect(cases.pendingUploads(pending).length + 1).toBeGreaterThan(0);
  });

  it('removes a finished case altogether after the finished period', () => {
    const cases = new CaseStore(store, () => now);
    const id = cases.list({ syncState: 'synced' })[0]!.caseId;
    store.db.prepare("UPDATE cases SET status = 'completed', status_at = ? WHERE id = ?").run(new Date(now).toISOString(), id);
    expect(purgeSyncedCases(store, now + 89 * 86_400_000).deleted).toBe(0);
    expect(purgeSyncedCases(store, now + 91 * 86_400_000).deleted).toBe(1);
    expect(cases.get(id)).toBeUndefined();
  });
});
