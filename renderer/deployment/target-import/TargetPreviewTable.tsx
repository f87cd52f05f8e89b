import { Badge, ScrollArea, Select, Table, Text } from '@mantine/core';
import type { TargetImportPreview, TargetRowView } from '../../../shared/contract/target-import-methods';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const STATUS: Record<TargetRowView['status'], { label: string; color: string }> = {
  new: {
    get label() {
      return appText('deployment.targetImport.targetPreviewTable.new');
    },
    color: 'green',
  },
  update: {
    get label() {
      return appText('deployment.targetImport.targetPreviewTable.update');
    },
    color: 'blue',
  },
  unchanged: {
    get label() {
      return appText('deployment.targetImport.targetPreviewTable.unchanged');
    },
    color: 'gray',
  },
  unmapped: {
    get label() {
      return appText('deployment.targetImport.targetPreviewTable.noSite');
    },
    color: 'orange',
  },
  error: {
    get label() {
      return appText('deployment.targetImport.targetPreviewTable.error');
    },
    color: 'red',
  },
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
  const t = useText();
  return (
    <ScrollArea.Autosize mah={420} type="auto">
      <Table striped withTableBorder fz="xs" data-testid="target-import-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deployment.targetImport.targetPreviewTable.host')}</Table.Th>
            <Table.Th miw={180}>{t('deployment.targetImport.targetPreviewTable.site')}</Table.Th>
            <Table.Th>{t('deployment.targetImport.targetPreviewTable.address')}</Table.Th>
            <Table.Th>{t('deployment.targetImport.targetPreviewTable.port')}</Table.Th>
            <Table.Th>{t('deployment.targetImport.targetPreviewTable.user')}</Table.Th>
            <Table.Th>{t('deployment.targetImport.targetPreviewTable.role')}</Table.Th>
            <Table.Th>{t('deployment.targetImport.targetPreviewTable.status')}</Table.Th>
            <Table.Th miw={260}>{t('deployment.targetImport.targetPreviewTable.notes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.hosts.map((h, i) => {
            const needsSite = h.status === 'unmapped' || h.siteFrom === 'chosen';
            const notes = [
              ...h.errors,
              ...h.changes,
              ...(h.skippedSecrets.length > 0
                ? [t('deployment.targetImport.targetPreviewTable.secretsNotImported', { secrets: h.skippedSecrets.join(', ') })]
                : []),
              ...(h.otherVars.length > 0
                ? [t('deployment.targetImport.targetPreviewTable.notStored', { vars: h.otherVars.join(', ') })]
                : []),
            ];
            return (
              <Table.Tr
                key={`${h.hostName}-${h.line ?? i}-${i}`}
                data-testid="target-import-row"
                data-host={h.hostName}
                data-status={h.status}
                bg={h.status === 'error' ? 'var(--mantine-color-red-light)' : undefined}
              >
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {h.hostName || t('deployment.targetImport.targetPreviewTable.line', { line: h.line ?? '?' })}
                </Table.Td>
                <Table.Td>
                  {needsSite ? (
                    <Select
                      size="xs"
                      placeholder={t('deployment.targetImport.targetPreviewTable.chooseASite')}
                      data={siteOptions}
                      value={chosen[h.hostName] ?? (h.siteFrom === 'chosen' ? h.siteId : null)}
                      searchable
                      clearable
                      disabled={busy}
                      aria-label={t('deployment.targetImport.targetPreviewTable.siteFor', { hostName: h.hostName })}
                      data-testid="target-import-site-picker"
                      onChange={(v) => onChoose(h.hostName, v)}
                    />
                  ) : (
                    <Text
                      size="xs"
                      title={h.siteFrom ? t('deployment.targetImport.targetPreviewTable.fromThe', { siteFrom: h.siteFrom }) : undefined}
                    >
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
