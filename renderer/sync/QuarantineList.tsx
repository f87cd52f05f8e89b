import { Alert, Code, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useApiQuery } from '../api/useApiQuery';
import { errorText } from '../api/notify';
import { formatDateTime } from '../format/time';
import { changeSummary, entityLabel } from './conflict-labels';
import { useText } from '../i18n/i18n';

/**
 * Rows from the server this device could not store (sync.quarantine): the rest of their page was
 * stored. Nothing to dismiss: an entry goes when the server sends a version this device can store.
 */
export function QuarantineList() {
  const t = useText();
  const rows = useApiQuery('sync.quarantine', {}, []);
  if (rows.error)
    return (
      <Alert color="red" role="alert">
        {errorText(rows.error)}
      </Alert>
    );
  if (!rows.data) return <Loader size="sm" aria-label={t('sync.quarantineList.loadingRowsNotStored')} />;
  if (rows.data.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={5}>{t('sync.quarantineList.rowsFromTheServer')}</Title>
      <Text size="sm" c="dimmed">
        {t('sync.quarantineList.everythingElseWasStored')}
        <Code>{t('sync.quarantineList.outpostServerCheckRows')}</Code>).
      </Text>
      <ScrollArea.Autosize mah={300}>
        <Table striped verticalSpacing={6} aria-label={t('sync.quarantineList.rowsNotStored')} data-testid="quarantine-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.quarantineList.record')}</Table.Th>
              <Table.Th>{t('sync.quarantineList.reason')}</Table.Th>
              <Table.Th>{t('sync.quarantineList.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.data.map((q) => (
              <Table.Tr key={`${q.entity}:${q.rowId}`} data-testid="quarantine-row">
                <Table.Td>
                  <Text size="sm">{entityLabel(q.entity)}</Text>
                  <Code fz="xs" title={q.rowId} style={{ whiteSpace: 'nowrap' }}>
                    {q.rowId.length > 14 ? `…${q.rowId.slice(-12)}` : q.rowId}
                  </Code>
                  {q.data && (
                    <Text size="xs" c="dimmed">
                      {changeSummary({ kind: 'insert', data: q.data })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid="quarantine-reason">
                    {q.reason}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {q.reportedAt ? t('sync.quarantineList.reportedToTheServer') : t('sync.quarantineList.notReportedToThe')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{t('sync.quarantineList.firstSeen', { firstSeenAt: formatDateTime(q.firstSeenAt) })}</Text>
                  <Text size="xs" c="dimmed">
                    {t('sync.quarantineList.lastSeen', { lastSeenAt: formatDateTime(q.lastSeenAt) })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
