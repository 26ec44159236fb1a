import { protocol } from 'electron';
import type { Logger } from '../logging/logger';
import { APP_SCHEME } from './app-origin';
import { serveAppFile } from './app-files';

/**
 * Must run before the app is ready. `standard` gives the scheme real origins (so 'self' in
 * the CSP and the origin checks mean app://tongban), `secure` makes it a secure context.
 * No bypassCSP, no CORS, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built UI from `uiRoot` over app://tongban/, every response with the CSP. */
export function serveApp(uiRoot: string, log: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const served = await serveAppFile(uiRoot, request.method, request.url);
    if (served.refused) log.warn({ url: request.url.slice(0, 200), status: served.status, reason: served.refused }, 'app protocol request refused');
    return new Response(served.body, { status: served.status, headers: served.headers });
  });
}
