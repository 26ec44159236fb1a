import { describe, expect, it } from 'vitest';
import { FrameParser, answerFromBody, decodeHidReport, encodeCommand, encodeHidReports, splitReadData, decodeTextBlock, photoOf } from '../../../drivers/idcard';
import { readReportLines } from './fixtures';

/** No HID reader can be attached here: the reports in the fixture follow hid-framing.ts, made by generate.ts. */
describe('SAM frames in HID reports', () => {
  const reports = readReportLines('hid-reports.hex').flat();

  it('reassembles a find answer and a read answer spread over 64-byte reports', () => {
    expect(reports.every((r) => r.length === 64)).toBe(true);
    const parser = new FrameParser();
    const bodies = reports.flatMap((r) => {
      const decoded = decodeHidReport(r);
      if (!decoded.ok) throw new Error(decoded.problem);
      return parser.push(decoded.bytes).flatMap((e) => (e.type === 'frame' ? [e.body] : []));
    });
    expect(bodies).toHaveLength(2);
    expect(answerFromBody(bodies[0] as Uint8Array)?.sw3).toBe(0x9f);
    const read = answerFromBody(bodies[1] as Uint8Array);
    const split = read && splitReadData(read.data, false);
    if (!split?.ok) throw new Error('read answer did not split');
    const identity = decodeTextBlock(split.blocks.text, photoOf(split.blocks.photo), new Date(2026, 10, 23));
    expect(identity.ok && identity.identity.kind).toBe('hmt-residence');
  });

  it('writes a command as one output report: report ID, count, bytes, padding', () => {
    const [report, ...rest] = encodeHidReports(encodeCommand(0x20, 0x01));
    expect(rest).toHaveLength(0);
    expect(Array.from((report as Uint8Array).subarray(0, 13))).toEqual([0x00, 10, 0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22, 0x00]);
    expect(report).toHaveLength(65);
  });

  it('refuses reports whose count byte overruns them, or with the wrong report ID', () => {
    const bad = new Uint8Array(64);
    bad[0] = 64;
    expect(decodeHidReport(bad)).toMatchObject({ ok: false });
    const numbered = Uint8Array.of(0x03, 2, 0xaa, 0xaa);
    expect(decodeHidReport(numbered, { reportSize: 64, reportId: 0x02 })).toMatchObject({ ok: false, problem: expect.stringMatching(/report ID 3/) });
    expect(decodeHidReport(Uint8Array.of(0x02, 2, 0xaa, 0xab), { reportSize: 64, reportId: 0x02 })).toEqual({ ok: true, bytes: Uint8Array.of(0xaa, 0xab) });
  });
});
