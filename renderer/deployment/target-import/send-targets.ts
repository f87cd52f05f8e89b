import type { ApiInput, ApiResult } from '../../../shared/contract';
import { IMPORT_CHUNK_MAX_CHARS, IMPORT_FILE_MAX_BYTES } from '../../../shared/contract/inventory-import-methods';
import type { TargetImportPreview } from '../../../shared/contract/target-import-methods';
import { call } from '../../api/client';
import { bytesToBase64 } from '../../site/inventory/import/file-to-base64';

const CHUNK_BYTES = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;

type Choices = Omit<ApiInput<'targetImport.preview'>, 'deploymentId' | 'fileName' | 'dataBase64' | 'uploadId' | 'previewId'>;

/** Sends an inventory file to the core (in chunks when it does not fit one call) and returns its preview. */
export async function previewTargetFile(deploymentId: string, file: File): Promise<ApiResult<TargetImportPreview>> {
  if (file.size > IMPORT_FILE_MAX_BYTES) {
    return { ok: false, error: { code: 'payload_too_large', message: `The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${IMPORT_FILE_MAX_BYTES / 1048576} MB` } };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length <= CHUNK_BYTES) return call('targetImport.preview', { deploymentId, fileName: file.name, dataBase64: bytesToBase64(bytes) });
  const uploadId = crypto.randomUUID();
  for (let index = 0, offset = 0; offset < bytes.length; index += 1, offset += CHUNK_BYTES) {
    const sent = await call('targetImport.upload', { uploadId, index, chunkBase64: bytesToBase64(bytes.subarray(offset, offset + CHUNK_BYTES)) });
    if (!sent.ok) return sent;
  }
  return call('targetImport.preview', { deploymentId, fileName: file.name, uploadId });
}

/** The same preview again with other choices (format, column mapping, sites for unplaced hosts). */
export function rePreview(deploymentId: string, preview: TargetImportPreview, choices: Choices): Promise<ApiResult<TargetImportPreview>> {
  return call('targetImport.preview', { deploymentId, fileName: preview.fileName, previewId: preview.previewId, ...choices });
}
