import { errorMessage, fetchFailureReason } from '../../common/errors';
import { createHmac } from 'node:crypto';
import type { Alert, AlertRule } from '../../contract/platform/fleet';
import { maskPhone } from '../../contract/platform/id-number';
import type { Notifier } from '../notify/notifier';
import type { Database } from '../store/database';

/** What the SMS calls each rule: plain words for a technician on the move. */
const RULE_WORDS: Record<AlertRule, string> = {
  'paper-out': '缺纸',
  'paper-near-end': '纸将用完',
  'device-fault': '设备故障',
  'device-disconnected': '设备断开',
  'outbox-stale': '办件积压未上传',
  'no-heartbeat': '终端失联',
  'disk-low': '磁盘空间不足',
};

export type AlertEvent = 'alert.raised' | 'alert.cleared';

/**
 * The SMS to the centre's technician. It names the terminal, the device and the rule only:
 * alerts are about machines, and nothing a citizen entered ever reaches them.
 */
export function alertSms(event: AlertEvent, alert: Alert, terminalName: string): string {
  const device = alert.subject ? `（${alert.subject}）` : '';
  const what = `${RULE_WORDS[alert.rule]}${device}`;
  return event === 'alert.raised'
    ? `【通办】终端 ${terminalName}（${alert.terminalId}）${what}，请到场处理。`
    : `【通办】终端 ${terminalName}（${alert.terminalId}）${what}已恢复。`;
}

/** `sha256=<hex>` over `<timestamp>.<body>`: a receiver recomputes it with the shared secret and refuses old timestamps. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface AlertTarget {
  centreId: string;
  technicianPhone: string | null;
  webhookUrl: string | null;
  webhookSecret: string | null;
}

export interface AlertNoticeOptions {
  db: Database;
  notifier: Notifier;
  now: () => number;
  /** Webhook attempts before giving up (default 5) and the first pause between them (default 1 s, doubling). */
  webhookAttempts?: number;
  webhookRetryMs?: number;
  onError: (error: unknown) => void;
}

/**
 * Tells people about alerts: an SMS through the notifier and a signed webhook call, retried
 * with backoff. Deliveries run off the request path, in order per channel, and every attempt's
 * outcome is kept in fleet_deliveries (the phone masked), so a missed notice is visible.
 */
export class AlertNotices {
  // One queue per channel: a webhook that is down and being retried does not hold up the SMS.
  private smsQueue: Promise<unknown> = Promise.resolve();
  private webhookQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: AlertNoticeOptions) {}

  notify(event: AlertEvent, alert: Alert, terminalName: string, target: AlertTarget): void {
    const { technicianPhone, webhookUrl, webhookSecret } = target;
    if (technicianPhone) this.smsQueue = this.smsQueue.then(() => this.sms(event, alert, terminalName, technicianPhone)).catch(this.options.onError);
    if (webhookUrl && webhookSecret) {
      this.webhookQueue = this.webhookQueue.then(() => this.webhook(event, alert, terminalName, webhookUrl, webhookSecret)).catch(this.options.onError);
    }
  }

  async drain(): Promise<void> {
    await Promise.all([this.smsQueue, this.webhookQueue]);
  }

  private async sms(event: AlertEvent, alert: Alert, terminalName: string, phone: string): Promise<void> {
    let status = 'sent';
    let error: string | null = null;
    try {
      await this.options.notifier.send({ to: phone, text: alertSms(event, alert, terminalName), caseId: `alert-${alert.id}`, eventSeq: event === 'alert.raised' ? 1 : 2 });
    } catch (cause) {
      status = 'failed';
      error = errorMessage(cause);
    }
    await this.record(alert.id, event, this.options.notifier.channel, maskPhone(phone), status, 1, error);
  }

  private async webhook(event: AlertEvent, alert: Alert, terminalName: string, url: string, secret: string): Promise<void> {
    const body = JSON.stringify({ event, alert, terminal: { id: alert.terminalId, name: terminalName } });
    const attempts = this.options.webhookAttempts ?? 5;
    let pause = this.options.webhookRetryMs ?? 1000;
    let error: string | null = null;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const timestamp = String(Math.floor(this.options.now() / 1000));
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-tongban-event': event,
            'x-tongban-delivery': `${alert.id}-${event}`,
            'x-tongban-timestamp': timestamp,
            'x-tongban-signature': webhookSignature(secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(5000),
        });
        if (response.ok) {
          await this.record(alert.id, event, 'webhook', url, 'sent', attempt, null);
          return;
        }
        error = `${url} answered ${response.status}`;
      } catch (cause) {
        error = `${url}: ${fetchFailureReason(cause)}`;
      }
      if (attempt < attempts) {
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause *= 2;
      }
    }
    await this.record(alert.id, event, 'webhook', url, 'failed', attempts, error);
  }

  private async record(alertId: number, event: AlertEvent, channel: string, target: string, status: string, attempts: number, error: string | null): Promise<void> {
    await this.options.db.run(
      'INSERT INTO fleet_deliveries (alert_id, event, channel, target, status, attempts, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [alertId, event, channel, target, status, attempts, error, this.options.now()],
    );
  }
}
