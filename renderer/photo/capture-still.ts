import { encodePhoto } from './encode-photo';
import type { PhotoRead } from './photo-types';
import { appText } from '../i18n/app-text';

/** How long Capture waits for a camera that is live but has not drawn its first frame yet. */
const FIRST_FRAME_WAIT_MS = 3000;

/** The camera's current frame as a photo (the frame is frozen first, so every size step draws the same picture). */
export async function captureStill(video: HTMLVideoElement): Promise<PhotoRead> {
  await firstFrame(video, FIRST_FRAME_WAIT_MS);
  if (video.videoWidth === 0 || video.videoHeight === 0) return { ok: false, message: appText('photo.captureStill.theCameraShowsNo') };
  const frame = await createImageBitmap(video);
  try {
    return await encodePhoto(frame, frame.width, frame.height);
  } finally {
    frame.close();
  }
}

/**
 * A stream is live before its video element has a frame (its size is 0 × 0 until then): Capture
 * pressed at once waits for that frame instead of refusing.
 */
function firstFrame(video: HTMLVideoElement, ms: number): Promise<void> {
  const HAVE_CURRENT_DATA = 2;
  if (video.videoWidth > 0 && video.readyState >= HAVE_CURRENT_DATA) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      video.removeEventListener('loadeddata', done);
      video.removeEventListener('resize', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    video.addEventListener('loadeddata', done);
    video.addEventListener('resize', done);
  });
}
