/**
 * A byte pipe to a reader. The reader driver owns the reopening: a transport only opens, writes,
 * closes and tells when the device went away, so serial, HID and in-memory links behave alike.
 */
export interface TransportHandlers {
  data(chunk: Uint8Array): void;
  /** The device went away (unplugged, port closed under us, I/O error). */
  lost(error: Error): void;
}

export interface Transport {
  /** For messages: "serial /dev/ttyUSB0 @115200", "hid 0483:5750". */
  readonly description: string;
  open(handlers: TransportHandlers): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
