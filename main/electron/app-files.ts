import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { appResponseHeaders } from './response-headers';

/** The renderer's build output: Vite emits only these kinds of files. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

function isInside(base: string, file: string): boolean {
  const relative = path.relative(base, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

export type PathResolution = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps `app://tongban/<path>` to a file under `root`, by text alone: the request must be for
 * the app host, the decoded path must stay inside root once resolved (`..`, `%2e%2e`,
 * `..%2f`, backslashes and absolute paths all land outside it), and NUL bytes are refused.
 * `/` is the entry page.
 */
export function resolveAppPath(root: string, requestUrl: string): PathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparseable URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '') {
    return { ok: false, status: 403, reason: `not the app origin: ${url.protocol}//${url.host}` };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL byte in path' };
  if (decoded.includes('\\')) return { ok: false, status: 400, reason: 'backslash in path' };
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!isInside(base, file)) {
    return { ok: false, status: 403, reason: `path escapes the UI folder: ${JSON.stringify(decoded.slice(0, 120))}` };
  }
  return { ok: true, file };
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppFileResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
  /** Why a request was refused, for the log; absent when served. */
  refused?: string;
}

function refusal(status: number, reason: string): AppFileResponse {
  const message = status === 404 ? 'Not found' : status === 405 ? 'Method not allowed' : status === 403 ? 'Forbidden' : 'Bad request';
  return { status, headers: appResponseHeaders('text/plain; charset=utf-8'), body: message, refused: reason };
}

/**
 * Serves one request of the app protocol from `root`. Besides the textual check, the real
 * path is checked too, so a symbolic link inside the UI folder cannot point the kiosk at a
 * file elsewhere.
 */
export async function serveAppFile(root: string, method: string, requestUrl: string): Promise<AppFileResponse> {
  if (method !== 'GET' && method !== 'HEAD') return refusal(405, `method ${method.slice(0, 16)}`);
  const resolved = resolveAppPath(root, requestUrl);
  if (!resolved.ok) return refusal(resolved.status, resolved.reason);
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(resolved.file), realpath(root)]);
    if (!(await stat(real)).isFile()) return refusal(404, 'not a file');
  } catch {
    return refusal(404, 'no such file');
  }
  if (!isInside(realRoot, real)) {
    return refusal(403, 'symbolic link leads outside the UI folder');
  }
  const body = method === 'HEAD' ? '' : await readFile(real);
  return { status: 200, headers: appResponseHeaders(contentTypeOf(real)), body };
}
