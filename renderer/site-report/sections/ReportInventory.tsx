import { Badge, Group, Table, Text } from '@mantine/core';
import type { ReportItem, SiteReport } from '../../../shared/site-report/report-model';
import { dash, ReportSection } from './ReportSection';

function Items({ title, items, testId }: { title: string; items: ReportItem[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={600} mt="xs">
        {title} ({items.length})
      </Text>
      <Table striped withTableBorder fz="xs" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Expected serial</Table.Th>
            <Table.Th>Found serial</Table.Th>
            <Table.Th>Asset tag</Table.Th>
            <Table.Th>Location</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{`${i.manufacturer} ${i.model}`.trim() || '—'}</Table.Td>
              <Table.Td ff="monospace">{dash(i.expectedSerial)}</Table.Td>
              <Table.Td ff="monospace">{dash(i.foundSerial)}</Table.Td>
              <Table.Td>{dash(i.assetTag)}</Table.Td>
              <Table.Td>{dash(i.location)}</Table.Td>
              <Table.Td>{i.state}</Table.Td>
              <Table.Td>{dash(i.note)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

export function ReportInventory({ inventory }: { inventory: SiteReport['inventory'] }) {
  const r = inventory.reconciliation;
  return (
    <ReportSection title="Inventory reconciliation" testId="report-inventory">
      <Group gap="xs" data-testid="report-reconciliation">
        <Badge variant="default">expected {r.expected}</Badge>
        <Badge variant="light" color="green">received {r.received}</Badge>
        <Badge variant="light" color={r.missing > 0 ? 'orange' : 'gray'}>missing {r.missing}</Badge>
        <Badge variant="light" color={r.damaged > 0 ? 'red' : 'gray'}>damaged {r.damaged}</Badge>
        <Badge variant="light" color={r.surplus > 0 ? 'grape' : 'gray'}>surplus {r.surplus}</Badge>
      </Group>
      <Items title="Missing" items={inventory.missing} testId="report-missing" />
      <Items title="Damaged" items={inventory.damaged} testId="report-damaged" />
      <Items title="Surplus" items={inventory.surplus} testId="report-surplus" />
      <Items title="Received" items={inventory.received} testId="report-received" />
    </ReportSection>
  );
}
