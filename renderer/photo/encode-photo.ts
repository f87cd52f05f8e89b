import { MAX_ATTACHMENT_BYTES } from '../../shared/contract/attachments-methods';
import { PHOTO_ENCODE_STEPS, scaledSize } from '../../shared/photo/photo-rules';
import { toBase64, type PhotoRead } from './photo-types';
import { appText } from '../i18n/app-text';

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/**
 * Draws an upright picture again as JPEG, at most PHOTO_MAX_EDGE on its longest side, smaller at
 * each step (shared/photo/photo-rules.ts) until it fits the attachment limit. A canvas writes no
 * metadata, so what comes out carries neither position nor camera details. Transparent parts
 * (a PNG) turn white, not black.
 */
export async function encodePhoto(source: CanvasImageSource, width: number, height: number): Promise<PhotoRead> {
  for (const [edge, quality] of PHOTO_ENCODE_STEPS) {
    const size = scaledSize(width, height, edge);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const g = canvas.getContext('2d');
    if (!g) return { ok: false, message: appText('photo.encodePhoto.thisWindowCannotDraw') };
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, size.width, size.height);
    g.imageSmoothingQuality = 'high';
    g.drawImage(source, 0, 0, size.width, size.height);
    const blob = await toJpeg(canvas, quality);
    if (blob && blob.size <= MAX_ATTACHMENT_BYTES) {
      return {
        ok: true,
        mediaType: 'image/jpeg',
        dataBase64: toBase64(new Uint8Array(await blob.arrayBuffer())),
        size: blob.size,
        ...size,
      };
    }
  }
  return { ok: false, message: appText('photo.encodePhoto.thePhotoCouldNot', { limit: MAX_ATTACHMENT_BYTES / 1024 }) };
}
