import type { ApiResult } from '../../shared/contract';
import { IMPORT_CHUNK_MAX_CHARS, IMPORT_FILE_MAX_BYTES } from '../../shared/contract/inventory-import-methods';
import type { ReportFilePreview } from '../../shared/contract/site-report-methods';
import { call } from '../api/client';
import { bytesToBase64 } from '../site/inventory/import/file-to-base64';
import { appText } from '../i18n/app-text';

const CHUNK_BYTES = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;

/** Sends a site report file to the core (in chunks through the inventory import's upload when it does not fit one call) and returns the preview. */
export async function previewReportFile(file: File): Promise<ApiResult<ReportFilePreview>> {
  if (file.size > IMPORT_FILE_MAX_BYTES) {
    return {
      ok: false,
      error: {
        code: 'payload_too_large',
        message: appText('siteReport.sendReportFile.theFileIsMb', {
          size: (file.size / 1048576).toFixed(1),
          limit: IMPORT_FILE_MAX_BYTES / 1048576,
        }),
      },
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length <= CHUNK_BYTES) return call('siteReports.previewFile', { fileName: file.name, dataBase64: bytesToBase64(bytes) });
  const uploadId = crypto.randomUUID();
  for (let index = 0, offset = 0; offset < bytes.length; index += 1, offset += CHUNK_BYTES) {
    const sent = await call('inventoryImport.upload', {
      uploadId,
      index,
      chunkBase64: bytesToBase64(bytes.subarray(offset, offset + CHUNK_BYTES)),
    });
    if (!sent.ok) return sent;
  }
  return call('siteReports.previewFile', { fileName: file.name, uploadId });
}
