import { useEffect, type Ref } from 'react';

interface Props {
  stream: MediaStream | null;
  /** The video element, for reading frames (barcodes) or taking a still (photos). */
  videoRef: Ref<HTMLVideoElement> & { current: HTMLVideoElement | null };
  label: string;
  maxWidth?: number;
}

/** The live picture of a camera stream (muted, inline, never controls). */
export function CameraPreview({ stream, videoRef, label, maxWidth = 420 }: Props) {
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) video.play().catch(() => undefined); // autoplay of a muted stream; a refusal only delays the first frame
  }, [stream, videoRef]);

  return (
    <video
      ref={videoRef}
      muted
      playsInline
      autoPlay
      aria-label={label}
      data-testid="camera-preview"
      style={{ width: '100%', maxWidth, aspectRatio: '16 / 9', background: 'black', borderRadius: 4, objectFit: 'contain', display: 'block' }}
    />
  );
}
