import { useCallback, useEffect, useState } from 'react';
import { rememberCameraId, rememberedCameraId } from './camera-choice';
import { cameraFailure, cameraFailureFrom, type CameraFailure } from './camera-failure';
import { setTorch, torchSupported } from './torch';
import { appText } from '../i18n/app-text';

export type CameraStatus = 'idle' | 'starting' | 'live' | 'failed';

export interface CameraDevice {
  deviceId: string;
  label: string;
}

export interface CameraStreamOptions {
  /** Open the camera while true; every track is stopped as soon as it turns false or the component unmounts. */
  active: boolean;
  /** Asked for, not required: the camera gives what it has. */
  idealWidth?: number;
  idealHeight?: number;
}

export interface CameraStream {
  status: CameraStatus;
  stream: MediaStream | null;
  failure: CameraFailure | null;
  /** The video inputs this machine has (labels only once permission was given). */
  cameras: CameraDevice[];
  /** The camera in use, or the one being opened. */
  deviceId: string | null;
  /** Switches to that camera and remembers it for next time. */
  selectCamera: (deviceId: string) => void;
  torch: { supported: boolean; on: boolean; toggle: () => void };
  /** Tries again after a failure (e.g. once the user allowed the camera). */
  retry: () => void;
}

function stopAll(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

function isMissingDevice(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'OverconstrainedError' || name === 'NotFoundError';
}

async function listCameras(): Promise<CameraDevice[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput' && d.deviceId !== '')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || appText('camera.useCameraStream.camera', { number: i + 1 }) }));
}

/**
 * The camera as a MediaStream, for scanning barcodes or taking photos. Opens the remembered
 * camera (else the back-facing or default one), lists the others, offers the torch where the
 * camera has one, and turns every failure into a message (permission denied, no camera, in use).
 * Video only: Outpost never asks for the microphone.
 */
export function useCameraStream({ active, idealWidth = 1280, idealHeight = 720 }: CameraStreamOptions): CameraStream {
  const [requested, setRequested] = useState<string | null>(rememberedCameraId);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<CameraStatus>('idle');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [failure, setFailure] = useState<CameraFailure | null>(null);
  const [cameras, setCameras] = useState<CameraDevice[]>([]);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [torchOn, setTorchOn] = useState(false);

  useEffect(() => {
    setStream(null);
    setTorchOn(false);
    if (!active) {
      setStatus('idle');
      setFailure(null);
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      setStatus('failed');
      setFailure(cameraFailure('unsupported'));
      return;
    }
    let cancelled = false;
    let opened: MediaStream | null = null;
    const open = (id: string | null) =>
      navigator.mediaDevices.getUserMedia({
        audio: false,
        video: {
          width: { ideal: idealWidth },
          height: { ideal: idealHeight },
          ...(id ? { deviceId: { exact: id } } : { facingMode: { ideal: 'environment' } }),
        },
      });
    setStatus('starting');
    setFailure(null);
    setDeviceId(requested);
    open(requested)
      .catch((error: unknown) => {
        if (!requested || !isMissingDevice(error)) throw error;
        rememberCameraId(null); // the remembered camera is gone: fall back to the default one
        return open(null);
      })
      .then(async (media) => {
        if (cancelled) return stopAll(media);
        opened = media;
        const track = media.getVideoTracks()[0] ?? null;
        track?.addEventListener('ended', () => {
          if (cancelled) return;
          setStatus('failed');
          setFailure(cameraFailure('ended'));
        });
        setStream(media);
        setStatus('live');
        setDeviceId(track?.getSettings().deviceId ?? requested);
        setCameras(await listCameras().catch(() => []));
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setStatus('failed');
        setFailure(cameraFailureFrom(error));
      });
    return () => {
      cancelled = true;
      stopAll(opened);
    };
  }, [active, requested, attempt, idealWidth, idealHeight]);

  // Cameras plugged in or out while open.
  useEffect(() => {
    if (status !== 'live') return;
    const refresh = () => void listCameras().then(setCameras, () => undefined);
    navigator.mediaDevices.addEventListener('devicechange', refresh);
    return () => navigator.mediaDevices.removeEventListener('devicechange', refresh);
  }, [status]);

  const selectCamera = useCallback((id: string) => {
    rememberCameraId(id);
    setRequested(id);
    setAttempt((n) => n + 1); // reopen even when it is the remembered one (e.g. after a failure)
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const track = stream?.getVideoTracks()[0] ?? null;
  const toggleTorch = useCallback(() => {
    if (!track) return;
    const next = !torchOn;
    void setTorch(track, next).then((ok) => ok && setTorchOn(next));
  }, [track, torchOn]);

  return {
    status,
    stream,
    failure,
    cameras,
    deviceId,
    selectCamera,
    torch: { supported: torchSupported(track), on: torchOn, toggle: toggleTorch },
    retry,
  };
}
