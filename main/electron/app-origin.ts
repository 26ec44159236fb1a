/**
 * The one origin the kiosk trusts. The UI is served over this custom scheme rather than
 * `file://`, so that it has a real origin to pin navigation, IPC and the CSP to, and so that
 * no page can read arbitrary files.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tongban';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for `app://tongban/…` with nothing that could smuggle another authority in:
 * no user info, no port. Anything unparseable is untrusted.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
