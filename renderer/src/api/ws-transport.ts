import type { EventFrame, ResponseFrame } from '../../../contract/terminal/api';
import { WS_PROTOCOL, WS_SECRET_PREFIX } from '../../../contract/terminal/transport-constants';
import type { Transport } from './client';

const CALL_TIMEOUT_MS = 15_000;
/**
 * Calls that wait on a device or an engine for longer than a click: a scan waits up to 45 s for
 * its page (the scanner's own timeout, which then answers with a reason), then straightens and
 * compresses it; reading a page starts the OCR engine on first use. On a busy machine cutting
 * them off at 15 s turned a slow scan or read into a fault.
 */
const SLOW_CALL_TIMEOUT_MS: Readonly<Record<string, number>> = { 'capture.scan': 90_000, 'capture.photo': 90_000, 'capture.read': 120_000 };

/**
 * The Chromium host's transport. The launch secret comes in the page's fragment and goes back
 * as a WebSocket subprotocol; a dropped connection is re-opened, and calls made meanwhile wait.
 */
export function createWsTransport(location: Location): Transport {
  const secret = new URLSearchParams(location.hash.slice(1)).get('secret') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`;
  const pending = new Map<number, (frame: ResponseFrame) => void>();
  const eventListeners: Array<(frame: EventFrame) => void> = [];
  let socket: WebSocket;
  let opened: Promise<void>;
  let retryMs = 250;

  const connect = () => {
    socket = new WebSocket(url, [WS_PROTOCOL, `${WS_SECRET_PREFIX}${secret}`]);
    opened = new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));
    socket.addEventListener('open', () => (retryMs = 250));
    socket.addEventListener('message', (message) => {
      const frame = JSON.parse(String(message.data)) as ResponseFrame | EventFrame;
      if ('event' in frame) for (const listener of eventListeners) listener(frame);
      else if (frame.id !== null) pending.get(frame.id)?.(frame);
    });
    socket.addEventListener('close', () => {
      for (const [id, resolve] of pending) resolve({ id, ok: false, error: { code: 'unavailable', message: 'connection lost' } });
      pending.clear();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  };
  connect();

  return {
    async invoke(id, method, args) {
      await opened;
      return new Promise<ResponseFrame>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve({ id, ok: false, error: { code: 'unavailable', message: `${method} timed out` } });
        }, SLOW_CALL_TIMEOUT_MS[method] ?? CALL_TIMEOUT_MS);
        pending.set(id, (frame) => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(frame);
        });
        socket.send(JSON.stringify({ id, method, args }));
      });
    },
    onEvent(listener) {
      eventListeners.push(listener);
    },
  };
}
