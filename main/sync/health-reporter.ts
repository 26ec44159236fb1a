import { EventEmitter } from 'node:events';
import type { TerminalHealthReport } from '../../contract/platform/access';
import type { DeviceState } from '../../contract/terminal/api';
import { appVersion } from '../version';
import type { PlatformClient } from './platform-client';
import { errorMessage, logFailure } from '../../common/errors';
import { Repeating } from '../../common/repeat';
import type { SyncLog } from './sync-log';

export interface HealthReporterOptions {
  client: Pick<PlatformClient, 'reportHealth'>;
  /** What to report now; `healthReport` builds it from the devices and the outbox. */
  report: () => TerminalHealthReport | Promise<TerminalHealthReport>;
  /** Default 60 s. */
  intervalMs?: number;
  log?: SyncLog;
}

/** The platform's view of this terminal: device states, cases waiting to be sent (none on a counter, which has no outbox), the last sync. */
export function healthReport(devices: readonly DeviceState[], outbox: { pending(): number; lastSyncAt(): string | null } | undefined): TerminalHealthReport {
  const degraded = devices.some((d) => d.state === 'error' || d.state === 'disconnected');
  return {
    status: degraded ? 'degraded' : 'ok',
    devices: devices.slice(0, 50).map((d) => ({ role: d.role.slice(0, 64), state: d.state, ...(d.reason ? { reason: d.reason.slice(0, 200) } : {}) })),
    outboxPending: outbox?.pending() ?? 0,
    lastSyncAt: outbox?.lastSyncAt() ?? null,
    appVersion,
  };
}

/** Sends the terminal's health report at start and then on an interval; a failed report is retried at the next tick. */
export class HealthReporter extends EventEmitter<{ reported: [{ at: string }]; problem: [{ error: string }] }> {
  private readonly repeating: Repeating;
  private last: string | null = null;

  constructor(private readonly options: HealthReporterOptions) {
    super();
    this.repeating = new Repeating(() => this.reportNow(), this.options.intervalMs ?? 60_000, (error) => {
      logFailure(this.options.log, 'warn', error, 'health report not delivered');
      this.emit('problem', { error: errorMessage(error) });
    });
  }

  lastReportAt(): string | null {
    return this.last;
  }

  async reportNow(): Promise<void> {
    await this.options.client.reportHealth(await this.options.report());
    this.last = new Date().toISOString();
    this.emit('reported', { at: this.last });
  }

  start(): void {
    this.repeating.start();
  }

  stop(): Promise<void> {
    return this.repeating.stop();
  }
}
