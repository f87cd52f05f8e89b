import type { ApiError, ApiResult } from '../../../../shared/contract';
import { IMPORT_CHUNK_MAX_CHARS, IMPORT_FILE_MAX_BYTES, type ImportPreview } from '../../../../shared/contract/inventory-import-methods';
import type { ImportField } from '../../../../shared/inventory-import/fields';
import { call } from '../../../api/client';
import { bytesToBase64 } from './file-to-base64';

const CHUNK_BYTES = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;
const POLL_MS = 250;

function fail(code: ApiError['code'], message: string): ApiResult<ImportPreview> {
  return { ok: false, error: { code, message } };
}

/** Waits while the core reads a workbook in the background. */
async function untilRead(first: ApiResult<ImportPreview>): Promise<ApiResult<ImportPreview>> {
  let result = first;
  while (result.ok && result.value.status === 'parsing') {
    await new Promise((r) => setTimeout(r, POLL_MS));
    result = await call('inventoryImport.getPreview', { previewId: result.value.previewId });
  }
  return result;
}

/** Sends a file to the core (in chunks when it does not fit one call) and returns its preview. */
export async function previewFile(deploymentId: string, siteId: string, file: File): Promise<ApiResult<ImportPreview>> {
  if (file.size > IMPORT_FILE_MAX_BYTES) {
    return fail('payload_too_large', `The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${IMPORT_FILE_MAX_BYTES / 1048576} MB`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length <= CHUNK_BYTES) {
    return untilRead(await call('inventoryImport.preview', { deploymentId, siteId, fileName: file.name, dataBase64: bytesToBase64(bytes) }));
  }
  const uploadId = crypto.randomUUID();
  for (let index = 0, offset = 0; offset < bytes.length; index += 1, offset += CHUNK_BYTES) {
    const sent = await call('inventoryImport.upload', { uploadId, index, chunkBase64: bytesToBase64(bytes.subarray(offset, offset + CHUNK_BYTES)) });
    if (!sent.ok) return sent;
  }
  return untilRead(await call('inventoryImport.preview', { deploymentId, siteId, fileName: file.name, uploadId }));
}

/** The same file read again with another column mapping. */
export async function remap(deploymentId: string, siteId: string, preview: ImportPreview, mapping: ImportField[]): Promise<ApiResult<ImportPreview>> {
  return call('inventoryImport.preview', { deploymentId, siteId, fileName: preview.fileName, previewId: preview.previewId, mapping });
}
