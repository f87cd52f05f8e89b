import { Badge, Table } from '@mantine/core';
import type { Component } from '../../shared/domain/deployment';
import { useText } from '../i18n/i18n';

export function ComponentsTable({ components }: { components: readonly Component[] }) {
  const t = useText();
  return (
    <Table verticalSpacing={4} fz="xs" data-testid="components-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('deployment.componentsTable.name')}</Table.Th>
          <Table.Th>{t('deployment.componentsTable.kind')}</Table.Th>
          <Table.Th>{t('deployment.componentsTable.scope')}</Table.Th>
          <Table.Th>{t('deployment.componentsTable.targetVersionModel')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {components.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td fw={500}>{c.name}</Table.Td>
            <Table.Td>
              <Badge size="xs" variant="light" color={c.kind === 'software' ? 'indigo' : 'cyan'}>
                {c.kind}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Badge size="xs" variant="outline" color={c.scope === 'core' ? 'grape' : 'gray'}>
                {c.scope === 'core' ? t('deployment.componentsTable.core') : t('deployment.componentsTable.site')}
              </Badge>
            </Table.Td>
            <Table.Td>
              {c.kind === 'software' ? (c.targetVersion ?? '—') : [c.manufacturer, c.model].filter(Boolean).join(' ') || '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
