import type { ApiError, ApiResult } from '../../../shared/contract';
import { IMPORT_CHUNK_MAX_CHARS, IMPORT_FILE_MAX_BYTES } from '../../../shared/contract/inventory-import-methods';
import type { SiteImportPreview } from '../../../shared/contract/site-import-methods';
import type { SiteImportField } from '../../../shared/site-import/fields';
import type { ServerUserEntry } from '../../../shared/sync/user-list-wire';
import { call } from '../../api/client';
import { bytesToBase64 } from '../../site/inventory/import/file-to-base64';

const CHUNK_BYTES = (IMPORT_CHUNK_MAX_CHARS / 4) * 3;

function fail(code: ApiError['code'], message: string): ApiResult<SiteImportPreview> {
  return { ok: false, error: { code, message } };
}

/** The server's users when this device is signed in and reaches it (technicians are matched by user name); otherwise none. */
async function serverUsers(signedIn: boolean): Promise<ServerUserEntry[] | undefined> {
  if (!signedIn) return undefined;
  const result = await call('sync.serverUsers', {});
  return result.ok ? result.value : undefined;
}

/** Sends a site list to the core (in chunks when it does not fit one call) and returns its preview. */
export async function previewSiteFile(deploymentId: string, file: File, signedIn: boolean): Promise<ApiResult<SiteImportPreview>> {
  if (file.size > IMPORT_FILE_MAX_BYTES) {
    return fail('payload_too_large', `The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${IMPORT_FILE_MAX_BYTES / 1048576} MB`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const users = await serverUsers(signedIn);
  const base = { deploymentId, fileName: file.name, ...(users ? { users } : {}) };
  if (bytes.length <= CHUNK_BYTES) return call('siteImport.preview', { ...base, dataBase64: bytesToBase64(bytes) });
  const uploadId = crypto.randomUUID();
  for (let index = 0, offset = 0; offset < bytes.length; index += 1, offset += CHUNK_BYTES) {
    const sent = await call('siteImport.upload', { uploadId, index, chunkBase64: bytesToBase64(bytes.subarray(offset, offset + CHUNK_BYTES)) });
    if (!sent.ok) return sent;
  }
  return call('siteImport.preview', { ...base, uploadId });
}

/** The same file read again with another column mapping. */
export function remapSites(deploymentId: string, preview: SiteImportPreview, mapping: SiteImportField[]): Promise<ApiResult<SiteImportPreview>> {
  return call('siteImport.preview', { deploymentId, fileName: preview.fileName, previewId: preview.previewId, mapping });
}

/** Offers a file the core sent as base64 as a download. */
export function downloadBase64(fileName: string, dataBase64: string, mediaType: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
