import type { App, Session, WebContents } from 'electron';
import type { Logger } from '../logging/logger';
import { isAppUrl } from './app-origin';
import { cameraCheckAllowed, cameraRequestAllowed } from './camera-permission';

/**
 * The kiosk needs one browser permission at most: the document camera's video, which the page
 * reads with getUserMedia (`hasCamera`). Other devices are driven by the main process, not by
 * the page: every other request and check is refused, and so are device pickers and downloads.
 */
export function lockDownSession(ses: Session, log: Logger, options: { hasCamera: boolean } = { hasCamera: false }): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = cameraRequestAllowed(permission, details as { requestingUrl?: string; mediaTypes?: string[] }, options.hasCamera);
    if (!allowed) log.warn({ permission }, 'permission request denied');
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, origin, details) => cameraCheckAllowed(permission, origin, details as { mediaType?: string }, options.hasCamera));
  ses.setDevicePermissionHandler(() => false);
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('will-download', (event, item) => {
    log.warn({ url: item.getURL().slice(0, 200) }, 'download refused');
    event.preventDefault();
  });
}

/**
 * Applied to every webContents the app ever creates, the kiosk window's included: no
 * webviews, no new windows, no navigation or redirect away from the app origin, no zoom.
 */
export function guardWebContents(contents: WebContents, log: Logger): void {
  contents.on('will-attach-webview', (event) => {
    log.warn('webview refused');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn({ url: url.slice(0, 200) }, 'new window refused');
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    log.warn({ url: event.url.slice(0, 200) }, 'navigation refused');
    event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    log.warn({ url: event.url.slice(0, 200) }, 'frame navigation refused');
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    log.warn({ url: event.url.slice(0, 200) }, 'redirect refused');
    event.preventDefault();
  });
  contents.on('did-finish-load', () => {
    void contents.setVisualZoomLevelLimits(1, 1);
  });
  contents.on('zoom-changed', () => {
    contents.setZoomLevel(0);
  });
}

export function guardAllWebContents(app: App, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
}
