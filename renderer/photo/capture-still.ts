import { encodePhoto } from './encode-photo';
import type { PhotoRead } from './photo-types';
import { appText } from '../i18n/app-text';

/** The camera's current frame as a photo (the frame is frozen first, so every size step draws the same picture). */
export async function captureStill(video: HTMLVideoElement): Promise<PhotoRead> {
  if (video.videoWidth === 0 || video.videoHeight === 0) return { ok: false, message: appText('photo.captureStill.theCameraShowsNo') };
  const frame = await createImageBitmap(video);
  try {
    return await encodePhoto(frame, frame.width, frame.height);
  } finally {
    frame.close();
  }
}
