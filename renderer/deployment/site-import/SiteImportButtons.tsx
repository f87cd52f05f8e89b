import { Button, Menu } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { showApiError, showSuccess } from '../../api/notify';
import { saveBase64File } from '../../closeout/save-file';
import { ImportSitesModal } from './ImportSitesModal';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

/** "Import sites" and "Export sites" (CSV or XLSX, the import's own layout) on the deployment overview; shown with the plan editors. */
export function SiteImportButtons({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const [open, setOpen] = useState(false);

  async function exportAs(format: 'csv' | 'xlsx') {
    const result = await call('siteImport.export', { deploymentId, format });
    if (!result.ok) {
      showApiError(result.error, appText('deployment.siteImport.siteImportButtons.exportFailed'));
      return;
    }
    saveBase64File(result.value.fileName, result.value.dataBase64, result.value.mediaType);
    showSuccess(
      appText('deployment.siteImport.siteImportButtons.sitesExportedTo', {
        siteCount: result.value.siteCount,
        fileName: result.value.fileName,
      }),
    );
  }

  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconUpload size={14} />} onClick={() => setOpen(true)} data-testid="import-sites">
        {t('deployment.siteImport.siteImportButtons.importSites')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} data-testid="export-sites">
            {t('deployment.siteImport.siteImportButtons.exportSites')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void exportAs('csv')} data-testid="export-sites-csv">
            {t('deployment.siteImport.siteImportButtons.csv')}
          </Menu.Item>
          <Menu.Item onClick={() => void exportAs('xlsx')} data-testid="export-sites-xlsx">
            {t('deployment.siteImport.siteImportButtons.excelWorkbookXlsx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {open && <ImportSitesModal deploymentId={deploymentId} onClose={() => setOpen(false)} />}
    </>
  );
}
