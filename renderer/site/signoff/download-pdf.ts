import { call } from '../../api/client';
import { showApiError } from '../../api/notify';
import { appText } from '../../i18n/app-text';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fetches a sheet's PDF (waiting while the core renders it) and hands it to the browser as a download. */
export async function downloadSheetPdf(sheetId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const result = await call('signoff.exportPdf', { sheetId });
    if (!result.ok) {
      showApiError(result.error, appText('site.signoff.downloadPdf.notAvailable'));
      return false;
    }
    if (result.value.status === 'ready') {
      const bytes = Uint8Array.from(atob(result.value.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = result.value.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    }
    await wait(200);
  }
  showApiError(
    { code: 'internal', message: appText('site.signoff.downloadPdf.tooLong') },
    appText('site.signoff.downloadPdf.notAvailable'),
  );
  return false;
}
