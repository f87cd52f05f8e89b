import { Badge, Table } from '@mantine/core';
import type { Component } from '../../shared/domain/deployment';

export function ComponentsTable({ components }: { components: readonly Component[] }) {
  return (
    <Table verticalSpacing={4} fz="xs" data-testid="components-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Scope</Table.Th>
          <Table.Th>Target version / model</Table.Th>
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
                {c.scope === 'core' ? 'core' : 'site'}
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
