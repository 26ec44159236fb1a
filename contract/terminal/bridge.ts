import type { EventFrame, ResponseFrame } from './api';

/** What the Electron preload exposes to the page as `window.tongbanBridge`. */
export interface TongbanBridge {
  invoke(method: string, args: unknown): Promise<ResponseFrame>;
  onEvent(listener: (frame: EventFrame) => void): () => void;
}
