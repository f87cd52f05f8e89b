import { Badge, ScrollArea, Select, Table, Text } from '@mantine/core';
import type { TargetImportPreview, TargetRowView } from '../../../shared/contract/target-import-methods';

const STATUS: Record<TargetRowView['status'], { label: string; color: string }> = {
  new: { label: 'New', color: 'green' },
  update: { label: 'Update', color: 'blue' },
  unchanged: { label: 'Unchanged', color: 'gray' },
  unmapped: { label: 'No site', color: 'orange' },
  error: { label: 'Error', color: 'red' },
};

interface Props {
  preview: TargetImportPreview;
  siteOptions: { value: string; label: string }[];
  /** The site chosen for each unplaced host (by host name). */
  chosen: Record<string, string>;
  busy: boolean;
  onChoose: (hostName: string, siteId: string | null) => void;
}

/** One row per host: its site (a picker where no rule placed it), address, port, user, role, and what is wrong or changes. */
export function TargetPreviewTable({ preview, siteOptions, chosen, busy, onChoose }: Props) {
  return (
    <ScrollArea.Autosize mah={420} type="auto">
      <Table striped withTableBorder fz="xs" data-testid="target-import-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Host</Table.Th>
            <Table.Th miw={180}>Site</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>Port</Table.Th>
            <Table.Th>User</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th miw={260}>Notes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.hosts.map((h, i) => {
            const needsSite = h.status === 'unmapped' || h.siteFrom === 'chosen';
            const notes = [
              ...h.errors,
              ...h.changes,
              ...(h.skippedSecrets.length > 0 ? [`secrets not imported: ${h.skippedSecrets.join(', ')}`] : []),
              ...(h.otherVars.length > 0 ? [`not stored: ${h.otherVars.join(', ')}`] : []),
            ];
            return (
              <Table.Tr key={`${h.hostName}-${h.line ?? i}-${i}`} data-testid="target-import-row" data-host={h.hostName} data-status={h.status} bg={h.status === 'error' ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {h.hostName || `(line ${h.line ?? '?'})`}
                </Table.Td>
                <Table.Td>
                  {needsSite ? (
                    <Select
                      size="xs"
                      placeholder="Choose a site"
                      data={siteOptions}
                      value={chosen[h.hostName] ?? (h.siteFrom === 'chosen' ? h.siteId : null)}
                      searchable
                      clearable
                      disabled={busy}
                      aria-label={`Site for ${h.hostName}`}
                      data-testid="target-import-site-picker"
                      onChange={(v) => onChoose(h.hostName, v)}
                    />
                  ) : (
                    <Text size="xs" title={h.siteFrom ? `from the ${h.siteFrom}` : undefined}>
                      {h.siteCode ?? '—'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {h.address}
                </Table.Td>
                <Table.Td>{h.port}</Table.Td>
                <Table.Td ff="monospace">{h.username}</Table.Td>
                <Table.Td>{h.role}</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={STATUS[h.status].color}>
                    {STATUS[h.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td c={h.status === 'error' ? 'red' : undefined}>{notes.join('; ')}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
