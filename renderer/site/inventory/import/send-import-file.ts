import type { ApiResult } from '../../../../shared/contract';
import { IMPORT_CHUNK_MAX_CHARS, IMPORT_FILE_MAX_BYTES } from '../../../../shared/contract/inventory-import-methods';
import { call } from '../../../api/client';
import { bytesToBase64 } from './file-to-base64';
import { appText } from '../../../i18n/app-text';

const CHUNK_BYTES = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;

/** How the file reaches the preview call: inline when it fits one call, else by an upload's id. */
export type ImportFileBody = { dataBase64: string } | { uploadId: string };

type UploadMethod = 'inventoryImport.upload' | 'siteImport.upload' | 'targetImport.upload';

/**
 * Sends a file for an import's preview: refused over the size limit, inline when it fits one call,
 * otherwise in chunks through the import's upload method first. One way for the inventory, site and
 * target imports.
 */
export async function sendImportFile<T>(
  file: File,
  upload: UploadMethod,
  preview: (body: ImportFileBody) => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  if (file.size > IMPORT_FILE_MAX_BYTES) {
    return {
      ok: false,
      error: {
        code: 'payload_too_large',
        get message() {
          return appText('site.inventory.import.sendImportFile.theFileIsMb', {
            size: (file.size / 1048576).toFixed(1),
            limit: IMPORT_FILE_MAX_BYTES / 1048576,
          });
        },
      },
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length <= CHUNK_BYTES) return preview({ dataBase64: bytesToBase64(bytes) });
  const uploadId = crypto.randomUUID();
  for (let index = 0, offset = 0; offset < bytes.length; index += 1, offset += CHUNK_BYTES) {
    const sent = await call(upload, { uploadId, index, chunkBase64: bytesToBase64(bytes.subarray(offset, offset + CHUNK_BYTES)) });
    if (!sent.ok) return sent;
  }
  return preview({ uploadId });
}
