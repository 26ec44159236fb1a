import type { CaseEvent } from '../../contract/platform/events';
import { maskPhone } from '../../contract/platform/id-number';
import { citizenPhone, takeRecipient } from '../core/event-recipients';
import { openRequest } from '../core/stored-request';
import type { DataCipher } from '../secrets/cipher';
import type { Database } from '../store/database';
import { noticeText, type Notifier } from './notifier';

/** Notice records written in one statement at most (a bound on its parameters and on the statement texts cached). */
const MAX_RECORDS = 50;
/**
 * How long the records of sent notices gather before they are written. No request waits for
 * it (a notice goes out after its case is committed and answered); one case at a time, this
 * is what spares every intake a second commit of its own.
 */
const RECORD_EVERY_MS = 100;

interface Waiting {
  caseId: string;
  eventSeq: number;
  text: string;
  /** The recipient the publisher already knew (null: none), so that the case is not read again. */
  handed?: string | null;
}

type NoticeRecord = [caseId: string, eventSeq: number, channel: string, recipientMasked: string, text: string, status: string, error: string | null, createdAt: number];

/**
 * Turns committed events into notices and records every one in the `notifications` table
 * (recipient masked) with its outcome, so a failed SMS is visible and can be resent. Notices
 * go out one at a time in the order they were handed over; their records gather for
 * RECORD_EVERY_MS and are written together, so a centre pays one write per pass of the
 * clock, not one per case. `drain` (and the platform's close) writes what has gathered.
 */
export class NotificationDispatcher {
  private pending: Promise<unknown> = Promise.resolve();
  private waiting: Waiting[] = [];
  private unrecorded: NoticeRecord[] = [];
  private recordTimer: NodeJS.Timeout | undefined;
  private recording: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly notifier: Notifier,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
    private readonly cipher: DataCipher,
  ) {}

  handle(events: CaseEvent[]): void {
    for (const event of events) {
      const text = noticeText(event);
      const handed = takeRecipient(event);
      if (text) this.enqueue({ caseId: event.caseId, eventSeq: event.seq, text, handed });
    }
  }

  /** A notice whose text is made elsewhere (a pickup code), queued and recorded like the others. */
  notice(caseId: string, eventSeq: number, text: string): void {
    this.enqueue({ caseId, eventSeq, text });
  }

  /** Resolves when every notice handed over so far has been attempted and recorded. */
  async drain(): Promise<void> {
    await this.pending;
    await this.writeRecords();
  }

  private enqueue(notice: Waiting): void {
    this.waiting.push(notice);
    // One pass for whatever has queued when it starts; a pass already waiting takes this one too.
    if (this.waiting.length === 1) this.pending = this.pending.then(() => this.deliverWaiting()).catch(this.onError);
  }

  private async deliverWaiting(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    for (const notice of batch) {
      try {
        const record = await this.send(notice);
        if (record) this.keep(record);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  private keep(record: NoticeRecord): void {
    this.unrecorded.push(record);
    if (this.recordTimer) return;
    this.recordTimer = setTimeout(() => void this.writeRecords(), RECORD_EVERY_MS);
    // A platform that stops writes them in its close; nothing else should keep a process alive for them.
    this.recordTimer.unref();
  }

  /** Writes the records gathered so far, in order, after any write still under way. */
  private writeRecords(): Promise<void> {
    clearTimeout(this.recordTimer);
    this.recordTimer = undefined;
    const records = this.unrecorded;
    this.unrecorded = [];
    if (records.length > 0) {
      this.recording = this.recording.then(async () => {
        for (let i = 0; i < records.length; i += MAX_RECORDS) await this.record(records.slice(i, i + MAX_RECORDS));
      }).catch(this.onError);
    }
    return this.recording;
  }

  private async send({ caseId, eventSeq, text, handed }: Waiting): Promise<NoticeRecord | undefined> {
    const to = handed === undefined ? await this.phoneOf(caseId) : (handed ?? undefined);
    if (!to) return undefined;
    let status = 'sent';
    let error: string | null = null;
    try {
      await this.notifier.send({ to, text, caseId, eventSeq });
    } catch (cause) {
      status = 'failed';
      error = cause instanceof Error ? cause.message : String(cause);
    }
    return [caseId, eventSeq, this.notifier.channel, maskPhone(to), text, status, error, this.now()];
  }

  private async record(records: NoticeRecord[]): Promise<void> {
    await this.db.run(
      `INSERT INTO notifications (case_id, event_seq, channel, recipient_masked, text, status, error, created_at) VALUES ${records
        .map(() => '(?, ?, ?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
      records.flat(),
    );
  }

  private async phoneOf(caseId: string): Promise<string | undefined> {
    const row = await this.db.get<{ id: string; request: string }>('SELECT id, request FROM cases WHERE id = ?', [caseId]);
    if (!row) return undefined;
    return citizenPhone(openRequest(this.cipher, row));
  }
}
