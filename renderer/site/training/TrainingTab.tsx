import { Button, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { showApiError, showSuccess } from '../../api/notify';
import { FALLBACK_LANGUAGE, siteLanguage } from '../../../shared/i18n/languages';
import { useApiQuery } from '../../api/useApiQuery';
import { saveExportedFile } from '../../closeout/save-file';
import { QueryError } from '../../shell/QueryError';
import { SessionCard } from './SessionCard';
import { SessionModal } from './SessionModal';

/** Training and hand-over (APQC 8.6.5.1): the site's sessions with their attendance lists, and the CSV export. */
export function TrainingTab({ siteId }: { siteId: string }) {
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
      showApiError(result.error, 'Attendance not exported');
      return;
    }
    saveExportedFile(result.value);
    showSuccess(result.value.fileName, 'Attendance exported');
  }

  if (sessions.error && !sessions.data) return <QueryError m="md" title="Training not available" error={sessions.error} onRetry={sessions.reload} />;
  if (!sessions.data) return <Loader size="sm" m="xl" />;
  const list = sessions.data;
  return (
    <ScrollArea h="100%" type="auto" data-testid="training-tab">
      <Stack gap="sm" pb="md" pr={4}>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {list.length === 0 ? 'No training session recorded yet' : `${list.length} training ${list.length === 1 ? 'session' : 'sessions'}`}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconFileSpreadsheet size={14} />} loading={exporting} disabled={list.length === 0} onClick={() => void exportCsv()} data-testid="training-export-csv">
              Export attendance (CSV)
            </Button>
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)} data-testid="training-new">
              New session
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
