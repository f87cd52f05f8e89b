import { ATTACHMENT_MEDIA_TYPES, MAX_ATTACHMENT_BYTES } from '../../shared/contract/attachments-methods';
import { readJpegOrientation } from '../../shared/photo/image-metadata';
import { PHOTO_MAX_EDGE } from '../../shared/photo/photo-rules';
import { encodePhoto } from './encode-photo';
import { toBase64, type PhotoMediaType, type PhotoRead } from './photo-types';
import { appText } from '../i18n/app-text';

const isPhotoType = (type: string): type is PhotoMediaType => (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(type);

/**
 * An attached image file, made fit to keep the same way as a camera photo. A file that is already
 * small enough, at most PHOTO_MAX_EDGE px and upright is sent as it is (no second JPEG loss; the
 * core strips its metadata losslessly). Any other is drawn again upright (EXIF orientation
 * honoured by createImageBitmap) and saved as JPEG by encodePhoto.
 */
export async function preparePhotoFile(file: File): Promise<PhotoRead> {
  if (!file.type.startsWith('image/')) return { ok: false, message: appText('photo.preparePhoto.isNotAPhoto', { name: file.name }) };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, message: appText('photo.preparePhoto.couldNotBeRead', { name: file.name }) };
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const upright = file.type !== 'image/jpeg' || readJpegOrientation(bytes) === 1;
    const { width, height } = bitmap;
    if (isPhotoType(file.type) && file.size <= MAX_ATTACHMENT_BYTES && Math.max(width, height) <= PHOTO_MAX_EDGE && upright) {
      return { ok: true, mediaType: file.type, dataBase64: toBase64(bytes), size: file.size, width, height };
    }
    const encoded = await encodePhoto(bitmap, width, height);
    return encoded.ok ? encoded : { ok: false, message: `${file.name}: ${encoded.message}` };
  } finally {
    bitmap.close();
  }
}
