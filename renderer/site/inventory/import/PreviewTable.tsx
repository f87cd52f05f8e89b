import { ScrollArea, Select, Table, Text } from '@mantine/core';
import { useText } from '../../../i18n/i18n';

/** What a table import's preview shows: the columns, the field each maps to, sample rows and row errors. */
export interface TablePreview<F extends string> {
  headers: readonly string[];
  mapping: readonly F[];
  rowErrors: readonly { row: number; column: string | null; message: string }[];
  sampleRows: readonly { row: number; cells: readonly string[] }[];
}

interface Props<F extends string> {
  preview: TablePreview<F>;
  /** The fields a column can map to (the inventory's, the site list's). */
  fieldOptions: readonly { value: F; label: string }[];
  busy: boolean;
  onMapping: (mapping: F[]) => void;
}

/** The file's columns with what each maps to, then sample rows; rows with errors are marked. Shared by the table imports. */
export function PreviewTable<F extends string>({ preview, fieldOptions, busy, onMapping }: Props<F>) {
  const t = useText();
  const errorsByRow = new Map<number, string[]>();
  for (const e of preview.rowErrors)
    errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e.column ? `${e.column}: ${e.message}` : e.message]);

  return (
    <ScrollArea.Autosize mah={380} type="auto">
      <Table striped withTableBorder withColumnBorders fz="xs" data-testid="import-preview-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('site.inventory.import.previewTable.row')}</Table.Th>
            <Table.Th miw={240}>{t('site.inventory.import.previewTable.problems')}</Table.Th>
            {preview.headers.map((h, i) => (
              <Table.Th key={`${i}-${h}`} miw={180}>
                <Text size="xs" fw={600} mb={4}>
                  {h || t('site.inventory.import.previewTable.column', { number: i + 1 })}
                </Text>
                <Select
                  size="xs"
                  data={[...fieldOptions]}
                  value={preview.mapping[i] ?? 'ignore'}
                  allowDeselect={false}
                  disabled={busy}
                  aria-label={t('site.inventory.import.previewTable.mapColumn', { h })}
                  data-testid="import-mapping"
                  onChange={(v) => {
                    if (!v) return;
                    const next = [...preview.mapping];
                    next[i] = v as F;
                    onMapping(next);
                  }}
                />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.sampleRows.map((r) => {
            const errors = errorsByRow.get(r.row);
            return (
              <Table.Tr
                key={r.row}
                bg={errors ? 'var(--mantine-color-red-light)' : undefined}
                data-testid={errors ? 'import-row-error' : 'import-row'}
                data-row={r.row}
              >
                <Table.Td>{r.row}</Table.Td>
                <Table.Td c="red">{errors?.join('; ') ?? ''}</Table.Td>
                {preview.headers.map((_, i) => (
                  <Table.Td key={i}>{r.cells[i] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
