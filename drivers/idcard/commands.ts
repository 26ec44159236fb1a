import { encodeCommand } from './frame';
import { BAUD_RATES, type BaudRate } from '../../contract/terminal/baud-rates';

/**
 * The commands of the SAM protocol (docs/devices/idcard-sam-protocol.md, checked against
 * hevz/hev-idcard-reader and libinqi/idr-routon `sdtapi.h`). `expect` is the SW3 of success.
 */
export interface CommandSpec {
  name: string;
  cmd: number;
  para: number;
  data?: Uint8Array;
  expect: number;
  /**
   * Data bytes a success answer carries: an exact count or a minimum. An answer with other data
   * is a late answer to an earlier command and is ignored; answers without data (statuses) always count.
   */
  answerData?: { exact: number } | { min: number };
}

export const RESET_SAM: CommandSpec = { name: 'reset SAM', cmd: 0x10, para: 0xff, expect: 0x90, answerData: { exact: 0 } };
export const SAM_STATUS: CommandSpec = { name: 'SAM status', cmd: 0x11, para: 0xff, expect: 0x90, answerData: { exact: 0 } };
export const SAM_ID: CommandSpec = { name: 'SAM id', cmd: 0x12, para: 0xff, expect: 0x90, answerData: { exact: 16 } };
export const FIND_CARD: CommandSpec = { name: 'find card', cmd: 0x20, para: 0x01, expect: 0x9f, answerData: { exact: 4 } };
export const SELECT_CARD: CommandSpec = { name: 'select card', cmd: 0x20, para: 0x02, expect: 0x90, answerData: { exact: 8 } };
export const READ_TEXT_PHOTO: CommandSpec = { name: 'read text and photo', cmd: 0x30, para: 0x01, expect: 0x90, answerData: { min: 4 + 256 } };
export const READ_WITH_FINGERPRINT: CommandSpec = { name: 'read text, photo and fingerprint', cmd: 0x30, para: 0x10, expect: 0x90, answerData: { min: 6 + 256 } };
export const READ_APPENDED_ADDRESS: CommandSpec = { name: 'read appended addresses', cmd: 0x30, para: 0x03, expect: 0x90 };

/** 60 n: n is the rate's place in BAUD_RATES. */
export function setBaudRate(rate: BaudRate): CommandSpec {
  return { name: `set baud rate ${rate}`, cmd: 0x60, para: BAUD_RATES.indexOf(rate), expect: 0x90 };
}

/** 61 FF b: maximum RF frame size; [R] uses 0x58, [H] 0x50. */
export function setMaxRfFrame(size: number): CommandSpec {
  return { name: `set RF frame size ${size}`, cmd: 0x61, para: 0xff, data: Uint8Array.of(size & 0xff), expect: 0x90 };
}

export function encodeSpec(spec: CommandSpec): Uint8Array {
  return encodeCommand(spec.cmd, spec.para, spec.data);
}

/** Command names for error messages, keyed by CMD << 8 | PARA. */
export function commandName(cmd: number, para: number): string {
  const known = [RESET_SAM, SAM_STATUS, SAM_ID, FIND_CARD, SELECT_CARD, READ_TEXT_PHOTO, READ_WITH_FINGERPRINT, READ_APPENDED_ADDRESS];
  const spec = known.find((s) => s.cmd === cmd && s.para === para);
  if (spec) return spec.name;
  if (cmd === 0x60) return 'set baud rate';
  if (cmd === 0x61) return 'set RF frame size';
  return `command ${cmd.toString(16).padStart(2, '0')} ${para.toString(16).padStart(2, '0')}`;
}
