import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../api/client';
import { showApiError, showSuccess } from '../api/notify';
import { saveExportedFile } from '../closeout/save-file';
import { useText } from '../i18n/i18n';

/** Saves a wave's printable schedule (PDF): its sites by window in site time, and its warnings. */
export function WaveScheduleButton({ waveId, waveName }: { waveId: string; waveName: string }) {
  const t = useText();
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    const result = await call('schedule.wavePdf', { waveId });
    setBusy(false);
    if (!result.ok) {
      showApiError(result.error, 'Schedule not saved');
      return;
    }
    saveExportedFile(result.value);
    showSuccess(result.value.fileName, 'Schedule saved');
  }
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      mt={6}
      leftSection={<IconPrinter size={12} />}
      loading={busy}
      onClick={() => void save()}
      aria-label={t('schedule.waveScheduleButton.scheduleOfPdf', { waveName })}
      data-testid="wave-schedule-pdf"
    >
      {t('schedule.waveScheduleButton.schedulePdf')}
    </Button>
  );
}
