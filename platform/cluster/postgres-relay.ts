import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { Backoff } from '../../common/backoff';
import { errorMessage } from '../../common/errors';
import type { CallSignal } from '../../contract/platform/calls';
import type { HelpCall } from '../../contract/platform/help';
import type { EventHub, StoredMark } from '../core/context';
import { STORED_CHANNEL } from '../core/events';
import type { PostgresDatabase } from '../store/postgres';

/** The one NOTIFY channel of the platform's processes; core/events.ts sends the `stored` marks on it. */
export const CHANNEL = STORED_CHANNEL;

/**
 * What crosses between processes: wake-ups, never the events themselves (those are read from the
 * store, by cursor) and nothing personal. `o` is the sending process, which ignores its own;
 * `stored` marks come from the event's own INSERT (core/events.ts) and carry none: a process
 * hearing its own marks wakes no stream, whose cursor is already past them.
 */
type Signal = { o?: string } & ({ k: 'stored'; d: StoredMark[] } | { k: 'help'; d: HelpCall } | { k: 'call'; d: CallSignal } | { k: 'action'; d: string } | { k: 'revoked'; d: string });

const RECONNECT = { baseMs: 200, capMs: 5_000 };

/**
 * Relays the hub's signals to every platform process on the same PostgreSQL with LISTEN/NOTIFY,
 * and the other processes' signals into this hub. Event marks are notified by the transaction
 * that stores the event, so they arrive exactly when it commits; help calls, remote actions and
 * reissued credentials are notified after their change (a process dying between the two loses
 * the wake-up, never the change: a terminal's long poll and the desks' streams re-read). When
 * the listening connection drops, it reconnects with backoff and tells every stream to re-read
 * (`resync`), since signals may have been missed meanwhile.
 */
export class PostgresRelay {
  readonly origin = randomUUID();
  private client: pg.Client | undefined;
  /** The backend pid of the listening session: stream slots are held in its name (stream-slots.ts). */
  private pid = 0;
  private inbound = false;
  private closed = false;
  private readonly backoff = new Backoff(RECONNECT);
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly onPidChange: ((pid: number) => void)[] = [];
  /** NOTIFYs on their way: a short-lived process (the command line) waits for them at close. */
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly db: PostgresDatabase,
    private readonly hub: EventHub,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.listen();
    this.hub.on('help', (call) => {
      if (!this.inbound) this.send({ o: this.origin, k: 'help', d: call });
    });
    this.hub.on('call', (call) => {
      if (!this.inbound) this.send({ o: this.origin, k: 'call', d: call });
    });
    this.hub.on('action', (terminalId) => {
      if (!this.inbound) this.send({ o: this.origin, k: 'action', d: terminalId });
    });
    this.hub.on('revoked', (terminalId) => {
      if (!this.inbound) this.send({ o: this.origin, k: 'revoked', d: terminalId });
    });
  }

  /** The listening session's backend pid, now and after each reconnection. */
  backendPid(onChange?: (pid: number) => void): number {
    if (onChange) this.onPidChange.push(onChange);
    return this.pid;
  }

  private send(signal: Signal): void {
    if (this.closed) return;
    const sent = this.db
      .run('SELECT pg_notify(?, ?)', [CHANNEL, JSON.stringify(signal)])
      .then(() => undefined)
      .catch((error: unknown) => this.log(`cluster: NOTIFY ${signal.k} failed: ${errorMessage(error)}`));
    this.sending.add(sent);
    void sent.finally(() => this.sending.delete(sent));
  }

  private async listen(): Promise<void> {
    const client = await this.db.dedicatedClient();
    client.on('notification', (message) => this.receive(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    let row;
    try {
      await client.query(`LISTEN ${CHANNEL}`);
      row = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.pid = row.rows[0]!.pid;
    for (const notify of this.onPidChange) notify(this.pid);
  }

  private receive(payload: string | undefined): void {
    let signal: Signal;
    try {
      signal = JSON.parse(payload ?? '') as Signal;
    } catch {
      this.log(`cluster: ignored a notification on ${CHANNEL} that is not JSON: ${String(payload).slice(0, 80)}`);
      return;
    }
    if (signal.o === this.origin) return;
    this.inbound = true;
    try {
      if (signal.k === 'stored') this.hub.emit('stored', signal.d);
      else if (signal.k === 'help') this.hub.emit('help', signal.d);
      else if (signal.k === 'call') this.hub.emit('call', signal.d);
      else if (signal.k === 'action') this.hub.emit('action', signal.d);
      else if (signal.k === 'revoked') this.hub.emit('revoked', signal.d);
    } finally {
      this.inbound = false;
    }
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    this.reconnect(error);
  }

  private reconnect(error: unknown): void {
    const delay = this.backoff.next();
    this.log(`cluster: the LISTEN connection to PostgreSQL was lost (${errorMessage(error)}); reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.listen().then(
        () => {
          this.backoff.reset();
          this.hub.emit('resync');
        },
        (again: unknown) => this.reconnect(again),
      );
    }, delay);
    this.reconnectTimer.unref();
  }

  async close(): Promise<void> {
    await Promise.all(this.sending);
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
