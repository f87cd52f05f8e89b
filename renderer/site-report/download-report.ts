import { call } from '../api/client';
import { notifications } from '@mantine/notifications';
import { showApiError } from '../api/notify';
import { downloadText } from '../site/inventory/import/file-to-base64';
import { appText } from '../i18n/app-text';

/**
 * Exports the site's signed report file and hands it to the shell as a download, the way the
 * sign-off PDF is delivered: the browser saves it to its download folder, Electron asks where.
 */
export async function downloadSiteReport(siteId: string): Promise<boolean> {
  const result = await call('siteReports.exportFile', { siteId });
  if (!result.ok) {
    showApiError(result.error, appText('siteReport.downloadReport.reportFileNotExported'));
    return false;
  }
  downloadText(result.value.fileName, result.value.content, 'application/json');
  const { fileName, rows, attachments, keyFingerprint } = result.value;
  // Stays open: whoever imports the file where this device's key is not registered asks for this fingerprint.
  notifications.show({
    color: 'teal',
    title: appText('siteReport.downloadReport.reportFileExported'),
    message: appText('siteReport.downloadReport.rowsAttachmentsSignedWith', { fileName, rows, attachments, keyFingerprint }),
    autoClose: false,
    withCloseButton: true,
  });
  return true;
}
