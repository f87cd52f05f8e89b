import { ATTACHMENT_MEDIA_TYPES, MAX_ATTACHMENT_BYTES } from '../../../shared/contract/attachments-methods';

export type PhotoMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];
export type PhotoRead = { ok: true; mediaType: PhotoMediaType; dataBase64: string; size: number } | { ok: false; message: string };

function isPhotoType(type: string): type is PhotoMediaType {
  return (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(type);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Re-encodes a large photo as JPEG, smaller each round, until it fits the limit. */
async function shrink(file: File): Promise<Blob | null> {
  const bitmap = await createImageBitmap(file);
  try {
    for (const [edge, quality] of [[1600, 0.8], [1280, 0.75], [1024, 0.7], [800, 0.65], [640, 0.6]] as const) {
      const scale = Math.min(1, edge / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= MAX_ATTACHMENT_BYTES) return blob;
    }
    return null;
  } finally {
    bitmap.close();
  }
}

/** Reads a chosen photo as base64; a photo over the limit is scaled down as JPEG first. */
export async function readPhoto(file: File): Promise<PhotoRead> {
  if (!file.type.startsWith('image/')) return { ok: false, message: `${file.name} is not a photo` };
  if (isPhotoType(file.type) && file.size <= MAX_ATTACHMENT_BYTES) {
    return { ok: true, mediaType: file.type, dataBase64: toBase64(new Uint8Array(await file.arrayBuffer())), size: file.size };
  }
  const smaller = await shrink(file).catch(() => null);
  if (!smaller) return { ok: false, message: `${file.name} could not be made smaller than ${MAX_ATTACHMENT_BYTES / 1024} KiB` };
  return { ok: true, mediaType: 'image/jpeg', dataBase64: toBase64(new Uint8Array(await smaller.arrayBuffer())), size: smaller.size };
}
