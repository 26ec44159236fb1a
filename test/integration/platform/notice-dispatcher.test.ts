import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseEvent } from '../../../contract/platform/events';
import { handRecipient } from '../../../platform/core/event-recipients';
import { NotificationDispatcher } from '../../../platform/notify/dispatcher';
import type { Notice, Notifier } from '../../../platform/notify/notifier';
import { DataCipher } from '../../../platform/secrets/cipher';
import type { Database } from '../../../platform/store/database';
import { openDatabase } from '../../../platform/store/open';
import { startPlatform } from '../../../platform';
import { certificateCase, client } from './helpers';

/**
 * The notice dispatcher on a real SQLite store: a recipient handed with the event is used as
 * it is (the case is not read again), and a burst of cases is sent in order and recorded in a
 * few statements rather than one write per case; so are cases that come one at a time, whose
 * records are written within moments without anyone draining the dispatcher.
 */
describe('notice dispatcher', () => {
  let dir: string;
  let db: Database;
  const sent: Notice[] = [];
  const notifier: Notifier = {
    channel: 'sms',
    send: async (notice) => {
      sent.push(notice);
    },
  };
  const errors: unknown[] = [];
  let dispatcher: NotificationDispatcher;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-notices-'));
    db = await openDatabase(path.join(dir, 'store.db'));
    sent.length = 0;
    errors.length = 0;
    dispatcher = new NotificationDispatcher(db, notifier, () => 1_790_000_000_000, (error) => errors.push(error), new DataCipher(randomBytes(32)));
  });

  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const submitted = (seq: number): CaseEvent => ({
    seq,
    caseId: `case-${seq}`,
    centreId: 'c1',
    type: 'submitted',
    fromStatus: null,
    toStatus: 'queued',
    actor: { kind: 'terminal', id: 't1' },
    at: '2026-12-01T08:00:00.000Z',
    reason: null,
    queueNumber: `A${String(seq).padStart(3, '0')}`,
    details: {},
  });

  it('sends a burst in order to the handed recipients and records each in a few statements', async () => {
    const events = Array.from({ length: 120 }, (_, i) => submitted(i + 1));
    // 13800138000 and a landline in turn: the landline gets no SMS.
    events.forEach((event, i) => handRecipient(event, { applicant: { name: '李四', idNumber: '440305199912310011', phone: i % 2 ? '010-12345678' : '13800138000' }, form: {} }));
    const runs = vi.spyOn(db, 'run');
    const reads = vi.spyOn(db, 'get');
    for (const event of events) dispatcher.handle([event]);
    await dispatcher.drain();
    expect(errors).toEqual([]);
    expect(sent.map((n) => n.eventSeq)).toEqual(events.filter((_, i) => i % 2 === 0).map((e) => e.seq));
    expect(sent.every((n) => n.to === '13800138000' && n.text.includes(`排队号 A`))).toBe(true);
    // No case was read (none is in this store), and 60 records took two statements.
    expect(reads).not.toHaveBeenCalled();
    expect(runs).toHaveBeenCalledTimes(2);
    const rows = await db.all<{ event_seq: number; recipient_masked: string; status: string }>('SELECT event_seq, recipient_masked, status FROM notifications ORDER BY id');
    expect(rows).toHaveLength(60);
    expect(rows[0]).toEqual({ event_seq: 1, recipient_masked: '138****8000', status: 'sent' });
  });

  it('records cases that come one at a time together, soon, without a drain', async () => {
    const runs = vi.spyOn(db, 'run');
    for (let seq = 1; seq <= 10; seq += 1) {
      const event = submitted(seq);
      handRecipient(event, { applicant: { name: '李四', idNumber: '440305199912310011', phone: '13800138000' }, form: {} });
      dispatcher.handle([event]);
      // Each is sent before the next case comes, as at a quiet centre.
      await vi.waitFor(() => expect(sent).toHaveLength(seq), { interval: 1 });
    }
    const recorded = () => db.all<{ event_seq: number }>('SELECT event_seq FROM notifications ORDER BY id');
    await vi.waitFor(async () => expect(await recorded()).toHaveLength(10), { timeout: 5_000 });
    expect((await recorded()).map((r) => r.event_seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(runs.mock.calls.length).toBeLessThan(10);
    expect(errors).toEqual([]);
  });

  it('reads the case when no recipient was handed (an event from another process): no case, no notice', async () => {
    const reads = vi.spyOn(db, 'get');
    dispatcher.handle([submitted(7)]);
    await dispatcher.drain();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('notice records when the platform stops', () => {
  it('writes the records still gathering before the store closes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-notices-close-'));
    try {
      const options = { db: path.join(dir, 'centre.db'), keyFile: path.join(dir, 'platform.keys') };
      const platform = await startPlatform({ ...options, seedDemo: true });
      const body = certificateCase();
      expect((await client(platform.url)('POST', '/v1/cases', { token: platform.demoCredentials!.kiosk.credential, json: body })).status).toBe(201);
      // Closed at once: the record of the notice just sent has not reached the store yet.
      await platform.close();
      const db = await openDatabase(options.db);
      try {
        expect(await db.all('SELECT recipient_masked, status FROM notifications WHERE case_id = ?', [body.caseId])).toEqual([{ recipient_masked: '138****8000', status: 'sent' }]);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
