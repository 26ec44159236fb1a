import { hexByte } from './frame';

/**
 * SW3, the result byte of every answer (SW1 and SW2 are 00 in every known answer). The meanings
 * are consistent across xwh3238557/ChineseIDCardReader-AndroidLib and the Routon SDK header
 * (libinqi/idr-routon `sdtapi.h`; docs/devices/idcard-sam-protocol.md); `action` is what a
 * technician can do about it.
 */
export interface StatusInfo {
  sw3: number;
  /** Stable code for logs, health and tests. */
  code: string;
  meaning: string;
  action: string;
}

const TABLE: StatusInfo[] = [
  { sw3: 0x90, code: 'ok', meaning: 'success', action: 'none' },
  { sw3: 0x9f, code: 'card-found', meaning: 'card found', action: 'none' },
  { sw3: 0x91, code: 'no-such-item', meaning: 'item not on the card (e.g. no appended address)', action: 'none: the card simply has no such data' },
  { sw3: 0x10, code: 'host-checksum', meaning: 'reader got a bad checksum from the host', action: 'check the cable and the baud rate; electrical noise corrupts bytes' },
  { sw3: 0x11, code: 'host-length', meaning: 'reader got a bad length from the host', action: 'check the baud rate and the cable; bytes are being lost' },
  { sw3: 0x21, code: 'bad-command', meaning: 'reader does not know the command', action: 'the reader firmware lacks this command (e.g. no fingerprint read); use the basic read' },
  { sw3: 0x23, code: 'not-authorised', meaning: 'operation not authorised', action: 'the reader refuses this operation; contact the reader vendor' },
  { sw3: 0x24, code: 'unknown-error', meaning: 'unknown reader error', action: 'restart the reader (unplug and replug); replace it if it persists' },
  { sw3: 0x31, code: 'card-auth-sam', meaning: 'card failed to authenticate the SAM', action: 'ask for the card to be placed again; a repeated failure points to a faulty card or SAM' },
  { sw3: 0x32, code: 'sam-auth-card', meaning: 'SAM failed to authenticate the card', action: 'the card may be damaged or not genuine; try another card to rule out the reader' },
  { sw3: 0x33, code: 'info-check', meaning: 'information check failed', action: 'ask for the card to be placed again and held still' },
  { sw3: 0x37, code: 'fingerprint-check', meaning: 'fingerprint check error', action: 'read without fingerprint, or check the fingerprint module' },
  { sw3: 0x3f, code: 'info-length', meaning: 'information length error', action: 'ask for the card to be placed again; check for interference near the antenna' },
  { sw3: 0x40, code: 'card-type', meaning: 'card type not recognised', action: 'this is not a supported ID card, or it is placed badly' },
  { sw3: 0x41, code: 'read-failed', meaning: 'read failed', action: 'ask for the card to be placed again and held still until the read ends' },
  { sw3: 0x47, code: 'random-number', meaning: 'random-number fetch failed', action: 'ask for the card to be placed again' },
  { sw3: 0x60, code: 'sam-self-test', meaning: 'SAM self-test failed', action: 'the security module is faulty: restart the reader, replace it if it persists' },
  { sw3: 0x66, code: 'sam-not-authorised', meaning: 'SAM not authorised', action: 'the security module is not authorised: contact the reader vendor' },
  { sw3: 0x80, code: 'no-card', meaning: 'find card failed (no card)', action: 'none: no card on the reader' },
  { sw3: 0x81, code: 'select-failed', meaning: 'select card failed', action: 'ask for the card to be placed again, flat on the reader' },
];

const BY_SW3 = new Map(TABLE.map((s) => [s.sw3, s]));

export const STATUS_CODES: readonly StatusInfo[] = TABLE;

export function statusInfo(sw3: number): StatusInfo {
  return (
    BY_SW3.get(sw3) ?? {
      sw3,
      code: 'unknown-status',
      meaning: `status 0x${hexByte(sw3)} is not a documented reader status`,
      action: 'note the status byte and contact the reader vendor',
    }
  );
}

export function describeStatus(sw3: number): string {
  const s = statusInfo(sw3);
  return `SW3=0x${hexByte(sw3)} (${s.meaning})`;
}
