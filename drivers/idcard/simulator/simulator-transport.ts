import type { Transport, TransportHandlers } from '../transport';
import type { IdCardSimulator } from './simulator';

/**
 * The simulator as a reader's transport, in the same process and without a pty: for the demo
 * site where socat is not installed, and for tests of the reader logic. Bytes cross on the next
 * turn of the event loop, as they would from a port.
 */
export class SimulatorTransport implements Transport {
  readonly description = 'simulator';

  constructor(private readonly simulator: IdCardSimulator) {}

  async open(handlers: TransportHandlers): Promise<void> {
    this.simulator.connect((bytes) => setImmediate(() => handlers.data(bytes)));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const copy = bytes.slice();
    setImmediate(() => this.simulator.input(copy));
  }

  async close(): Promise<void> {
    this.simulator.disconnect();
  }
}
