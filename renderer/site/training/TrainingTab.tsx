import { Button, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { showApiError, showSuccess } from '../../api/notify';
import { FALLBACK_LANGUAGE, siteLanguage } from '../../../shared/i18n/languages';
import { useApiQuery } from '../../api/useApiQuery';
import { useText } from '../../i18n/i18n';
import { saveExportedFile } from '../../closeout/save-file';
import { QueryError } from '../../shell/QueryError';
import { SessionCard } from './SessionCard';
import { SessionModal } from './SessionModal';

/** Training and hand-over (APQC 8.6.5.1): the site's sessions with their attendance lists, and the CSV export. */
export function TrainingTab({ siteId }: { siteId: string }) {
  const t = useText();
  const sessions = useApiQuery('training.list', { siteId }, ['training', 'sites']);
  // Attendees sign in the site owner's language (the attendance goes on the site's sheet).
  const site = useApiQuery('sites.get', { siteId }, ['sites']);
  const language = site.data ? siteLanguage(site.data) : FALLBACK_LANGUAGE;
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  async function exportCsv() {
    setExporting(true);
    const result = await call('training.exportAttendanceCsv', { siteId });
    setExporting(false);
    if (!result.ok) {
      showApiError(result.error, t('site.training.trainingTab.notExported'));
      return;
    }
    saveExportedFile(result.value);
    showSuccess(result.value.fileName, t('site.training.trainingTab.exported'));
  }

  if (sessions.error && !sessions.data)
    return <QueryError m="md" title={t('site.training.trainingTab.notAvailable')} error={sessions.error} onRetry={sessions.reload} />;
  if (!sessions.data) return <Loader size="sm" m="xl" />;
  const list = sessions.data;
  return (
    <ScrollArea h="100%" type="auto" data-testid="training-tab">
      <Stack gap="sm" pb="md" pr={4}>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {list.length === 0 ? t('site.training.trainingTab.none') : t('site.training.trainingTab.sessions', { count: list.length })}
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileSpreadsheet size={14} />}
              loading={exporting}
              disabled={list.length === 0}
              onClick={() => void exportCsv()}
              data-testid="training-export-csv"
            >
              {t('site.training.trainingTab.exportCsv')}
            </Button>
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)} data-testid="training-new">
              {t('site.training.trainingTab.newSession')}
            </Button>
          </Group>
        </Group>
        {list.map((s) => (
          <SessionCard key={s.id} session={s} language={language} />
        ))}
      </Stack>
      <SessionModal siteId={siteId} opened={creating} onClose={() => setCreating(false)} />
    </ScrollArea>
  );
}
