import type { ApiResult } from '../../../shared/contract';
import type { SiteImportPreview } from '../../../shared/contract/site-import-methods';
import type { SiteImportField } from '../../../shared/site-import/fields';
import type { ServerUserEntry } from '../../../shared/sync/user-list-wire';
import { call } from '../../api/client';
import { sendImportFile } from '../../site/inventory/import/send-import-file';

/** The server's users when this device is signed in and reaches it (technicians are matched by user name); otherwise none. */
async function serverUsers(signedIn: boolean): Promise<ServerUserEntry[] | undefined> {
  if (!signedIn) return undefined;
  const result = await call('sync.serverUsers', {});
  return result.ok ? result.value : undefined;
}

/** Sends a site list to the core (in chunks when it does not fit one call) and returns its preview. */
export function previewSiteFile(deploymentId: string, file: File, signedIn: boolean): Promise<ApiResult<SiteImportPreview>> {
  return sendImportFile(file, 'siteImport.upload', async (body) => {
    const users = await serverUsers(signedIn);
    return call('siteImport.preview', { deploymentId, fileName: file.name, ...(users ? { users } : {}), ...body });
  });
}

/** The same file read again with another column mapping. */
export function remapSites(
  deploymentId: string,
  preview: SiteImportPreview,
  mapping: SiteImportField[],
): Promise<ApiResult<SiteImportPreview>> {
  return call('siteImport.preview', { deploymentId, fileName: preview.fileName, previewId: preview.previewId, mapping });
}
