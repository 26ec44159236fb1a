import type { TongbanBridge } from '../../../contract/terminal/bridge';
import type { Transport } from './client';

/** The Electron transport: the preload's bridge already speaks frames over IPC. */
export function createBridgeTransport(bridge: TongbanBridge): Transport {
  return {
    invoke: (_id, method, args) => bridge.invoke(method, args),
    onEvent: (listener) => void bridge.onEvent(listener),
  };
}
