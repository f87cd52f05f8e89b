/** Why the camera could not be used, in words a technician can act on. */
export type CameraFailureKind = 'denied' | 'not_found' | 'in_use' | 'unsupported' | 'ended' | 'failed';

export interface CameraFailure {
  kind: CameraFailureKind;
  message: string;
}

const MESSAGES: Record<CameraFailureKind, string> = {
  denied:
    'Camera access was denied. Allow the camera for Outpost (browser site settings, or the system privacy settings), then try again. The scan field still works with a barcode scanner or typing.',
  not_found: 'No camera found. Connect one, or use the scan field with a barcode scanner or typing.',
  in_use: 'The camera could not be started: another application may be using it. Close it and try again.',
  unsupported: 'This window cannot use a camera (no camera support here). Use the scan field with a barcode scanner or typing.',
  ended: 'The camera stopped (unplugged or taken by another application). Try again, or pick another camera.',
  failed: 'The camera could not be started.',
};

export function cameraFailure(kind: CameraFailureKind, detail?: string): CameraFailure {
  return { kind, message: detail && kind === 'failed' ? `${MESSAGES.failed} ${detail}` : MESSAGES[kind] };
}

/** Maps a getUserMedia rejection (a DOMException by name) to a failure. */
export function cameraFailureFrom(error: unknown): CameraFailure {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return cameraFailure('denied');
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return cameraFailure('not_found');
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return cameraFailure('in_use');
    default:
      return cameraFailure('failed', error instanceof Error ? error.message : undefined);
  }
}
