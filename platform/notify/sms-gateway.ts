import type { Notice, Notifier } from './notifier';

export interface SmsGatewayOptions {
  /** The gateway's send endpoint; it receives `POST {"to", "text", "reference"}` as JSON. */
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  timeoutMs?: number;
}

/** Sends each notice to an HTTP SMS gateway; a non-2xx answer is an error with the status in it. */
export class SmsGatewayNotifier implements Notifier {
  readonly channel = 'sms-gateway';

  constructor(private readonly options: SmsGatewayOptions) {}

  async send(notice: Notice): Promise<void> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      },
      body: JSON.stringify({ to: notice.to, text: notice.text, reference: `${notice.caseId}:${notice.eventSeq}` }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
    });
    if (!response.ok) throw new Error(`SMS gateway ${this.options.url} answered ${response.status}`);
  }
}

/** The demo's notifier: nothing leaves the machine; the outbox table shows what would have been sent. */
export class LogNotifier implements Notifier {
  readonly channel = 'log';

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  async send(notice: Notice): Promise<void> {
    this.log(`notice for case ${notice.caseId}: ${notice.text}`);
  }
}
