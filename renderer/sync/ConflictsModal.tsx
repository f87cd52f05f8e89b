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

const KIND_LABELS = { insert: 'Added', update: 'Changed', delete: 'Removed' } as const;

/** The changes the server refused, with its reason; "Dismiss" once read. */
export function ConflictsModal() {
  const opened = useSync((s) => s.dialog === 'conflicts');
  const openDialog = useSync((s) => s.openDialog);
  return (
    <Modal opened={opened} onClose={() => openDialog(null)} title="Conflicts" size="xl">
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

  if (conflicts.error) return <Alert color="red" role="alert">{errorText(conflicts.error)}</Alert>;
  if (!conflicts.data) return <Loader size="sm" aria-label="Loading conflicts" />;
  if (conflicts.data.length === 0) {
    return (
      <Text size="sm" data-testid="conflicts-empty">
        No refused changes. Everything you sent was accepted.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Title order={5}>Changes the server refused</Title>
      <RefusedTable conflicts={conflicts.data} dismissing={dismissing} dismiss={dismiss} />
    </Stack>
  );
}

function RefusedTable({ conflicts, dismissing, dismiss }: { conflicts: SyncConflict[]; dismissing: string | null; dismiss: (opId: string) => Promise<void> }) {
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        These changes stay on this device but the server did not take them. Read the reason, then dismiss them.
      </Text>
      <ScrollArea.Autosize mah={420}>
        <Table striped verticalSpacing={6} aria-label="Refused changes" data-testid="conflicts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Record</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflicts.map((c) => (
              <Table.Tr key={c.opId} data-testid="conflict-row">
                <Table.Td>
                  <Text size="sm">{entityLabel(c.entity)}</Text>
                  <Code fz="xs" title={c.rowId} style={{ whiteSpace: 'nowrap' }}>{c.rowId.length > 14 ? `…${c.rowId.slice(-12)}` : c.rowId}</Code>
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
                  <Text size="xs">Changed {formatDateTime(c.createdAt)}</Text>
                  <Text size="xs" c="dimmed">
                    Refused {formatDateTime(c.rejectedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="default" loading={dismissing === c.opId} onClick={() => void dismiss(c.opId)} aria-label={`Dismiss the refused change to ${entityLabel(c.entity).toLowerCase()}`}>
                    Dismiss
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
