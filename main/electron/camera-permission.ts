import { isAppUrl } from './app-origin';

/**
 * The one browser permission the kiosk grants: video (not audio, not the screen) for the app's
 * own page, and only on a terminal configured with a document camera. Everything else stays refused.
 */
export function cameraRequestAllowed(permission: string, details: { requestingUrl?: string; mediaTypes?: string[] }, hasCamera: boolean): boolean {
  if (!hasCamera || permission !== 'media' || !isAppUrl(details.requestingUrl)) return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

/** The synchronous check Chromium makes before (and besides) a request. */
export function cameraCheckAllowed(permission: string, origin: string, details: { mediaType?: string }, hasCamera: boolean): boolean {
  return hasCamera && permission === 'media' && details.mediaType === 'video' && isAppUrl(origin);
}
