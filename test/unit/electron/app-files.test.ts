import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAppPath, serveAppFile } from '../../../main/electron/app-files';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'tongban-app-files-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>通办</title>');
  writeFileSync(path.join(root, 'assets', 'index-1.js'), 'export {};');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the UI folder');
  mkdirSync(path.join(base, 'renderer-evil'));
  writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'sibling folder sharing the prefix');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://tongban/ paths into the UI folder, / to the entry page', () => {
    expect(resolveAppPath(root, 'app://tongban/')).toEqual({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://tongban/assets/index-1.js?v=1#x')).toEqual({ ok: true, file: path.join(root, 'assets/index-1.js') });
    expect(resolveAppPath(root, 'app://tongban/assets/%E9%80%9A.png')).toEqual({ ok: true, file: path.join(root, 'assets/通.png') });
  });

  it.each([
    ['encoded slash after ..', 'app://tongban/..%2fsecret.txt'],
    ['fully encoded traversal', 'app://tongban/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['encoded traversal to a sibling folder with the same prefix', 'app://tongban/..%2frenderer-evil%2fx.js'],
    ['an absolute path smuggled in encoded', 'app://tongban/%2fetc%2fpasswd/..%2f..%2f..%2f..%2fetc%2fpasswd'],
  ])('refuses %s', (_what, url) => {
    const resolved = resolveAppPath(root, url);
    expect(resolved).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining('escapes the UI folder') });
  });

  it('keeps plain dot segments inside the folder (the URL parser removes them first)', () => {
    const resolved = resolveAppPath(root, 'app://tongban/../../secret.txt');
    expect(resolved).toEqual({ ok: true, file: path.join(root, 'secret.txt') });
  });

  it.each([
    ['a NUL byte', 'app://tongban/index.html%00.js', 400],
    ['a backslash', 'app://tongban/..%5c..%5csecret.txt', 400],
    ['broken percent-encoding', 'app://tongban/%E0%A4%A', 400],
    ['another host', 'app://evil/index.html', 403],
    ['another scheme', 'file:///etc/passwd', 403],
    ['user info', 'app://x@tongban/index.html', 403],
    ['garbage', 'no url', 400],
  ])('refuses %s', (_what, url, status) => {
    expect(resolveAppPath(root, url)).toMatchObject({ ok: false, status });
  });
});

describe('serveAppFile', () => {
  it('serves the entry page with its type and the CSP', async () => {
    const served = await serveAppFile(root, 'GET', 'app://tongban/');
    expect(served.status).toBe(200);
    expect(String(served.body)).toContain('通办');
    expect(served.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(served.headers['Content-Security-Policy']).toContain("default-src 'self'");
    expect(served.refused).toBeUndefined();
  });

  it('serves scripts as JavaScript', async () => {
    const served = await serveAppFile(root, 'GET', 'app://tongban/assets/index-1.js');
    expect(served.status).toBe(200);
    expect(served.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const served = await serveAppFile(root, 'HEAD', 'app://tongban/index.html');
    expect(served).toMatchObject({ status: 200, body: '' });
  });

  it('refuses a symbolic link that leads out of the UI folder', async () => {
    const served = await serveAppFile(root, 'GET', 'app://tongban/assets/link.txt');
    expect(served.status).toBe(403);
    expect(String(served.body)).not.toContain('outside');
    expect(served.refused).toContain('symbolic link');
  });

  it('refuses traversal without reading the file', async () => {
    const served = await serveAppFile(root, 'GET', 'app://tongban/..%2fsecret.txt');
    expect(served.status).toBe(403);
    expect(String(served.body)).toBe('Forbidden');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await serveAppFile(root, 'GET', 'app://tongban/nope.js')).status).toBe(404);
    expect((await serveAppFile(root, 'GET', 'app://tongban/assets')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const served = await serveAppFile(root, 'POST', 'app://tongban/index.html');
    expect(served.status).toBe(405);
    expect(served.headers['Content-Security-Policy']).toBeDefined();
  });
});

describe('contentTypeOf', () => {
  it('knows what Vite emits and falls back to bytes', () => {
    expect(contentTypeOf('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
  });
});
