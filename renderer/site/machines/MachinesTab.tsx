import { Alert, Badge, Loader, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { INVENTORY_PAGE_MAX } from '../../../shared/contract/inventory-methods';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryError } from '../../shell/QueryError';

/** Target machines to verify. The checks themselves come with a later release. */
export function MachinesTab({ siteId }: { siteId: string }) {
  const machines = useApiQuery('machines.list', { siteId }, ['machines']);
  // Resolve linked inventory items from the first page (sites have tens of items, not thousands).
  const inventory = useApiQuery('inventory.list', { siteId, limit: INVENTORY_PAGE_MAX }, ['inventory']);
  const itemsById = useMemo(() => new Map((inventory.data?.items ?? []).map((i) => [i.id, i])), [inventory.data]);

  if (machines.error && !machines.data) {
    return (
      <QueryError title="Machines not available" error={machines.error} onRetry={machines.reload} />
    );
  }
  if (!machines.data) return <Loader size="sm" />;

  return (
    <ScrollArea h="100%" type="auto" data-testid="machines-tab">
      <Stack gap="sm" pb="md">
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="xs" data-testid="machines-not-available">
          Verification of machines is not available yet. It comes with a later release: checking each target against the
          deployment requirements (this machine, and remote machines over SSH).
        </Alert>
        <Paper withBorder>
          {machines.data.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              No target machines are planned for this site.
            </Text>
          ) : (
            <Table verticalSpacing={6} fz="sm" highlightOnHover data-testid="machines-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Host name</Table.Th>
                  <Table.Th>Address</Table.Th>
                  <Table.Th>User</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Inventory item</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {machines.data.map((m) => {
                  const item = m.inventoryItemId ? itemsById.get(m.inventoryItemId) : undefined;
                  return (
                    <Table.Tr key={m.id} data-testid="machine-row">
                      <Table.Td ff="monospace" fw={600}>
                        {m.hostName}
                      </Table.Td>
                      <Table.Td ff="monospace">
                        {m.address}:{m.port}
                      </Table.Td>
                      <Table.Td ff="monospace">{m.username}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray" tt="none">
                          {m.role || '—'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {!m.inventoryItemId ? (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        ) : item ? (
                          <Text size="sm">
                            {[item.manufacturer, item.model].filter(Boolean).join(' ')}{' '}
                            <Text span ff="monospace" size="xs" c="dimmed">
                              {item.expectedSerial ?? item.foundSerial ?? ''}
                            </Text>
                          </Text>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Linked item
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
    </ScrollArea>
  );
}
