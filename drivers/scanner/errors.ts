/**
 * Why a scan failed, as a code the kiosk turns into plain words for the citizen (请稍候, 请合上
 * 扫描仪盖板, 请放入材料) and a message with the device and its own words for the technician.
 */
export type ScannerErrorCode =
  | 'busy'
  | 'cover-open'
  | 'no-paper'
  | 'jammed'
  | 'timeout'
  | 'cancelled'
  | 'unreachable'
  | 'invalid-request'
  | 'device-error';

export class ScannerError extends Error {
  constructor(
    readonly code: ScannerErrorCode,
    readonly device: string,
    message: string,
    readonly detail?: string,
  ) {
    super(`${device}: ${message}${detail ? ` (${detail})` : ''}`);
    this.name = 'ScannerError';
  }
}
