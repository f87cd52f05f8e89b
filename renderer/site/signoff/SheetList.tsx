import { Badge, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { SheetSummary } from '../../../shared/domain/signoff';
import { LANGUAGE_NAMES } from '../../../shared/i18n/languages';
import { formatInstant } from '../../../shared/time/format-time';
import { useText } from '../../i18n/i18n';
import { downloadSheetPdf } from './download-pdf';

/** When it was signed, in the signer's zone as the sheet records it (named). */
function signedAt(sheet: SheetSummary): string {
  return formatInstant(sheet.signedAt, sheet.signerTimeZone);
}

/** Signed sheets, newest first, each verified again, with the PDF export. */
export function SheetList({ sheets }: { sheets: readonly SheetSummary[] }) {
  const t = useText();
  const [exporting, setExporting] = useState<string | null>(null);
  const exportPdf = async (id: string) => {
    setExporting(id);
    await downloadSheetPdf(id);
    setExporting(null);
  };
  return (
    <Paper withBorder data-testid="sheet-list">
      <Text fw={600} size="sm" px="sm" py={6}>
        {t('site.signoff.sheetList.heading', { sheets: sheets.length })}
      </Text>
      {sheets.length === 0 ? (
        <Text size="xs" c="dimmed" px="sm" pb="sm">
          {t('site.signoff.sheetList.nothingSigned')}
        </Text>
      ) : (
        <Table fz="xs" verticalSpacing={4}>
          <Table.Tbody>
            {sheets.map((s) => (
              <Fragment key={s.id}>
                <Table.Tr data-testid="sheet-row" data-sheet-id={s.id} data-language={s.language ?? 'en'}>
                  <Table.Td>{t(`common.signOffKind.${s.kind}`)}</Table.Td>
                  <Table.Td>
                    {t(`common.signOffDecision.${s.decision}`)}
                    {s.exceptionCount > 0 && t('site.signoff.sheetList.exceptions', { count: s.exceptionCount })}
                  </Table.Td>
                  <Table.Td>
                    {s.signerName}, {s.signerRole}
                  </Table.Td>
                  <Table.Td>{signedAt(s)}</Table.Td>
                  <Table.Td>
                    <Tooltip
                      label={
                        s.valid
                          ? t('site.signoff.sheetList.hash', { hash: s.contentHash })
                          : (s.invalidReason ?? t('site.signoff.sheetList.invalid'))
                      }
                      multiline
                      maw={360}
                    >
                      <Badge size="sm" color={s.valid ? 'teal' : 'red'} variant="light" data-testid="sheet-validity">
                        {s.valid ? t('site.signoff.sheetList.valid') : t('site.signoff.sheetList.invalidBadge')}
                      </Badge>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        size="compact-xs"
                        variant="default"
                        leftSection={<IconFileTypePdf size={12} />}
                        loading={exporting === s.id}
                        onClick={() => void exportPdf(s.id)}
                        data-testid="export-pdf"
                      >
                        {t('site.signoff.sheetList.exportPdf')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {/* What the signer read, word for word, in the language they read it in (sheets from before languages: English). */}
                <Table.Tr>
                  <Table.Td colSpan={6} pt={0} c="dimmed" data-testid="sheet-statement" lang={s.language ?? 'en'}>
                    {t('signoff.sheetStatement', { language: LANGUAGE_NAMES[s.language ?? 'en'] })} {s.statement}
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
