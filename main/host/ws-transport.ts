import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestFrame, WS_PROTOCOL, WS_SECRET_PREFIX, type EventFrame, type ResponseFrame } from '../../contract/terminal/api';
import type { Dispatch } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import type { Logger } from '../logging/logger';

/** Large enough for one document-camera photo (capture.photo, a JPEG of a few megapixels). */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export interface WsTransportOptions {
  origin: string;
  secret: string;
  dispatch: Dispatch;
  events: EventBus;
  log: Logger;
}

function sameSecret(offered: string, secret: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The secret travels as a WebSocket subprotocol, so it is never in a URL the server logs. */
function offeredSecret(request: IncomingMessage): string | undefined {
  const protocols = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if (!protocols.includes(WS_PROTOCOL)) return undefined;
  return protocols.find((p) => p.startsWith(WS_SECRET_PREFIX))?.slice(WS_SECRET_PREFIX.length);
}

function refuse(socket: Duplex, status: 401 | 403 | 404 | 421, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The Chromium host's half of the TerminalApi. A connection must come from the page this
 * launch served (its Origin) and carry this launch's secret; anything else is refused before
 * the upgrade, so it never sees an event or reaches a service.
 */
export function createWsTransport(options: WsTransportOptions) {
  const { origin, secret, dispatch, events, log } = options;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: () => WS_PROTOCOL,
  });

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', origin);
    // As for plain HTTP: a name that resolves here (DNS rebinding) is not this host's own.
    if (request.headers.host !== new URL(origin).host) {
      log.warn({ host: request.headers.host ?? null }, 'refused an API connection for another host name');
      return refuse(socket, 421, 'Misdirected Request');
    }
    if (url.pathname !== '/api') return refuse(socket, 404, 'Not Found');
    if (request.headers.origin !== origin) {
      log.warn({ origin: request.headers.origin ?? null }, 'refused an API connection from another origin');
      return refuse(socket, 403, 'Forbidden');
    }
    const offered = offeredSecret(request);
    if (offered === undefined || !sameSecret(offered, secret)) {
      log.warn('refused an API connection without this launch secret');
      return refuse(socket, 401, 'Unauthorized');
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws));
  }

  function serve(ws: WebSocket): void {
    const send = (frame: ResponseFrame | EventFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const unsubscribe = events.subscribe(send);
    ws.on('close', unsubscribe);
    ws.on('error', (error) => log.warn({ err: error }, 'API connection error'));
    ws.on('message', (data, isBinary) => {
      void answer(data.toString(), isBinary).then(send);
    });
  }

  async function answer(text: string, isBinary: boolean): Promise<ResponseFrame> {
    if (isBinary) return { id: null, ok: false, error: { code: 'bad-request', message: 'binary frames are not accepted' } };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { id: null, ok: false, error: { code: 'bad-request', message: 'the frame is not JSON' } };
    }
    const frame = RequestFrame.safeParse(json);
    if (!frame.success) {
      return {
        id: null,
        ok: false,
        error: {
          code: 'bad-request',
          message: 'the frame is not a request {id, method, args}',
          issues: frame.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
        },
      };
    }
    return dispatch(frame.data.id, frame.data.method, frame.data.args);
  }

  return {
    handleUpgrade,
    close: () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
