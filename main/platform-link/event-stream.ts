import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { SSE_EVENT_NAME } from '../../contract/platform/events';
import { SSE_HELP_EVENT_NAME } from '../../contract/platform/help';
import { SSE_CALL_EVENT_NAME } from '../../contract/platform/calls';
import { fetchFailureReason } from '../../common/errors';
import type { PlatformLink } from './link';

export interface FollowOptions {
  /** `Bearer …`: the terminal's credential or a clerk's staff token. */
  authorization: string;
  /** The last event seq already seen; the stream starts after it. */
  after: number;
  /** Each case event, in order. Throwing stops the stream with that error. */
  onEvent: (message: EventSourceMessage) => void;
  /** Each help call of the centre as it changes (呼叫工作人员), for the desks that want them. */
  onHelp?: (message: EventSourceMessage) => void;
  /** Each number a window of the centre calls, for the walls showing every window. */
  onCall?: (message: EventSourceMessage) => void;
  /** The platform answered and the stream is open: what happened before this is not on it. */
  onOpen?: () => void;
  /** Aborting ends the stream; the promise then resolves. */
  signal: AbortSignal;
  /**
   * A stream that shows nothing for this long (not even the platform's keepalive comment) is a
   * dead connection: a half-open TCP link, or a proxy that stopped forwarding, shows no error of
   * its own. Default 45 s (the platform sends a keepalive every 15 s).
   */
  idleMs?: number;
}

const DEFAULT_IDLE_MS = 45_000;

/**
 * Follows the platform's server-sent event stream (`GET /v1/events/stream`) through the link,
 * with the idle watchdog that both the terminal's status feed and the counter's queue rely on.
 * Resolves when `signal` aborts or the platform closes the stream; rejects with
 * PlatformUnreachableError (no answer, silence past `idleMs`, a broken connection),
 * PlatformHttpError (a refusal), or the error `onEvent` threw.
 */
export async function followEventStream(link: PlatformLink, options: FollowOptions): Promise<void> {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const { method, name, href } = link.url('eventStream', { query: { after: options.after } });
  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal.addEventListener('abort', stop, { once: true });
  let watchdog: NodeJS.Timeout | undefined;
  let silentFor: number | undefined;
  const arm = (ms: number) => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      silentFor = ms;
      controller.abort();
    }, ms);
  };
  try {
    arm(link.timeoutMs);
    let response: Response;
    try {
      response = await fetch(href, { method, headers: link.headers({ authorization: options.authorization }, 'text/event-stream'), signal: controller.signal });
    } catch (error) {
      if (options.signal.aborted) return;
      throw link.unreachable(name, silentFor !== undefined ? `no answer within ${silentFor} ms` : fetchFailureReason(error));
    }
    if (!response.ok || !response.body) {
      const text = await response.text();
      link.refusal({ route: name, response, text: () => text });
    }
    options.onOpen?.();
    let failure: unknown;
    const parser = createParser({
      onEvent: (message) => {
        if (failure !== undefined) return;
        if (message.event === SSE_HELP_EVENT_NAME) {
          options.onHelp?.(message);
          return;
        }
        if (message.event === SSE_CALL_EVENT_NAME) {
          options.onCall?.(message);
          return;
        }
        if (message.event !== SSE_EVENT_NAME) return;
        try {
          options.onEvent(message);
        } catch (error) {
          failure = error;
          controller.abort();
        }
      },
    });
    const decoder = new TextDecoder();
    try {
      arm(idleMs);
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        arm(idleMs);
        parser.feed(decoder.decode(chunk, { stream: true }));
        if (failure !== undefined) break;
      }
    } catch (error) {
      if (failure !== undefined) throw failure;
      if (options.signal.aborted) return;
      throw link.unreachable(name, silentFor !== undefined ? `the stream was silent for ${silentFor} ms` : fetchFailureReason(error));
    }
    if (failure !== undefined) throw failure;
  } finally {
    clearTimeout(watchdog);
    options.signal.removeEventListener('abort', stop);
  }
}
