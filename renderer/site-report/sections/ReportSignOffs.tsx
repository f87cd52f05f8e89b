import { Badge, Table, Text } from '@mantine/core';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { Time } from '../../format/Time';
import { ReportSection } from './ReportSection';
import { useText } from '../../i18n/i18n';

export function ReportSignOffs({ report }: { report: SiteReport }) {
  const t = useText();
  const tz = report.summary.timeZone;
  return (
    <>
      <ReportSection
        title={t('siteReport.sections.reportSignOffs.signOffSheets')}
        testId="report-signoffs"
        note={t('siteReport.sections.reportSignOffs.eachSheetIsVerified')}
      >
        {report.signOffs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('siteReport.sections.reportSignOffs.noSheetSignedYet')}
          </Text>
        ) : (
          <Table striped withTableBorder fz="xs" verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('siteReport.sections.reportSignOffs.sheet')}</Table.Th>
                <Table.Th>{t('siteReport.sections.reportSignOffs.decision')}</Table.Th>
                <Table.Th>{t('siteReport.sections.reportSignOffs.signer')}</Table.Th>
                <Table.Th>{t('siteReport.sections.reportSignOffs.signed')}</Table.Th>
                <Table.Th>{t('siteReport.sections.reportSignOffs.exceptions')}</Table.Th>
                <Table.Th>{t('siteReport.sections.reportSignOffs.verification')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.signOffs.map((s) => (
                <Table.Tr key={s.id} data-testid="report-signoff">
                  <Table.Td>{s.kind.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>{s.decision.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>{`${s.signerName} (${s.signerRole})`}</Table.Td>
                  <Table.Td>
                    <Time iso={s.signedAt} zone={s.signerTimeZone || tz} />
                  </Table.Td>
                  <Table.Td>{s.exceptionCount}</Table.Td>
                  <Table.Td>
                    {s.valid ? (
                      <Badge size="xs" color="green" data-testid="report-signoff-valid">
                        {t('siteReport.sections.reportSignOffs.valid')}
                      </Badge>
                    ) : (
                      <Badge size="xs" color="red" title={s.invalidReason ?? ''}>
                        {t('siteReport.sections.reportSignOffs.invalid', { invalidReason: s.invalidReason })}
                      </Badge>
                    )}
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {' '}
                      {s.keyFingerprint.slice(0, 19)}…
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ReportSection>
      <ReportSection title={t('siteReport.sections.reportSignOffs.rollbacks')} testId="report-rollbacks">
        {report.rollbacks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('siteReport.sections.reportSignOffs.noRollback')}
          </Text>
        ) : (
          report.rollbacks.map((r) => (
            <Text size="sm" key={r.id}>
              <Time iso={r.createdAt} zone={tz} />{' '}
              {t('siteReport.sections.reportSignOffs.from', {
                createdBy: r.createdBy,
                previousStatus: r.previousStatus.replace(/_/g, ' '),
                reason: r.reason,
              })}
            </Text>
          ))
        )}
      </ReportSection>
    </>
  );
}
