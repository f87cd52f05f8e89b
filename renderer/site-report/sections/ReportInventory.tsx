import { Badge, Group, Table, Text } from '@mantine/core';
import type { ReportItem, SiteReport } from '../../../shared/site-report/report-model';
import { dash, ReportSection } from './ReportSection';
import { useText } from '../../i18n/i18n';

function Items({ title, items, testId }: { title: string; items: ReportItem[]; testId: string }) {
  const t = useText();
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={600} mt="xs">
        {title} ({items.length})
      </Text>
      <Table striped withTableBorder fz="xs" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('siteReport.sections.reportInventory.item')}</Table.Th>
            <Table.Th>{t('siteReport.sections.reportInventory.expectedSerial')}</Table.Th>
            <Table.Th>{t('siteReport.sections.reportInventory.foundSerial')}</Table.Th>
            <Table.Th>{t('siteReport.sections.reportInventory.assetTag')}</Table.Th>
            <Table.Th>{t('siteReport.sections.reportInventory.location')}</Table.Th>
            <Table.Th>{t('siteReport.sections.reportInventory.state')}</Table.Th>
            <Table.Th>{t('siteReport.sections.reportInventory.note')}</Table.Th>
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
  const t = useText();
  const r = inventory.reconciliation;
  return (
    <ReportSection title={t('siteReport.sections.reportInventory.inventoryReconciliation')} testId="report-inventory">
      <Group gap="xs" data-testid="report-reconciliation">
        <Badge variant="default">{t('siteReport.sections.reportInventory.expected', { expected: r.expected })}</Badge>
        <Badge variant="light" color="green">
          {t('siteReport.sections.reportInventory.received', { received: r.received })}
        </Badge>
        <Badge variant="light" color={r.missing > 0 ? 'orange' : 'gray'}>
          {t('siteReport.sections.reportInventory.missing', { missing: r.missing })}
        </Badge>
        <Badge variant="light" color={r.damaged > 0 ? 'red' : 'gray'}>
          {t('siteReport.sections.reportInventory.damaged', { damaged: r.damaged })}
        </Badge>
        <Badge variant="light" color={r.surplus > 0 ? 'grape' : 'gray'}>
          {t('siteReport.sections.reportInventory.surplus', { surplus: r.surplus })}
        </Badge>
      </Group>
      <Items title={t('siteReport.sections.reportInventory.missing2')} items={inventory.missing} testId="report-missing" />
      <Items title={t('siteReport.sections.reportInventory.damaged2')} items={inventory.damaged} testId="report-damaged" />
      <Items title={t('siteReport.sections.reportInventory.surplus2')} items={inventory.surplus} testId="report-surplus" />
      <Items title={t('siteReport.sections.reportInventory.received2')} items={inventory.received} testId="report-received" />
    </ReportSection>
  );
}
