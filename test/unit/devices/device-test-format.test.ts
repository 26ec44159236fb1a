import { describe, expect, it } from 'vitest';
import { formatDeviceTest, maskedIdentity, type DeviceTestResult } from '../../../main/devices/device-test';
import type { CardRead } from '../../../drivers/idcard';

describe('formatDeviceTest', () => {
  const result: DeviceTestResult = {
    role: 'idcard',
    device: 'serial /dev/ttyUSB0 @115200',
    ok: false,
    steps: [
      { name: 'open + SAM status', ok: true, ms: 12 },
      { name: 'SAM id', ok: false, ms: 1504, detail: 'no answer within 500 ms' },
    ],
    summary: 'serial /dev/ttyUSB0 @115200: no answer within 500 ms',
  };

  it('puts the role and device first, one line per step with its time and detail, then the verdict', () => {
    expect(formatDeviceTest(result).split('\n')).toEqual([
      'idcard — serial /dev/ttyUSB0 @115200',
      expect.stringMatching(/^ {2}ok {3}open \+ SAM status +12 ms$/),
      expect.stringMatching(/^ {2}FAIL SAM id +1504 ms {2}no answer within 500 ms$/),
      'FAILED: serial /dev/ttyUSB0 @115200: no answer within 500 ms',
      '',
    ]);
  });

  it('says OK for a passing test', () => {
    expect(formatDeviceTest({ ...result, ok: true, steps: [], summary: 'fine' })).toBe('idcard — serial /dev/ttyUSB0 @115200\nOK: fine\n');
  });
});

describe('maskedIdentity', () => {
  it('shows the name and the ID number with only its first 6 and last 4 characters', () => {
    const read = { identity: { name: '测试张三', idNumber: '11010119900307001X' } } as unknown as CardRead;
    expect(maskedIdentity(read)).toBe('测试张三 110101********001X');
  });
});
