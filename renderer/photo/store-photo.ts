import type { Attachment } from '../../shared/contract/attachments-methods';
import { runCommand } from '../api/command';
import { showApiError } from '../api/notify';
import type { PhotoRead } from './photo-types';
import { appText } from '../i18n/app-text';

/** Stores a prepared photo (attachments.put: the core strips metadata, hashes and commits it), or says why not. */
export async function storePhoto(read: PhotoRead, errorTitle = appText('photo.storePhoto.photoNotStored')): Promise<Attachment | null> {
  if (!read.ok) {
    showApiError({ code: 'validation', message: read.message }, errorTitle);
    return null;
  }
  return runCommand('attachments.put', { mediaType: read.mediaType, dataBase64: read.dataBase64 }, { errorTitle });
}
