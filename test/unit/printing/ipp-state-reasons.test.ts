import { describe, expect, it } from 'vitest';
import { conditionOf, parseReason } from '../../../drivers/ipp';
import { PRINT_MESSAGES, a4CitizenMessage, a4StaffWarnings } from '../../../main/printing/messages';

describe('printer-state-reasons', () => {
  it('splits the severity suffix off and treats a bare keyword as an error', () => {
    expect(parseReason('media-empty-report')).toEqual({ raw: 'media-empty-report', keyword: 'media-empty', severity: 'report' });
    expect(parseReason('toner-low-warning')).toMatchObject({ keyword: 'toner-low', severity: 'warning' });
    expect(parseReason('media-jam')).toMatchObject({ keyword: 'media-jam', severity: 'error' });
  });

  it('matches keywords by prefix whatever the suffix', () => {
    for (const raw of ['media-empty', 'media-empty-error', 'media-empty-warning', 'media-empty-report', 'media-needed-error']) {
      expect(conditionOf(parseReason(raw))).toBe('media-empty');
    }
    expect(conditionOf(parseReason('door-open-error'))).toBe('door-open');
    expect(conditionOf(parseReason('cover-open-report'))).toBe('door-open');
    expect(conditionOf(parseReason('marker-supply-low-warning'))).toBe('toner-low');
    expect(conditionOf(parseReason('offline-report'))).toBe('offline');
  });

  it('ignores unknown reports and warnings, stops on unknown errors', () => {
    expect(conditionOf(parseReason('none'))).toBeUndefined();
    expect(conditionOf(parseReason('com.vendor-thing-report'))).toBeUndefined();
    expect(conditionOf(parseReason('com.vendor-thing-error'))).toBe('other-error');
  });

  it('gives the citizen the most specific message, and staff the warnings', () => {
    expect(a4CitizenMessage(['media-empty', 'toner-low'])).toBe('print.a4.mediaEmpty');
    expect(a4CitizenMessage(['offline'])).toBe('print.a4.unavailable');
    expect(PRINT_MESSAGES[a4CitizenMessage(['media-empty'])]['zh-CN']).toBe('打印机缺纸，请联系工作人员。');
    expect(a4StaffWarnings(['toner-low', 'media-low'])).toEqual(['print.staff.tonerLow', 'print.staff.mediaLow']);
  });
});
