import { EventEmitter } from 'node:events';
import type { IntakeReceipt } from '../../contract/platform/cases';
import type { CaseStore, OutboxEntry } from '../store/case-store';
import type { LocalStore } from '../store/local-store';
import { backoffDelay, type BackoffPolicy } from '../../common/backoff';
import { errorMessage, logFailure } from '../../common/errors';
import { Sleeper } from '../../common/wait';
import { isPermanentRefusal, PlatformHttpError, PlatformResponseError, PlatformUnreachableError } from '../platform-link/errors';
import type { PlatformClient } from './platform-client';
import type { SyncLog } from './sync-log';

export interface OutboxWorkerOptions {
  store: LocalStore;
  cases: CaseStore;
  client: Pick<PlatformClient, 'putBlob' | 'intake'>;
  backoff?: BackoffPolicy;
  random?: () => number;
  now?: () => number;
  log?: SyncLog;
}

export interface OutboxEvents {
  /** The case is about to be posted (its scans are up); the platform may have it before `synced`. */
  sending: [{ caseId: string; attempt: number }];
  /** The platform acknowledged the case (`replay`: it already had it). */
  synced: [{ caseId: string; receipt: IntakeReceipt; replay: boolean }];
  /** The platform refused the case for good; it left the outbox and waits for a technician. */
  refused: [{ caseId: string; code: string; field: string | null; message: string }];
  /** A send failed and will be tried again after `delayMs`. */
  retrying: [{ caseId: string; attempts: number; delayMs: number; error: string }];
  /** Whether the platform answers; emitted on each change. */
  connectivity: [{ online: boolean }];
  /** Nothing is left to send. */
  drained: [];
}

const LAST_SYNC_KEY = 'outbox.lastSyncAt';

/** 1 s doubling to 5 minutes, with full jitter. */
const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * Sends recorded cases to the platform, strictly one at a time in the order they were
 * recorded: a case's scans first (the intake refers to them by hash), then the case itself.
 * Everything it knows lives in SQLite (the outbox rows, attempts, the next attempt time), so
 * a restart carries on where the last process stopped. A case is marked synced only after the
 * platform's receipt, and resending is safe because intake is idempotent on the case id and
 * the stored body is sent byte for byte. A case the head of the queue is waiting on holds the
 * cases behind it: nothing overtakes.
 */
export class OutboxWorker extends EventEmitter<OutboxEvents> {
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly sleeper = new Sleeper();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private isOnline: boolean | null = null;
  private drainWaiters: (() => void)[] = [];
  private readonly onRecorded = () => this.sleeper.wake();

  constructor(private readonly options: OutboxWorkerOptions) {
    super();
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.options.cases.on('recorded', this.onRecorded);
    this.loop = this.run().catch((error: unknown) => {
      logFailure(this.options.log, 'error', error, 'outbox worker stopped on an unexpected error');
    });
  }

  /** Finishes the send in flight (bounded by the client's timeout), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.options.cases.off('recorded', this.onRecorded);
    this.sleeper.wake();
    await this.loop;
    this.loop = undefined;
  }

  /** Cases not yet acknowledged by the platform. */
  pending(): number {
    return this.options.cases.outboxDepth();
  }

  lastSyncAt(): string | null {
    return this.options.store.getState(LAST_SYNC_KEY) ?? null;
  }

  /** null until the first send was tried. */
  online(): boolean | null {
    return this.isOnline;
  }

  /**
   * Look at the outbox now rather than at the next wake-up. Recording a case already does this
   * (the worker listens to the store); a case waiting out its backoff keeps waiting.
   */
  kick(): void {
    this.sleeper.wake();
  }

  /** A technician's "send now": the waiting case is tried at once instead of after its backoff. */
  retryNow(): void {
    const head = this.options.cases.outboxHead();
    if (head) this.options.cases.scheduleRetry(head.caseId, head.attempts, 0, head.lastError ?? '');
    this.sleeper.wake();
  }

  /** Resolves once the outbox is empty. */
  whenDrained(): Promise<void> {
    if (this.pending() === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const head = this.options.cases.outboxHead();
      if (!head) {
        const waiters = this.drainWaiters;
        this.drainWaiters = [];
        waiters.forEach((resolve) => resolve());
        this.emit('drained');
        await this.sleeper.sleep(undefined);
        continue;
      }
      const wait = head.nextAttemptAt - this.now();
      if (wait > 0) {
        await this.sleeper.sleep(wait);
        continue;
      }
      await this.send(head);
    }
  }

  private async send(head: OutboxEntry): Promise<void> {
    const { cases, client, log } = this.options;
    const { caseId } = head;
    try {
      for (const upload of cases.pendingUploads(caseId)) {
        const bytes = cases.materialBytes(caseId, upload.position);
        try {
          await client.putBlob(upload.sha256, upload.contentType, bytes);
        } finally {
          bytes.fill(0);
        }
        cases.markUploaded(caseId, upload.position);
      }
      const body = cases.intakeBody(caseId);
      if (body === undefined) throw new Error(`outbox entry ${head.seq} names case ${caseId}, which the store does not hold`);
      this.emit('sending', { caseId, attempt: head.attempts + 1 });
      const { receipt, replay } = await client.intake(body);
      if (receipt.caseId !== caseId) throw new PlatformResponseError('POST /v1/cases', 201, 'caseId', `a receipt for ${receipt.caseId}, not ${caseId}`);
      cases.markSynced(caseId, receipt);
      this.options.store.setState(LAST_SYNC_KEY, new Date(this.now()).toISOString());
      this.setOnline(true);
      log?.info({ caseId, queueNumber: receipt.queueNumber, replay }, 'case synced');
      this.emit('synced', { caseId, receipt, replay });
    } catch (error) {
      if (isPermanentRefusal(error)) {
        const refusal = { code: error.code, field: error.field ?? null, message: error.platformMessage };
        cases.markRefused(caseId, refusal);
        this.setOnline(true);
        log?.warn({ caseId, status: error.status, code: error.code, field: error.field }, 'platform refused the case; kept for a technician');
        this.emit('refused', { caseId, ...refusal });
        return;
      }
      const attempts = head.attempts + 1;
      const retryAfter = error instanceof PlatformHttpError ? (error.retryAfterMs ?? 0) : 0;
      const delayMs = Math.max(backoffDelay(attempts, this.backoff, this.random), retryAfter);
      const message = errorMessage(error);
      cases.scheduleRetry(caseId, attempts, this.now() + delayMs, message);
      if (error instanceof PlatformUnreachableError) this.setOnline(false);
      else if (error instanceof PlatformHttpError) this.setOnline(true);
      logFailure(log, 'warn', error, 'case not sent; will retry', { caseId, attempts, delayMs });
      this.emit('retrying', { caseId, attempts, delayMs, error: message });
    }
  }

  private setOnline(online: boolean): void {
    if (this.isOnline === online) return;
    this.isOnline = online;
    this.emit('connectivity', { online });
  }
}
