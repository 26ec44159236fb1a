import { describe, expect, it } from 'vitest';
import { appResponseHeaders } from '../../../main/electron/response-headers';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    expect(map.has(name as string), `directive ${name} given twice`).toBe(false);
    map.set(name as string, sources);
  }
  return map;
}

describe('app protocol response headers', () => {
  const headers = appResponseHeaders('text/html; charset=utf-8');
  const csp = directives(headers['Content-Security-Policy'] ?? '');

  it('carry the content type and forbid sniffing', () => {
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('send a CSP whose default is the app origin only', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('allow no inline or eval-ed script, and scripts from the app origin only', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    const all = [...csp.values()].flat();
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain("'wasm-unsafe-eval'");
  });

  it('name no network source at all: the API goes over IPC', () => {
    const all = [...csp.values()].flat();
    for (const source of all) expect(source).not.toMatch(/^(\*|https?:|wss?:|file:)/);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('shut plugins, base, forms and framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('are the same for every kind of file', () => {
    const js = appResponseHeaders('text/javascript; charset=utf-8');
    expect(js['Content-Security-Policy']).toBe(headers['Content-Security-Policy']);
  });
});
