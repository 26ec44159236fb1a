import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../kiosk-config/load';

const minimal = { terminal: { id: 'k-01', centre: { id: 'c1', name: '某中心' }, role: 'kiosk' } };

describe("host.pdfBrowserIdleSeconds (the PDF browser's idle time)", () => {
  it('is five minutes unless set, and 0 is allowed (kept warm for good)', () => {
    expect(parseConfig(minimal, 'x').host.pdfBrowserIdleSeconds).toBe(300);
    expect(parseConfig({ ...minimal, host: { pdfBrowserIdleSeconds: 0 } }, 'x').host.pdfBrowserIdleSeconds).toBe(0);
  });

  it('refuses a negative or fractional number of seconds, naming the key and the value', () => {
    for (const value of [-1, 2.5]) {
      let error: unknown;
      try {
        parseConfig({ ...minimal, host: { pdfBrowserIdleSeconds: value } }, 'test.json');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([expect.objectContaining({ key: 'host.pdfBrowserIdleSeconds', value: String(value) })]);
    }
  });
});
