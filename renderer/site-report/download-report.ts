import { call } from '../api/client';
import { showApiError, showSuccess } from '../api/notify';
import { downloadText } from '../site/inventory/import/file-to-base64';

/**
 * Exports the site's signed report file and hands it to the shell as a download, the way the
 * sign-off PDF is delivered: the browser saves it to its download folder, Electron asks where.
 */
export async function downloadSiteReport(siteId: string): Promise<boolean> {
  const result = await call('siteReports.exportFile', { siteId });
  if (!result.ok) {
    showApiError(result.error, 'Report file not exported');
    return false;
  }
  downloadText(result.value.fileName, result.value.content, 'application/json');
  showSuccess(`${result.value.fileName}: ${result.value.rows} rows, ${result.value.attachments} attachments, signed by this device`, 'Report file exported');
  return true;
}
