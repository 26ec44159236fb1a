import type { CaseEvent } from '../../contract/platform/events';
import { maskPhone } from '../../contract/platform/id-number';
import type { Database } from '../store/database';
import { isMobileNumber } from '../../contract/forms/phone';
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
  ) {}

  handle(events: CaseEvent[]): void {
    const task = this.pending.then(() => this.deliver(events)).catch(this.onError);
    this.pending = task;
  }

  /** Resolves when every notice handed over so far has been attempted. */
  async drain(): Promise<void> {
    await this.pending;
  }

  private async deliver(events: CaseEvent[]): Promise<void> {
    for (const event of events) {
      const text = noticeText(event);
      if (!text) continue;
      const to = await this.phoneOf(event.caseId);
      if (!to) continue;
      let status = 'sent';
      let error: string | null = null;
      try {
        await this.notifier.send({ to, text, caseId: event.caseId, eventSeq: event.seq });
      } catch (cause) {
        status = 'failed';
        error = cause instanceof Error ? cause.message : String(cause);
      }
      await this.db.run(
        'INSERT INTO notifications (case_id, event_seq, channel, recipient_masked, text, status, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [event.caseId, event.seq, this.notifier.channel, maskPhone(to), text, status, error, this.now()],
      );
    }
  }

  private async phoneOf(caseId: string): Promise<string | undefined> {
    const row = await this.db.get<{ request: string }>('SELECT request FROM cases WHERE id = ?', [caseId]);
    if (!row) return undefined;
    const request = JSON.parse(row.request) as { applicant: { phone?: string }; form: Record<string, unknown> };
    const phone = request.applicant.phone ?? request.form.phone;
    return isMobileNumber(phone) ? phone : undefined;
  }
}
