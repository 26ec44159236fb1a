import { maskPhone } from '../../contract/platform/id-number';
import type { Notifier } from '../notify/notifier';
import type { Database } from '../store/database';

export type VisitNoticeKind = 'reminder' | 'taken' | 'near' | 'called';

/**
 * SMS of visits, through the platform's notifier (the gateway, or the demo's log), each recorded
 * in `visit_notices` with the phone masked, like the case notices. The text carries a number, a
 * service, a time and a link: nothing personal.
 */
export class VisitNotices {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly notifier: Notifier,
    private readonly now: () => number,
    private readonly onError: (error: unknown) => void,
  ) {}

  send(centreId: string, subjectId: string, kind: VisitNoticeKind, to: string, text: string): void {
    const task = this.pending.then(() => this.deliver(centreId, subjectId, kind, to, `【通办】${text}`)).catch(this.onError);
    this.pending = task;
  }

  async drain(): Promise<void> {
    await this.pending;
  }

  private async deliver(centreId: string, subjectId: string, kind: VisitNoticeKind, to: string, text: string): Promise<void> {
    let status = 'sent';
    let error: string | null = null;
    try {
      // The notifier's reference is `<caseId>:<eventSeq>`; a visit's is its ticket or appointment id and 0.
      await this.notifier.send({ to, text, caseId: subjectId, eventSeq: 0 });
    } catch (cause) {
      status = 'failed';
      error = cause instanceof Error ? cause.message : String(cause);
    }
    await this.db.run(
      'INSERT INTO visit_notices (centre_id, subject_id, kind, channel, recipient_masked, text, status, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [centreId, subjectId, kind, this.notifier.channel, maskPhone(to), text, status, error, this.now()],
    );
  }
}
