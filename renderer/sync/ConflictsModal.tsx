import { Alert, Button, Code, Loader, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { SyncConflict } from '../../shared/contract/sync-methods';
import { useState } from 'react';
import { runCommand } from '../api/command';
import { errorText } from '../api/notify';
import { useApiQuery } from '../api/useApiQuery';
import { formatDateTime } from '../format/time';
import { changeSummary, entityLabel } from './conflict-labels';
import { QuarantineList } from './QuarantineList';
import { useSync } from './sync-store';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

const KIND_LABELS = {
  get insert() {
    return appText('sync.conflictsModal.added');
  },
  get update() {
    return appText('sync.conflictsModal.changed2');
  },
  get delete() {
    return appText('sync.conflictsModal.removed');
  },
} as const;

/** The changes the server refused, with its reason; "Dismiss" once read. */
export function ConflictsModal() {
  const t = useText();
  const opened = useSync((s) => s.dialog === 'conflicts');
  const openDialog = useSync((s) => s.openDialog);
  return (
    <Modal opened={opened} onClose={() => openDialog(null)} title={t('sync.conflictsModal.conflicts')} size="xl">
      {opened && (
        <Stack gap="lg">
          <ConflictList />
          <QuarantineList />
        </Stack>
      )}
    </Modal>
  );
}

function ConflictList() {
  const t = useText();
  const conflicts = useApiQuery('sync.conflicts', {}, []);
  const [dismissing, setDismissing] = useState<string | null>(null);

  async function dismiss(opId: string) {
    setDismissing(opId);
    const done = await runCommand('sync.dismissConflict', { opId });
    setDismissing(null);
    if (done) {
      conflicts.reload();
      useSync.getState().requestPoll();
    }
  }

  if (conflicts.error)
    return (
      <Alert color="red" role="alert">
        {errorText(conflicts.error)}
      </Alert>
    );
  if (!conflicts.data) return <Loader size="sm" aria-label={t('sync.conflictsModal.loadingConflicts')} />;
  if (conflicts.data.length === 0) {
    return (
      <Text size="sm" data-testid="conflicts-empty">
        {t('sync.conflictsModal.noRefusedChangesEverything')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Title order={5}>{t('sync.conflictsModal.changesTheServerRefused')}</Title>
      <RefusedTable conflicts={conflicts.data} dismissing={dismissing} dismiss={dismiss} />
    </Stack>
  );
}

function RefusedTable({
  conflicts,
  dismissing,
  dismiss,
}: {
  conflicts: SyncConflict[];
  dismissing: string | null;
  dismiss: (opId: string) => Promise<void>;
}) {
  const t = useText();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('sync.conflictsModal.theseChangesStayOn')}
      </Text>
      <ScrollArea.Autosize mah={420}>
        <Table striped verticalSpacing={6} aria-label={t('sync.conflictsModal.refusedChanges')} data-testid="conflicts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.conflictsModal.record')}</Table.Th>
              <Table.Th>{t('sync.conflictsModal.what')}</Table.Th>
              <Table.Th>{t('sync.conflictsModal.reason')}</Table.Th>
              <Table.Th>{t('sync.conflictsModal.when')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflicts.map((c) => (
              <Table.Tr key={c.opId} data-testid="conflict-row">
                <Table.Td>
                  <Text size="sm">{entityLabel(c.entity)}</Text>
                  <Code fz="xs" title={c.rowId} style={{ whiteSpace: 'nowrap' }}>
                    {c.rowId.length > 14 ? `…${c.rowId.slice(-12)}` : c.rowId}
                  </Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{KIND_LABELS[c.kind]}</Text>
                  <Text size="xs" c="dimmed" data-testid="conflict-change">
                    {changeSummary(c)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.reason}</Text>
                  <Text size="xs" c="dimmed">
                    {c.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{t('sync.conflictsModal.changed', { createdAt: formatDateTime(c.createdAt) })}</Text>
                  <Text size="xs" c="dimmed">
                    {t('sync.conflictsModal.refused', { rejectedAt: formatDateTime(c.rejectedAt) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="default"
                    loading={dismissing === c.opId}
                    onClick={() => void dismiss(c.opId)}
                    aria-label={t('sync.conflictsModal.dismissTheRefusedChange', { entity: entityLabel(c.entity).toLowerCase() })}
                  >
                    {t('sync.conflictsModal.dismiss')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
