import type { ApiInput, ApiResult } from '../../../shared/contract';
import type { TargetImportPreview } from '../../../shared/contract/target-import-methods';
import { call } from '../../api/client';
import { sendImportFile } from '../../site/inventory/import/send-import-file';

type Choices = Omit<ApiInput<'targetImport.preview'>, 'deploymentId' | 'fileName' | 'dataBase64' | 'uploadId' | 'previewId'>;

/** Sends an inventory file to the core (in chunks when it does not fit one call) and returns its preview. */
export function previewTargetFile(deploymentId: string, file: File): Promise<ApiResult<TargetImportPreview>> {
  return sendImportFile(file, 'targetImport.upload', (body) =>
    call('targetImport.preview', { deploymentId, fileName: file.name, ...body }),
  );
}

/** The same preview again with other choices (format, column mapping, sites for unplaced hosts). */
export function rePreview(deploymentId: string, preview: TargetImportPreview, choices: Choices): Promise<ApiResult<TargetImportPreview>> {
  return call('targetImport.preview', { deploymentId, fileName: preview.fileName, previewId: preview.previewId, ...choices });
}
