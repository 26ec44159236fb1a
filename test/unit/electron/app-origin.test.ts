import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../../main/electron/app-origin';

describe('isAppUrl', () => {
  it('accepts pages of app://tongban', () => {
    expect(APP_ORIGIN).toBe('app://tongban');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://tongban/')).toBe(true);
    expect(isAppUrl('app://tongban/index.html#/menu?x=1')).toBe(true);
  });

  it.each([
    ['another host on the scheme', 'app://evil/index.html'],
    ['a look-alike host', 'app://tongban.evil/index.html'],
    ['user info smuggling another authority', 'app://tongban@evil/index.html'],
    ['a port', 'app://tongban:8080/index.html'],
    ['http with the same host', 'http://tongban/index.html'],
    ['a web page', 'https://example.com/'],
    ['file://', 'file:///etc/passwd'],
    ['a file URL naming the host', 'file://tongban/index.html'],
    ['about:blank', 'about:blank'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['javascript:', 'javascript:alert(1)'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['chrome:', 'chrome://gpu'],
    ['garbage', 'not a url'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses a missing URL', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});
