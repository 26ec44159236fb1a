import { EventEmitter } from 'node:events';
import type { Identity } from '../../contract/identity';
import {
  FIND_CARD,
  READ_APPENDED_ADDRESS,
  READ_TEXT_PHOTO,
  READ_WITH_FINGERPRINT,
  SAM_ID,
  SAM_STATUS,
  SELECT_CARD,
  type CommandSpec,
} from './commands';
import { Backoff, type BackoffPolicy } from '../../common/backoff';
import { errorMessage } from '../../common/errors';
import { Sleeper } from '../../common/wait';
import { IdCardError } from './errors';
import type { DiscardReason } from './frame-parser';
import { decodeAppendedAddresses, formatSamId, photoOf, splitReadData } from './read-answer';
import { ReaderSession, type Answer, type CommandOptions } from './session';
import { describeStatus, statusInfo } from './status';
import { decodeTextBlock } from './text-block';
import type { Transport } from './transport';
import { DEFAULT_BAUD_RATE } from '../../contract/terminal/baud-rates';

export type ReaderState =
  | { state: 'disconnected'; reason: string }
  | { state: 'ready' }
  | { state: 'busy' }
  | { state: 'error'; code: string; reason: string };

export interface ReadTimings {
  selectMs: number;
  readMs: number;
  /** From the find that saw the card to the decoded identity. */
  totalMs: number;
}

export interface CardRead {
  identity: Identity;
  timings: ReadTimings;
  fingerprint: Uint8Array | null;
  appendedAddresses: string[];
}

export interface IdCardReaderEvents {
  state: [ReaderState];
  card: [CardRead];
  removed: [];
  error: [IdCardError];
  /** Bytes thrown away while resynchronising: for the technician's log. */
  discarded: [DiscardReason, number];
}

export interface IdCardReaderOptions {
  transport: Transport;
  /** The rate the transport runs at, for timeouts (wire time of long answers). */
  baudRate?: number;
  /** 200 ms: a card placed or removed is seen within 300 ms including the exchange itself. */
  pollIntervalMs?: number;
  commandTimeoutMs?: number;
  /** The read of text and photo takes the card's RF time too: readers answer within 0.3-1 s. */
  readTimeoutMs?: number;
  retries?: number;
  readFingerprint?: boolean;
  readAppendedAddresses?: boolean;
  /** SAM status is checked this often while idle ([H] checks every 3 s). */
  samCheckIntervalMs?: number;
  /** Reopening a transport that went away (default 250 ms doubling to 5 s). */
  backoff?: BackoffPolicy;
  now?: () => Date;
}

const READ_ANSWER_BYTES = { plain: 1295, fingerprint: 2321 };

/**
 * A second-generation ID-card reader: keeps its transport open (reopening with backoff when the
 * device goes away), checks the SAM, polls for a card, reads and decodes it, and notices it
 * leaving. Open, close and restart are the device manager's; everything else is events.
 */
export class IdCardReader extends EventEmitter<IdCardReaderEvents> {
  private readonly opts: Required<Omit<IdCardReaderOptions, 'transport'>>;
  private readonly transport: Transport;
  private session: ReaderSession;
  private current: ReaderState = { state: 'disconnected', reason: 'not opened' };
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly sleeper = new Sleeper();
  private connected = false;
  private cardPresent = false;
  private lastSamCheck = 0;
  private timeouts = 0;

  constructor(options: IdCardReaderOptions) {
    super();
    this.transport = options.transport;
    this.opts = {
      baudRate: options.baudRate ?? DEFAULT_BAUD_RATE,
      pollIntervalMs: options.pollIntervalMs ?? 200,
      commandTimeoutMs: options.commandTimeoutMs ?? 500,
      readTimeoutMs: options.readTimeoutMs ?? 2000,
      retries: options.retries ?? 2,
      readFingerprint: options.readFingerprint ?? false,
      readAppendedAddresses: options.readAppendedAddresses ?? false,
      samCheckIntervalMs: options.samCheckIntervalMs ?? 10_000,
      backoff: options.backoff ?? { baseMs: 250, capMs: 5000 },
      now: options.now ?? (() => new Date()),
    };
    this.session = this.newSession();
  }

  get device(): string {
    return this.transport.description;
  }

  get state(): ReaderState {
    return this.current;
  }

  /** Starts the loop; resolves at once. The state events say when the reader is ready. */
  async open(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async close(): Promise<void> {
    this.running = false;
    this.sleeper.wake();
    this.session.abort('disconnected: reader closed');
    await this.loop;
    this.loop = undefined;
    await this.transport.close();
    this.connected = false;
    this.cardPresent = false;
    this.setState({ state: 'disconnected', reason: 'closed' });
  }

  async restart(): Promise<void> {
    await this.close();
    await this.open();
  }

  /** The SAM's id, `%02d.%02d-%08u-%010u-%010u`: the reader's identity for the technician. */
  async samId(): Promise<string> {
    const answer = await this.exec(SAM_ID, this.short(16 + 11));
    this.expect(SAM_ID, answer);
    const id = formatSamId(answer.data);
    if (!id) throw new IdCardError('reader-status', `${this.device}: SAM id answer carries ${answer.data.length} bytes, expected 16`, { device: this.device });
    return id;
  }

  private newSession(): ReaderSession {
    return new ReaderSession({
      device: this.transport.description,
      baudRate: this.opts.baudRate,
      write: (bytes) => this.transport.write(bytes),
      onDiscard: (reason, bytes) => this.emit('discarded', reason, bytes.length),
    });
  }

  /** EventEmitter throws an 'error' nobody listens to; a reader without listeners just goes on. */
  private report(error: IdCardError): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }

  private setState(next: ReaderState): void {
    const same = JSON.stringify(next) === JSON.stringify(this.current);
    this.current = next;
    if (!same) this.emit('state', next);
  }

  private short(expectBytes = 12): CommandOptions {
    return { timeoutMs: this.opts.commandTimeoutMs, retries: this.opts.retries, expectBytes };
  }

  private exec(spec: CommandSpec, options: CommandOptions): Promise<Answer> {
    return this.session.exec(spec, options);
  }

  private expect(spec: CommandSpec, answer: Answer): void {
    if (answer.sw3 === spec.expect) return;
    const s = statusInfo(answer.sw3);
    const sam = answer.sw3 === 0x60 || answer.sw3 === 0x66;
    throw new IdCardError(sam ? 'sam-error' : 'reader-status', `${this.device}: ${spec.name} answered ${describeStatus(answer.sw3)}; ${s.action}`, {
      device: this.device,
      command: spec.name,
      sw3: answer.sw3,
    });
  }

  private async run(): Promise<void> {
    const backoff = new Backoff(this.opts.backoff);
    while (this.running) {
      if (!this.connected) {
        try {
          await this.connect();
          backoff.reset();
        } catch (error) {
          const reason = errorMessage(error);
          if (error instanceof IdCardError && error.code === 'sam-error') this.setState({ state: 'error', code: 'sam-error', reason });
          else this.setState({ state: 'disconnected', reason });
          await this.transport.close().catch(() => undefined);
          this.connected = false;
          await this.sleeper.sleep(backoff.next());
          continue;
        }
      }
      try {
        await this.pollOnce();
        this.timeouts = 0;
        if (this.current.state !== 'ready' && this.current.state !== 'busy') this.setState({ state: 'ready' });
      } catch (error) {
        this.onLoopError(error);
      }
      if (this.running && this.connected) await this.sleeper.sleep(this.timeouts > 0 ? Math.min(1000 * this.timeouts, 5000) : this.opts.pollIntervalMs);
    }
  }

  private async connect(): Promise<void> {
    this.session = this.newSession();
    const session = this.session;
    await this.transport.open({
      data: (chunk) => session.feed(chunk),
      lost: (error) => {
        if (this.session !== session) return;
        this.connected = false;
        this.cardPresent = false;
        session.abort(`disconnected: ${error.message}`);
        this.setState({ state: 'disconnected', reason: `${this.device}: ${error.message}` });
        this.sleeper.wake();
      },
    });
    this.connected = true;
    await this.checkSam();
    this.setState({ state: 'ready' });
  }

  private async checkSam(): Promise<void> {
    const answer = await this.exec(SAM_STATUS, this.short());
    this.expect(SAM_STATUS, answer);
    this.lastSamCheck = Date.now();
  }

  private onLoopError(error: unknown): void {
    if (!this.running) return;
    const err =
      error instanceof IdCardError ? error : new IdCardError('reader-status', `${this.device}: ${errorMessage(error)}`, { device: this.device });
    if (err.code === 'disconnected' || !this.connected) {
      this.connected = false;
      if (this.current.state !== 'disconnected') this.setState({ state: 'disconnected', reason: err.message });
      return;
    }
    if (err.code === 'timeout') {
      this.timeouts += 1;
      // One lost exchange is line noise; several in a row is a reader that stopped answering.
      if (this.timeouts >= 3) this.setState({ state: 'error', code: 'not-answering', reason: err.message });
      return;
    }
    if (err.code === 'sam-error') {
      this.setState({ state: 'error', code: 'sam-error', reason: err.message });
      this.connected = false;
      return;
    }
    this.report(err);
  }

  private async pollOnce(): Promise<void> {
    if (!this.cardPresent && Date.now() - this.lastSamCheck > this.opts.samCheckIntervalMs) await this.checkSam();
    const found = await this.exec(FIND_CARD, this.short());
    if (found.sw3 === 0x9f) {
      // A card found while one was present is another card (a read card is not found again until it leaves [W]).
      if (this.cardPresent) {
        this.cardPresent = false;
        this.emit('removed');
      }
      await this.readPresentCard(found);
      return;
    }
    if (found.sw3 !== 0x80) this.expect(FIND_CARD, found);
    if (this.cardPresent && !(await this.stillPresent())) {
      this.cardPresent = false;
      this.emit('removed');
    }
  }

  /**
   * After a good read a reader does not find the same card again until it has left the field
   * (waitingsong/node-idcard-reader README), so presence is "found, or still selectable". That a
   * read card stays selectable is our assumption, not a published fact: a reader that refuses it
   * would report the card removed one poll after the read, which the simulator cannot show.
   */
  private async stillPresent(): Promise<boolean> {
    const select = await this.exec(SELECT_CARD, this.short());
    return select.sw3 === 0x90;
  }

  private async readPresentCard(found: Answer): Promise<void> {
    this.setState({ state: 'busy' });
    const started = performance.now() - found.ms;
    try {
      const read = await this.readCard(started);
      this.cardPresent = true;
      this.setState({ state: 'ready' });
      this.emit('card', read);
    } catch (error) {
      this.setState({ state: 'ready' });
      const err = error instanceof IdCardError ? error : new IdCardError('bad-card-data', String(error), { device: this.device });
      if (err.code === 'disconnected' || err.code === 'sam-error') throw err;
      if (err.code !== 'card-removed-during-read') this.cardPresent = true;
      this.report(err);
    }
  }

  /** Select and read, again (up to three times) while answers are lost but the card is still there. */
  private async readCard(started: number): Promise<CardRead> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.selectAndRead(started);
      } catch (error) {
        if (!(error instanceof IdCardError) || error.code !== 'timeout') throw error;
        if (!(await this.presentAfterFailure())) throw this.removed('the read', error.message);
        if (attempt >= 3) throw error;
      }
    }
  }

  private async selectAndRead(started: number): Promise<CardRead> {
    const select = await this.exec(SELECT_CARD, this.short());
    if (select.sw3 !== 0x90) {
      if (select.sw3 === 0x81 || select.sw3 === 0x80) throw this.removed('select card', describeStatus(select.sw3));
      this.expect(SELECT_CARD, select);
    }
    const spec = this.opts.readFingerprint ? READ_WITH_FINGERPRINT : READ_TEXT_PHOTO;
    const read = await this.exec(spec, {
      timeoutMs: this.opts.readTimeoutMs,
      retries: 0,
      expectBytes: this.opts.readFingerprint ? READ_ANSWER_BYTES.fingerprint : READ_ANSWER_BYTES.plain,
    });
    if (read.sw3 !== 0x90) {
      if (!(await this.presentAfterFailure())) throw this.removed(spec.name, describeStatus(read.sw3));
      this.expect(spec, read);
    }
    const split = splitReadData(read.data, this.opts.readFingerprint);
    if (!split.ok) throw new IdCardError('bad-card-data', `${this.device}: ${split.problem}`, { device: this.device, command: spec.name });
    const decoded = decodeTextBlock(split.blocks.text, photoOf(split.blocks.photo), this.opts.now());
    if (!decoded.ok) {
      throw new IdCardError('bad-card-data', `${this.device}: card text field ${decoded.field} ${decoded.problem}`, { device: this.device, command: spec.name });
    }
    const appendedAddresses = this.opts.readAppendedAddresses ? await this.readAppended() : [];
    return {
      identity: decoded.identity,
      timings: { selectMs: round(select.ms), readMs: round(read.ms), totalMs: round(performance.now() - started) },
      fingerprint: split.blocks.fingerprint ? split.blocks.fingerprint.slice() : null,
      appendedAddresses,
    };
  }

  private async readAppended(): Promise<string[]> {
    const answer = await this.exec(READ_APPENDED_ADDRESS, this.short(4 * 70 + 11));
    if (answer.sw3 === 0x91) return [];
    this.expect(READ_APPENDED_ADDRESS, answer);
    return decodeAppendedAddresses(answer.data);
  }

  private async presentAfterFailure(): Promise<boolean> {
    const found = await this.exec(FIND_CARD, this.short());
    if (found.sw3 === 0x9f) return true;
    return this.stillPresent();
  }

  private removed(step: string, detail: string): IdCardError {
    return new IdCardError('card-removed-during-read', `${this.device}: card left the reader during ${step} (${detail}); no identity was read`, {
      device: this.device,
      command: step,
    });
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
