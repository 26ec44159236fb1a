import { ipcMain, type BrowserWindow } from 'electron';
import type { ResponseFrame } from '../../contract/terminal/api';
import type { Logger } from '../logging/logger';
import type { Terminal } from '../terminal';
import { isAppUrl } from './app-origin';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';
import { checkMethod, checkSender, refusedFrame } from './ipc-guard';

/**
 * The Electron transport of the TerminalApi: calls in over `tongban:invoke` (sender checked
 * first, then handed to the dispatcher, which validates the rest and never throws), events
 * out over `tongban:event`. Returns a function that stops forwarding events.
 */
export function connectTerminal(terminal: Terminal, kioskWindow: () => BrowserWindow | undefined, log: Logger): () => void {
  let nextId = 1;
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, args: unknown): Promise<ResponseFrame> => {
    const win = kioskWindow();
    const frame = event.senderFrame;
    const verdict = checkSender(
      { frameUrl: frame?.url, isMainFrame: frame !== null && frame.parent === null, webContentsId: event.sender.id },
      win && !win.isDestroyed() ? win.webContents.id : undefined,
    );
    if (!verdict.trusted) {
      log.warn({ reason: verdict.reason }, 'IPC call refused');
      return refusedFrame(verdict.reason);
    }
    const id = nextId++;
    const checked = checkMethod(id, method);
    if (!checked.ok) return checked.frame;
    return terminal.dispatch(id, checked.method, args);
  });

  const unsubscribe = terminal.events.subscribe((frame) => {
    const win = kioskWindow();
    if (!win || win.isDestroyed()) return;
    if (!isAppUrl(win.webContents.getURL())) return;
    win.webContents.send(EVENT_CHANNEL, frame);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
