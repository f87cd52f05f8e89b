import type { ApiResult } from '../../../../shared/contract';
import type { ImportPreview } from '../../../../shared/contract/inventory-import-methods';
import type { ImportField } from '../../../../shared/inventory-import/fields';
import { call } from '../../../api/client';
import { sendImportFile } from './send-import-file';

const POLL_MS = 250;

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
export function previewFile(deploymentId: string, siteId: string, file: File): Promise<ApiResult<ImportPreview>> {
  return sendImportFile(file, 'inventoryImport.upload', async (body) =>
    untilRead(await call('inventoryImport.preview', { deploymentId, siteId, fileName: file.name, ...body })),
  );
}

/** The same file read again with another column mapping. */
export async function remap(
  deploymentId: string,
  siteId: string,
  preview: ImportPreview,
  mapping: ImportField[],
): Promise<ApiResult<ImportPreview>> {
  return call('inventoryImport.preview', { deploymentId, siteId, fileName: preview.fileName, previewId: preview.previewId, mapping });
}
