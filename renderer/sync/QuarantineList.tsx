import { Alert, Code, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useApiQuery } from '../api/useApiQuery';
import { errorText } from '../api/notify';
import { formatDateTime } from '../format/time';
import { changeSummary, entityLabel } from './conflict-labels';

/**
 * Rows from the server this device could not store (sync.quarantine): the rest of their page was
 * stored. Nothing to dismiss: an entry goes when the server sends a version this device can store.
 */
export function QuarantineList() {
  const rows = useApiQuery('sync.quarantine', {}, []);
  if (rows.error) return <Alert color="red" role="alert">{errorText(rows.error)}</Alert>;
  if (!rows.data) return <Loader size="sm" aria-label="Loading rows not stored" />;
  if (rows.data.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={5}>Rows from the server this device could not store</Title>
      <Text size="sm" c="dimmed">
        Everything else was stored. The server has been told; these rows clear themselves once it sends a version this device can store (ask its administrator to run
        <Code>outpost server check-rows</Code>).
      </Text>
      <ScrollArea.Autosize mah={300}>
        <Table striped verticalSpacing={6} aria-label="Rows not stored" data-testid="quarantine-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Record</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>When</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.data.map((q) => (
              <Table.Tr key={`${q.entity}:${q.rowId}`} data-testid="quarantine-row">
                <Table.Td>
                  <Text size="sm">{entityLabel(q.entity)}</Text>
                  <Code fz="xs" title={q.rowId} style={{ whiteSpace: 'nowrap' }}>{q.rowId.length > 14 ? `…${q.rowId.slice(-12)}` : q.rowId}</Code>
                  {q.data && (
                    <Text size="xs" c="dimmed">
                      {changeSummary({ kind: 'insert', data: q.data })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid="quarantine-reason">{q.reason}</Text>
                  <Text size="xs" c="dimmed">
                    {q.reportedAt ? 'Reported to the server' : 'Not reported to the server yet'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">First seen {formatDateTime(q.firstSeenAt)}</Text>
                  <Text size="xs" c="dimmed">Last seen {formatDateTime(q.lastSeenAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
