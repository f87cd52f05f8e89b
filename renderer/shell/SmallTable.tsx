import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A compact read-only table with a header row, or one dimmed line saying why it is empty: the
 * sign-off review's and the close-out review's lists.
 */
export function SmallTable({
  head,
  rows,
  empty,
  testId,
  bordered = false,
}: {
  head: string[];
  rows: ReactNode[][];
  empty: string;
  testId?: string;
  bordered?: boolean;
}) {
  if (rows.length === 0) {
    return (
      <Text size="xs" c="dimmed" px={bordered ? 0 : 'sm'} pb={bordered ? 0 : 'sm'} data-testid={testId}>
        {empty}
      </Text>
    );
  }
  return (
    <Table fz="xs" verticalSpacing={4} striped={!bordered} withTableBorder={bordered} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {head.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, i) => (
          <Table.Tr key={i}>
            {row.map((cell, j) => (
              <Table.Td key={j}>{cell}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
