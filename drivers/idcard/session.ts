import { commandName, encodeSpec, type CommandSpec } from './commands';
import { IdCardError } from './errors';
import { answerFromBody, hex, type AnswerFrame } from './frame';
import { FrameParser, type DiscardReason } from './frame-parser';
import { errorMessage } from '../../common/errors';

export interface CommandOptions {
  /** Time for the answer to begin and end, on top of its wire time. */
  timeoutMs: number;
  /** Further attempts after a timeout, a corrupt answer or a reader that got corrupt bytes (SW3 10/11). */
  retries: number;
  /** Answer size expected, to add its wire time to the timeout. */
  expectBytes?: number;
}

export interface Answer extends AnswerFrame {
  ms: number;
  attempts: number;
}

export interface SessionOptions {
  device: string;
  baudRate: number;
  write(bytes: Uint8Array): Promise<void>;
  /** Called with bytes the parser discarded, for the technician's log (never card data in clear). */
  onDiscard?: (reason: DiscardReason, bytes: Uint8Array) => void;
}

type Waiter = { spec: CommandSpec; resolve(answer: AnswerFrame): void; fail(reason: string): void };

function plausible(spec: CommandSpec, answer: AnswerFrame): boolean {
  const rule = spec.answerData;
  if (!rule || answer.data.length === 0) return true;
  return 'exact' in rule ? answer.data.length === rule.exact : answer.data.length >= rule.min;
}

/**
 * One command at a time over a byte pipe: write a frame, wait for one answer, retry when the
 * line lost it. Leftovers from an earlier exchange are dropped before each command, since the
 * protocol is strictly one answer per command.
 */
export class ReaderSession {
  private readonly parser = new FrameParser({ minBody: 3 });
  private waiter: Waiter | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private gapTimer: NodeJS.Timeout | undefined;
  /**
   * A reader that answers after our timeout makes every resend queue one more answer behind the
   * last; so once a command needed a resend, timeouts stretch (up to 8x) until the reader has
   * answered promptly for a while.
   */
  private slowFactor = 1;
  private promptAnswers = 0;

  constructor(private readonly options: SessionOptions) {}

  /** Wire time of `bytes` at the session's rate, 8N1 (10 bits a byte). */
  wireMs(bytes: number): number {
    return (bytes * 10 * 1000) / this.options.baudRate;
  }

  /** A partial frame stalled for this long is dead: the reader stopped (e.g. the card left mid-read). */
  private get gapMs(): number {
    return Math.max(300, this.wireMs(64));
  }

  feed(chunk: Uint8Array): void {
    for (const event of this.parser.push(chunk)) {
      if (event.type === 'discarded') {
        this.options.onDiscard?.(event.reason, event.bytes);
        if (event.reason === 'bad-checksum' && this.parser.pending === 0) this.waiter?.fail('an answer with a wrong checksum');
        continue;
      }
      const answer = answerFromBody(event.body);
      if (answer && this.waiter && plausible(this.waiter.spec, answer)) this.waiter.resolve(answer);
    }
    clearTimeout(this.gapTimer);
    if (this.waiter && this.parser.pending > 0) {
      const pending = this.parser.pending;
      this.gapTimer = setTimeout(() => this.waiter?.fail(`a partial answer (${pending} bytes, then silence)`), this.gapMs);
    }
  }

  /** Fails the command in flight: the transport went away. */
  abort(reason: string): void {
    this.waiter?.fail(reason);
  }

  exec(spec: CommandSpec, options: CommandOptions): Promise<Answer> {
    const run = this.queue.then(() => this.run(spec, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private learnSpeed(attempt: number, ms: number, timeoutMs: number): void {
    if (attempt > 1) {
      this.slowFactor = Math.min(8, this.slowFactor * 2);
      this.promptAnswers = 0;
    } else if (ms < timeoutMs / 4 && this.slowFactor > 1 && ++this.promptAnswers >= 20) {
      this.slowFactor /= 2;
      this.promptAnswers = 0;
    }
  }

  private async run(spec: CommandSpec, options: CommandOptions): Promise<Answer> {
    const frame = encodeSpec(spec);
    const started = performance.now();
    const timeoutMs = options.timeoutMs * this.slowFactor + 2 * this.wireMs(frame.length + (options.expectBytes ?? 16));
    const problems: string[] = [];
    for (let attempt = 1; attempt <= options.retries + 1; attempt += 1) {
      this.parser.reset();
      const outcome = await new Promise<AnswerFrame | string>((resolve) => {
        const timer = setTimeout(() => finish(`no answer within ${Math.round(timeoutMs)} ms`), timeoutMs);
        const finish = (result: AnswerFrame | string): void => {
          clearTimeout(timer);
          clearTimeout(this.gapTimer);
          this.waiter = undefined;
          resolve(result);
        };
        this.waiter = { spec, resolve: finish, fail: finish };
        this.options.write(frame).catch((error: unknown) => finish(`write failed: ${errorMessage(error)}`));
      });
      if (typeof outcome === 'string') {
        problems.push(outcome);
        if (outcome.startsWith('write failed') || outcome.startsWith('disconnected')) break;
        continue;
      }
      if (outcome.sw3 === 0x10 || outcome.sw3 === 0x11) {
        problems.push(`reader reported SW3=0x${outcome.sw3.toString(16)} (it received corrupt bytes)`);
        continue;
      }
      const ms = performance.now() - started;
      this.learnSpeed(attempt, ms, timeoutMs);
      return { ...outcome, ms, attempts: attempt };
    }
    const disconnected = problems.some((p) => p.startsWith('write failed') || p.startsWith('disconnected'));
    throw new IdCardError(
      disconnected ? 'disconnected' : 'timeout',
      `${this.options.device}: ${commandName(spec.cmd, spec.para)} (${hex(frame)}) failed after ${problems.length} attempt(s): ${problems.join('; ')}`,
      { device: this.options.device, command: spec.name, bytes: hex(frame) },
    );
  }
}
