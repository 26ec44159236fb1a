import { describe, expect, it } from 'vitest';
import { electronUpdateFeed } from '../../../main/fleet/electron-feed';

describe("the Electron build's update feed", () => {
  const credential = { terminalId: 'kiosk-7', secret: 'a-secret-of-16-chars' };

  it("is the platform's generic-provider folder, asked with the terminal's credential", () => {
    for (const url of ['https://platform.example.invalid', 'https://platform.example.invalid/']) {
      expect(electronUpdateFeed({ url, credential })).toEqual({
        options: { provider: 'generic', url: 'https://platform.example.invalid/v1/updates/electron/' },
        headers: { authorization: 'Bearer tbt_kiosk-7.a-secret-of-16-chars' },
      });
    }
    expect(electronUpdateFeed({ url: 'https://city.example.invalid/tongban', credential })?.options.url).toBe('https://city.example.invalid/tongban/v1/updates/electron/');
  });

  it('is none where no platform watches the terminal (the demo site)', () => {
    expect(electronUpdateFeed({})).toBeUndefined();
    expect(electronUpdateFeed({ url: 'https://platform.example.invalid' })).toBeUndefined();
  });
});
