/**
 * The sandboxed preload: the page gets two functions and nothing else, never ipcRenderer
 * itself nor an IPC event object, so it cannot talk on any other channel. Bundled to CommonJS;
 * at run time it requires only `electron` (the sandbox allows no more).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventFrame, ResponseFrame } from '../../contract/terminal/api';
import type { TongbanBridge } from '../../contract/terminal/bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';

const bridge: TongbanBridge = {
  invoke(method: string, args: unknown): Promise<ResponseFrame> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, args) as Promise<ResponseFrame>;
  },
  onEvent(listener: (frame: EventFrame) => void): () => void {
    const forward = (_event: IpcRendererEvent, frame: EventFrame) => listener(frame);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('tongbanBridge', bridge);
