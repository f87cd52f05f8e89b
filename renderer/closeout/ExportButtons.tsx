import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../api/client';
import { showApiError, showSuccess } from '../api/notify';
import { saveExportedFile } from './save-file';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

type Format = 'pdf' | 'csv';

/** Close-out report downloads: the PDF a person files and the CSV a spreadsheet reads. */
export function ExportButtons({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const [busy, setBusy] = useState<Format | null>(null);

  async function exportAs(format: Format) {
    setBusy(format);
    const result =
      format === 'pdf' ? await call('closeout.exportPdf', { deploymentId }) : await call('closeout.exportCsv', { deploymentId });
    setBusy(null);
    if (!result.ok) {
      showApiError(result.error, appText('closeout.exportButtons.closeOutReportNot'));
      return;
    }
    saveExportedFile(result.value);
    showSuccess(result.value.fileName, appText('closeout.exportButtons.closeOutReportExported'));
  }

  return (
    <Group gap="xs">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconFileTypePdf size={14} />}
        loading={busy === 'pdf'}
        disabled={busy !== null}
        onClick={() => void exportAs('pdf')}
        data-testid="closeout-export-pdf"
      >
        {t('closeout.exportButtons.closeOutReportPdf')}
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconFileSpreadsheet size={14} />}
        loading={busy === 'csv'}
        disabled={busy !== null}
        onClick={() => void exportAs('csv')}
        data-testid="closeout-export-csv"
      >
        {t('closeout.exportButtons.closeOutReportCsv')}
      </Button>
    </Group>
  );
}
