import { describe, expect, it } from 'vitest';
import { cameraCheckAllowed, cameraRequestAllowed } from '../../../main/electron/camera-permission';

describe('the Electron shell grants the document camera and nothing else', () => {
  const page = 'app://tongban/index.html';
  it('video for the app page on a terminal with a camera', () => {
    expect(cameraRequestAllowed('media', { requestingUrl: page, mediaTypes: ['video'] }, true)).toBe(true);
    expect(cameraCheckAllowed('media', 'app://tongban', { mediaType: 'video' }, true)).toBe(true);
  });
  it('refuses audio, screen, other permissions, other origins, and terminals without a camera', () => {
    expect(cameraRequestAllowed('media', { requestingUrl: page, mediaTypes: ['video', 'audio'] }, true)).toBe(false);
    expect(cameraRequestAllowed('media', { requestingUrl: page, mediaTypes: [] }, true)).toBe(false);
    expect(cameraRequestAllowed('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }, true)).toBe(false);
    expect(cameraRequestAllowed('media', { requestingUrl: 'app://tongban:8080/', mediaTypes: ['video'] }, true)).toBe(false);
    expect(cameraRequestAllowed('geolocation', { requestingUrl: page }, true)).toBe(false);
    expect(cameraRequestAllowed('display-capture', { requestingUrl: page, mediaTypes: ['video'] }, true)).toBe(false);
    expect(cameraRequestAllowed('media', { requestingUrl: page, mediaTypes: ['video'] }, false)).toBe(false);
    expect(cameraCheckAllowed('media', 'app://tongban', { mediaType: 'audio' }, true)).toBe(false);
    expect(cameraCheckAllowed('media', 'app://tongban', { mediaType: 'video' }, false)).toBe(false);
    expect(cameraCheckAllowed('notifications', 'app://tongban', {}, true)).toBe(false);
  });
});
