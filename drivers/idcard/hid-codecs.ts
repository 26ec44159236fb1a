import type { HidIdCardModel } from '../../contract/terminal/devices';
import { decodeHidReport, encodeHidReports, type HidFraming, type HidReportResult } from './hid-framing';

/**
 * How one reader model carries the SAM byte stream in HID reports: output reports to write for
 * a frame, and the bytes an input report carries. The reader and the frame parser above it are
 * the same for every model; only this differs.
 */
export interface HidReportCodec {
  readonly model: HidIdCardModel;
  encode(bytes: Uint8Array): Uint8Array[];
  /** Never throws: a report that carries nothing usable says why. */
  decode(report: Uint8Array): HidReportResult;
}

/** The count-prefixed framing of hid-framing.ts, with a report size and report ID. */
export function countPrefixedCodec(model: HidIdCardModel, framing: HidFraming): HidReportCodec {
  return {
    model,
    encode: (bytes) => encodeHidReports(bytes, framing),
    decode: (report) => decodeHidReport(report, framing),
  };
}

/** One codec per model the configuration may name; a model without a codec does not compile. */
const CODECS: Record<HidIdCardModel, HidReportCodec> = {
  'tongban-v1': countPrefixedCodec('tongban-v1', { reportSize: 64, reportId: null }),
};

export function hidCodecFor(model: HidIdCardModel): HidReportCodec {
  return CODECS[model];
}
