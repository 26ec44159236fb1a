import type { ResponseFrame } from '../../contract/terminal/api';
import { isAppUrl } from './app-origin';

/** What the main process knows about who sent an IPC message, reduced to plain data. */
export interface IpcSender {
  /** `event.senderFrame?.url`; undefined when the frame is gone or was navigated away. */
  frameUrl: string | undefined;
  /** Whether the sending frame is its page's top frame (`senderFrame === sender.mainFrame`). */
  isMainFrame: boolean;
  /** `event.sender.id`: the webContents the message came from. */
  webContentsId: number;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

/**
 * A call is served only when it comes from the top frame of the kiosk window's own
 * webContents, showing a page of the app origin. Anything else (another window, an iframe,
 * a page that got navigated elsewhere) is refused before it reaches the dispatcher.
 */
export function checkSender(sender: IpcSender, windowWebContentsId: number | undefined): SenderVerdict {
  if (windowWebContentsId === undefined || sender.webContentsId !== windowWebContentsId) {
    return { trusted: false, reason: `webContents ${sender.webContentsId} is not the kiosk window` };
  }
  if (!sender.isMainFrame) return { trusted: false, reason: 'sent from a subframe' };
  if (!isAppUrl(sender.frameUrl)) {
    return { trusted: false, reason: `frame URL ${JSON.stringify((sender.frameUrl ?? '(none)').slice(0, 120))} is not the app origin` };
  }
  return { trusted: true };
}

export const MAX_METHOD_LENGTH = 100;

/**
 * The IPC arguments arrive as whatever the page sent. The method must at least be a short
 * string before it is handed on; the dispatcher then validates the method name and the
 * arguments against the contract.
 */
export function checkMethod(id: number, method: unknown): { ok: true; method: string } | { ok: false; frame: ResponseFrame } {
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
    return {
      ok: false,
      frame: { id, ok: false, error: { code: 'bad-request', message: `method must be a string of 1 to ${MAX_METHOD_LENGTH} characters` } },
    };
  }
  return { ok: true, method };
}

export function refusedFrame(reason: string): ResponseFrame {
  return { id: null, ok: false, error: { code: 'not-allowed', message: `call refused: ${reason}` } };
}
