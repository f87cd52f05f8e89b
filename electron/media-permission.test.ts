import { describe, expect, it } from 'vitest';
import { allowsPermissionCheck, allowsPermissionRequest } from './media-permission';

const page = 'app://outpost/index.html#/d/1';

describe('camera permission for the renderer', () => {
  it('allows video to the app page itself', () => {
    expect(allowsPermissionRequest('media', { requestingUrl: page, isMainFrame: true, mediaTypes: ['video'] })).toBe(true);
    expect(allowsPermissionCheck('media', 'app://outpost', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(allowsPermissionCheck('media', 'app://outpost/', { mediaType: 'video', isMainFrame: true })).toBe(true);
  });

  it('refuses the microphone, alone or with the camera, and a request naming no media type', () => {
    expect(allowsPermissionRequest('media', { requestingUrl: page, isMainFrame: true, mediaTypes: ['audio'] })).toBe(false);
    expect(allowsPermissionRequest('media', { requestingUrl: page, isMainFrame: true, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(allowsPermissionRequest('media', { requestingUrl: page, isMainFrame: true, mediaTypes: [] })).toBe(false);
    expect(allowsPermissionRequest('media', { requestingUrl: page, isMainFrame: true })).toBe(false);
    expect(allowsPermissionCheck('media', 'app://outpost', { mediaType: 'audio', isMainFrame: true })).toBe(false);
    expect(allowsPermissionCheck('media', 'app://outpost', { mediaType: 'unknown', isMainFrame: true })).toBe(false);
  });

  it('refuses any other origin, a look-alike host and a subframe', () => {
    for (const url of [
      'https://example.com/',
      'file:///tmp/x.html',
      'app://outpost.evil/',
      'app://evil/',
      'http://127.0.0.1:4780/',
      'app://user@outpost/',
    ]) {
      expect(allowsPermissionRequest('media', { requestingUrl: url, isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
    }
    expect(allowsPermissionRequest('media', { requestingUrl: page, isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
    for (const origin of ['https://example.com', 'app://outpost.evil', 'file://', 'null', '']) {
      expect(allowsPermissionCheck('media', origin, { mediaType: 'video', isMainFrame: true })).toBe(false);
    }
  });

  it('refuses every other permission, also to the app page', () => {
    for (const permission of [
      'notifications',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'openExternal',
      'fullscreen',
      'pointerLock',
      'midi',
      'midiSysex',
      'fileSystem',
      'unknown',
    ]) {
      expect(allowsPermissionRequest(permission, { requestingUrl: page, isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
      expect(allowsPermissionCheck(permission, 'app://outpost', { mediaType: 'video', isMainFrame: true })).toBe(false);
    }
  });
});
