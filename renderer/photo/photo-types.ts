import type { ATTACHMENT_MEDIA_TYPES } from '../../shared/contract/attachments-methods';

export type PhotoMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** A photo ready for attachments.put: its bytes as base64, with what the technician is shown. */
export interface PreparedPhoto {
  mediaType: PhotoMediaType;
  dataBase64: string;
  size: number;
  width: number;
  height: number;
}

export type PhotoRead = ({ ok: true } & PreparedPhoto) | { ok: false; message: string };

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
