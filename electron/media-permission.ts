// The only permission the renderer gets: the camera (video, never the microphone), and only for
// the app's own top-level page on app://outpost/. Everything else stays denied (main.ts).
import { APP_ORIGIN } from './app-protocol';
import { isTrustedSender } from './ipc-api';

/** The parts of Electron's permission request details the rule reads (structural, so tests need no Electron). */
export interface PermissionRequestLike {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: readonly string[];
}

/** The parts of Electron's permission check details the rule reads. */
export interface PermissionCheckLike {
  mediaType?: string;
  isMainFrame?: boolean;
}

/** getUserMedia from the app's own top frame asking for video only. */
export function allowsPermissionRequest(permission: string, details: PermissionRequestLike): boolean {
  const media = details.mediaTypes ?? [];
  return (
    permission === 'media' &&
    details.isMainFrame === true &&
    isTrustedSender(details.requestingUrl) &&
    media.length > 0 &&
    media.every((type) => type === 'video')
  );
}

/** Permission checks (camera labels in enumerateDevices, permissions.query): video for the app's own origin. */
export function allowsPermissionCheck(permission: string, requestingOrigin: string, details: PermissionCheckLike): boolean {
  if (permission !== 'media' || details.mediaType !== 'video') return false;
  return requestingOrigin === APP_ORIGIN || requestingOrigin === `${APP_ORIGIN}/`;
}
