/**
 * How Tongban carries SAM frames in HID reports. Readers that speak the SAM protocol over USB HID
 * use vendor framing that is not public (docs/devices/idcard-sam-protocol.md), so this is the
 * framing we define and implement; a reader with another framing needs its own codec here.
 *
 *   report (reportSize bytes, 64 by default, after the report ID if the device numbers reports):
 *     byte 0      n, the count of frame bytes in this report (0..reportSize-1)
 *     bytes 1..n  the next n bytes of the SAM byte stream (frames may span reports)
 *     the rest    padding, ignored
 *
 * Host → reader output reports are written with the report ID first (node-hid requires it;
 * 0x00 when the device does not number its reports). The bytes carried are the SAM frames
 * unchanged, so the serial frame parser reassembles them and resynchronises the same way.
 */
export interface HidFraming {
  reportSize: number;
  /** Report ID of numbered reports: written first on output, stripped from input when present. */
  reportId: number | null;
}

export const DEFAULT_HID_FRAMING: HidFraming = { reportSize: 64, reportId: null };

export function encodeHidReports(bytes: Uint8Array, framing: HidFraming = DEFAULT_HID_FRAMING): Uint8Array[] {
  const per = framing.reportSize - 1;
  const reports: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += per) {
    const chunk = bytes.subarray(at, Math.min(bytes.length, at + per));
    const report = new Uint8Array(framing.reportSize + 1);
    report[0] = framing.reportId ?? 0;
    report[1] = chunk.length;
    report.set(chunk, 2);
    reports.push(report);
  }
  return reports;
}

export type HidReportResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/** The frame bytes an input report carries, or why it carries none. Never throws. */
export function decodeHidReport(report: Uint8Array, framing: HidFraming = DEFAULT_HID_FRAMING): HidReportResult {
  let body = report;
  if (framing.reportId !== null) {
    if (report[0] !== framing.reportId) return { ok: false, problem: `report ID ${report[0] ?? 'missing'}, expected ${framing.reportId}` };
    body = report.subarray(1);
  }
  if (body.length === 0) return { ok: false, problem: 'empty report' };
  const n = body[0] as number;
  if (n > body.length - 1 || n > framing.reportSize - 1) return { ok: false, problem: `count byte ${n} exceeds the ${body.length - 1} bytes the report holds` };
  return { ok: true, bytes: body.slice(1, 1 + n) };
}
