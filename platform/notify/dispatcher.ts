import type { CaseEvent } from '../../contract/platform/events';
import { maskPhone } from '../../contract/platform/id-number';
import { citizenPhone, takeRecipient } from '../core/event-recipients';
import { openRequest } from '../core/stored-request';
import type { DataCipher } from '../secrets/cipher';
import type { Database } from '../store/database';
import { noticeText, type Notifier } from './notifier';

/**
 * Turns committed events into notices and records every one in the `notifications` table
 * (recipient masked) with its outcome, so a failed SMS is visible and can be resent.
 */
export class NotificationDispatcher {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly notifier: Notifier,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
    private readonly cipher: DataCipher,
  ) {}

  handle(events: CaseEvent[]): void {
    const task = this.pending.then(() => this.deliver(events)).catch(this.onError);
    this.pending = task;
  }

  /** A notice whose text is made elsewhere (a pickup code), queued and recorded like the others. */
  notice(caseId: string, eventSeq: number, text: string): void {
    const task = this.pending.then(() => this.send(caseId, eventSeq, text)).catch(this.onError);
    this.pending = task;
  }

  /** Resolves when every notice handed over so far has been attempted. */
  async drain(): Promise<void> {
    await this.pending;
  }

  private async deliver(events: CaseEvent[]): Promise<void> {
    for (const event of events) {
      const text = noticeText(event);
      const handed = takeRecipient(event);
      if (text) await this.send(event.caseId, event.seq, text, handed);
    }
  }

  /** `handed`: the recipient the publisher already knew (null: none), so the case is not read again. */
  private async send(caseId: string, eventSeq: number, text: string, handed?: string | null): Promise<void> {
    const to = handed === undefined ? await this.phoneOf(caseId) : (handed ?? undefined);
    if (!to) return;
    let status = 'sent';
    let error: string | null = null;
    try {
      await this.notifier.send({ to, text, caseId, eventSeq });
    } catch (cause) {
      status = 'failed';
      error = cause instanceof Error ? cause.message : String(cause);
    }
    await this.db.run(
      'INSERT INTO notifications (case_id, event_seq, channel, recipient_masked, text, status, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [caseId, eventSeq, this.notifier.channel, maskPhone(to), text, status, error, this.now()],
    );
  }

  private async phoneOf(caseId: string): Promise<string | undefined> {
    const row = await this.db.get<{ id: string; request: string }>('SELECT id, request FROM cases WHERE id = ?', [caseId]);
    if (!row) return undefined;
    return citizenPhone(openRequest(this.cipher, row));
  }
}
