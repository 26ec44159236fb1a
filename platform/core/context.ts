import { EventEmitter } from 'node:events';
import type { Catalogue } from '../../contract/platform/catalogue';
import type { CaseEvent } from '../../contract/platform/events';
import type { DataCipher } from '../secrets/cipher';
import type { CallSignal } from '../../contract/platform/calls';
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

/** A centre's event log grew to `seq`: what a stream needs to know to read on from its cursor. */
export interface StoredMark {
  centreId: string;
  seq: number;
}

export interface HubSignals {
  /** Events committed by this process, whole: its notifications and licence library act on them once. */
  events: [CaseEvent[]];
  /** Events committed by this or another process on the same store: streams read on from their cursor. */
  stored: [StoredMark[]];
  /** Missed signals are possible (the cross-process link was down): every stream re-reads. */
  resync: [];
  /** A help call was made, taken or cancelled, here or in another process. */
  help: [HelpCall];
  /** A window called a number (a case's or a ticket's), here or in another process. */
  call: [CallSignal];
  /** A remote action was queued for this terminal, here or in another process. */
  action: [string];
  /** This terminal's credential changed (reissued), here or in another process: forget it. */
  revoked: [string];
}

/**
 * New events are announced here after their transaction commits; subscribers (SSE streams,
 * notifications) read them. Listeners are many (one per open stream), so no leak warning.
 * platform/cluster relays `stored`, `help`, `call`, `action` and `revoked` to the other processes of a city.
 */
export class EventHub extends EventEmitter<HubSignals> {
  constructor() {
    super();
    this.setMaxListeners(0);
  }

  publish(events: CaseEvent[]): void {
    if (events.length === 0) return;
    this.emit('events', events);
    this.emit(
      'stored',
      events.map((e) => ({ centreId: e.centreId, seq: e.seq })),
    );
  }

  /** A help call was made, taken or cancelled; the centre's open streams pass it on. */
  publishHelp(call: HelpCall): void {
    this.emit('help', call);
  }

  /** A window called a number; the centre's open streams tell the walls. */
  publishCall(call: CallSignal): void {
    this.emit('call', call);
  }

  /** The credential of `terminalId` was replaced; every process stops honouring the old one. */
  publishRevoked(terminalId: string): void {
    this.emit('revoked', terminalId);
  }

  /** A remote action waits for `terminalId`; its long poll answers now. */
  publishAction(terminalId: string): void {
    this.emit('action', terminalId);
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
