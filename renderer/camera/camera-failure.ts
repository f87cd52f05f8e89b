import { appText } from '../i18n/app-text';
/** Why the camera could not be used, in words a technician can act on. */
export type CameraFailureKind = 'denied' | 'not_found' | 'in_use' | 'unsupported' | 'ended' | 'failed';

export interface CameraFailure {
  kind: CameraFailureKind;
  message: string;
}

const MESSAGES: Record<CameraFailureKind, string> = {
  get denied() {
    return appText('camera.cameraFailure.cameraAccessWasDenied');
  },
  get not_found() {
    return appText('camera.cameraFailure.noCameraFoundConnect');
  },
  get in_use() {
    return appText('camera.cameraFailure.theCameraCouldNot');
  },
  get unsupported() {
    return appText('camera.cameraFailure.thisWindowCannotUse');
  },
  get ended() {
    return appText('camera.cameraFailure.theCameraStoppedUnplugged');
  },
  get failed() {
    return appText('camera.cameraFailure.theCameraCouldNot2');
  },
};

export function cameraFailure(kind: CameraFailureKind, detail?: string): CameraFailure {
  return { kind, message: detail && kind === 'failed' ? appText('camera.cameraFailure.failedDetail', { detail }) : MESSAGES[kind] };
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
