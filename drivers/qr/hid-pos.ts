/**
 * HID POS barcode scanners (usage page 0x8C, usage 0x02 Bar Code Scanner, report usage 0x12
 * Scanned Data Report; HID Point of Sale Usage Tables 1.02). The layout of the scanned-data input
 * report below is the one Newland documents for its FM430 (as quoted in public node-hid drivers
 * for it) and Honeywell's "HID POS" mode uses alike; it rests on those vendor notes:
 *
 *   byte 0       report ID 0x02
 *   byte 1       count of data bytes in this report (1..56)
 *   bytes 2-57   decoded data
 *   bytes 58-63  reserved / vendor symbology identifier
 *
 * A code longer than 56 bytes comes in several reports; the last one is short, or (when a code
 * is a multiple of 56) the scanner goes quiet, which `flush()` after a pause handles.
 */
export const HID_POS_USAGE_PAGE = 0x8c;
export const SCANNED_DATA_REPORT_ID = 0x02;
export const DATA_PER_REPORT = 56;

export type HidPosReportResult = { kind: 'data'; bytes: Uint8Array; last: boolean } | { kind: 'ignored'; problem: string };

export function parseHidPosReport(report: Uint8Array): HidPosReportResult {
  if (report.length < 2) return { kind: 'ignored', problem: `report of ${report.length} bytes is too short` };
  if (report[0] !== SCANNED_DATA_REPORT_ID) return { kind: 'ignored', problem: `report ID 0x${(report[0] as number).toString(16)} is not scanned data (0x02)` };
  const n = report[1] as number;
  if (n === 0) return { kind: 'ignored', problem: 'empty scanned-data report' };
  if (n > DATA_PER_REPORT || 2 + n > report.length) return { kind: 'ignored', problem: `count byte ${n} exceeds the report` };
  return { kind: 'data', bytes: report.slice(2, 2 + n), last: n < DATA_PER_REPORT };
}

/** Joins the reports of one scan. Never throws. */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  /** The payload when this report completes a scan. */
  push(report: Uint8Array): { payload?: string; problem?: string } {
    const parsed = parseHidPosReport(report);
    if (parsed.kind === 'ignored') return { problem: parsed.problem };
    this.parts.push(parsed.bytes);
    return parsed.last ? { payload: this.take() } : {};
  }

  /** After a pause: whatever was gathered is a whole scan. */
  flush(): string | undefined {
    return this.parts.length > 0 ? this.take() : undefined;
  }

  private take(): string {
    const total = this.parts.reduce((n, p) => n + p.length, 0);
    const joined = new Uint8Array(total);
    let at = 0;
    for (const p of this.parts) {
      joined.set(p, at);
      at += p.length;
    }
    this.parts = [];
    return this.decoder.decode(joined);
  }
}

/** A scanned-data report as a scanner sends it: for the simulator and recorded fixtures. */
export function encodeHidPosReports(payload: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(payload);
  const reports: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += DATA_PER_REPORT) {
    const chunk = bytes.subarray(at, at + DATA_PER_REPORT);
    const report = new Uint8Array(64);
    report[0] = SCANNED_DATA_REPORT_ID;
    report[1] = chunk.length;
    report.set(chunk, 2);
    reports.push(report);
  }
  return reports;
}
