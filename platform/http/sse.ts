import type { FastifyReply, FastifyRequest } from 'fastify';
import { SSE_EVENT_NAME } from '../../contract/platform/events';
import { SSE_HELP_EVENT_NAME, type HelpCall } from '../../contract/platform/help';
import { SSE_CALL_EVENT_NAME, type CallSignal } from '../../contract/platform/calls';
import type { PlatformContext, StoredMark } from '../core/context';
import { listEvents, type EventFilter } from '../core/events';

const KEEPALIVE_MS = 15_000;

/**
 * Server-sent events for one centre. The store is the source of truth: a committed event only
 * wakes the stream, which then reads from its cursor, so nothing is skipped or sent twice
 * however events and reconnections interleave. Events committed by another platform process on
 * the same PostgreSQL wake it too (platform/cluster relays them); the keepalive also re-reads,
 * as a last resort for a signal lost between a commit and its relay.
 */
export function streamEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: PlatformContext,
  filter: EventFilter,
  after: number,
  release: () => void,
): void {
  const { centreId } = filter;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');

  let cursor = after;
  let reading = false;
  let again = false;
  let closed = false;

  const pump = async (): Promise<void> => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        let page;
        do {
          page = await listEvents(ctx.db, filter, cursor, 200);
          for (const event of page.events) {
            if (closed) return;
            res.write(`id: ${event.seq}\nevent: ${SSE_EVENT_NAME}\ndata: ${JSON.stringify(event)}\n\n`);
          }
          cursor = page.cursor;
        } while (page.hasMore && !closed);
      } while (again && !closed);
    } catch (error) {
      request.log.error({ err: error }, 'event stream read failed');
      res.end();
    } finally {
      reading = false;
    }
  };

  const onStored = (marks: StoredMark[]) => {
    if (marks.some((m) => m.centreId === centreId && m.seq > cursor)) void pump();
  };
  const onResync = () => void pump();
  // Help calls are live signals, not history: they go to the streams open now, without a seq.
  const onHelp = (call: HelpCall) => {
    if (closed || call.centreId !== centreId) return;
    if (filter.terminalId && call.terminalId !== filter.terminalId) return;
    res.write(`event: ${SSE_HELP_EVENT_NAME}\ndata: ${JSON.stringify(call)}\n\n`);
  };
  const onCall = (call: CallSignal) => {
    if (!closed && call.centreId === centreId && !filter.terminalId) res.write(`event: ${SSE_CALL_EVENT_NAME}\ndata: ${JSON.stringify(call)}\n\n`);
  };
  const keepalive = setInterval(() => {
    res.write(': keepalive\n\n');
    void pump();
  }, KEEPALIVE_MS);
  keepalive.unref();

  ctx.hub.on('stored', onStored);
  ctx.hub.on('resync', onResync);
  ctx.hub.on('help', onHelp);
  ctx.hub.on('call', onCall);
  res.on('close', () => {
    closed = true;
    release();
    clearInterval(keepalive);
    ctx.hub.off('stored', onStored);
    ctx.hub.off('resync', onResync);
    ctx.hub.off('help', onHelp);
    ctx.hub.off('call', onCall);
  });
  void pump();
}
