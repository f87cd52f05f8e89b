import { useEffect, type Ref } from 'react';

interface Props {
  stream: MediaStream | null;
  /** The video element, for reading frames (barcodes) or taking a still (photos). */
  videoRef: Ref<HTMLVideoElement> & { current: HTMLVideoElement | null };
  label: string;
  maxWidth?: number;
  /** A line across the middle: where to hold a barcode (the reader looks for 1D codes around it). */
  aimLine?: boolean;
}

/** The live picture of a camera stream (muted, inline, never controls). */
export function CameraPreview({ stream, videoRef, label, maxWidth = 420, aimLine = false }: Props) {
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) video.play().catch(() => undefined); // autoplay of a muted stream; a refusal only delays the first frame
  }, [stream, videoRef]);

  return (
    <div style={{ position: 'relative', width: '100%', maxWidth }}>
      <video
        ref={videoRef}
        muted
        playsInline
        autoPlay
        aria-label={label}
        data-testid="camera-preview"
        style={{ width: '100%', aspectRatio: '16 / 9', background: 'black', borderRadius: 4, objectFit: 'contain', display: 'block' }}
      />
      {aimLine && (
        <div
          aria-hidden
          style={{
            position: 'absolute',
            left: '8%',
            right: '8%',
            top: '50%',
            height: 2,
            background: 'var(--mantine-color-red-filled)',
            opacity: 0.7,
            pointerEvents: 'none',
          }}
        />
      )}
    </div>
  );
}
