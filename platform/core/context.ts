import { EventEmitter } from 'node:events';
import type { Catalogue } from '../../contract/platform/catalogue';
import type { CaseEvent } from '../../contract/platform/events';
import type { DataCipher } from '../secrets/cipher';
import type { HelpCall } from '../../contract/platform/help';
import type { Database } from '../store/database';

export interface PlatformSettings {
  /** A claim nobody decided on for this long goes back to the queue. */
  claimTimeoutMinutes: number;
  staffSessionMinutes: number;
  lockoutMinutes: number;
  maxBlobBytes: number;
}

export const DEFAULT_SETTINGS: PlatformSettings = {
  claimTimeoutMinutes: 15,
  staffSessionMinutes: 8 * 60,
  lockoutMinutes: 15,
  maxBlobBytes: 10 * 1024 * 1024,
};

/**
 * New events are announced here after their transaction commits; subscribers (SSE streams,
 * notifications) read them. Listeners are many (one per open stream), so no leak warning.
 */
export class EventHub extends EventEmitter<{ events: [CaseEvent[]]; help: [HelpCall] }> {
  constructor() {
    super();
    this.setMaxListeners(0);
  }

  publish(events: CaseEvent[]): void {
    if (events.length > 0) this.emit('events', events);
  }

  /** A help call was made, taken or cancelled; the centre's open streams pass it on. */
  publishHelp(call: HelpCall): void {
    this.emit('help', call);
  }
}

export interface PlatformContext {
  db: Database;
  hub: EventHub;
  settings: PlatformSettings;
  now: () => number;
  /** Seals and opens personal data at rest (case applicants and forms, material scans). */
  cipher: DataCipher;
  /** The configured public address, for every URL the platform prints; never a request's Host. */
  publicUrl: () => string;
  /** The listening URL, used as the public one when none was configured. */
  setDefaultPublicUrl: (url: string) => void;
  /** The catalogue as last loaded; intake validates against it. */
  catalogue: () => Promise<Catalogue>;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined): string | null => (ms == null ? null : iso(ms));
