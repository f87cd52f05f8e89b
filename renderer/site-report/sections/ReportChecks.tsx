import { Table, Text } from '@mantine/core';
import type { CheckRunSummary } from '../../../shared/domain/check-run';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { Time } from '../../format/Time';
import { ReportSection } from './ReportSection';
import { useText } from '../../i18n/i18n';

function Runs({ runs, timeZone, testId }: { runs: CheckRunSummary[]; timeZone: string; testId: string }) {
  const t = useText();
  return (
    <Table striped withTableBorder fz="xs" verticalSpacing={2} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('siteReport.sections.reportChecks.target')}</Table.Th>
          <Table.Th>{t('siteReport.sections.reportChecks.started')}</Table.Th>
          <Table.Th>{t('siteReport.sections.reportChecks.by')}</Table.Th>
          <Table.Th>{t('siteReport.sections.reportChecks.outcome')}</Table.Th>
          <Table.Th>{t('siteReport.sections.reportChecks.pass')}</Table.Th>
          <Table.Th>{t('siteReport.sections.reportChecks.fail')}</Table.Th>
          <Table.Th>{t('siteReport.sections.reportChecks.error')}</Table.Th>
          <Table.Th>{t('siteReport.sections.reportChecks.skipped')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.targetLabel}</Table.Td>
            <Table.Td>
              <Time iso={r.startedAt} zone={timeZone} />
            </Table.Td>
            <Table.Td>{r.by}</Table.Td>
            <Table.Td>{r.outcome.replace(/_/g, ' ')}</Table.Td>
            <Table.Td c="green">{r.counts.pass}</Table.Td>
            <Table.Td c={r.counts.fail > 0 ? 'red' : undefined}>{r.counts.fail}</Table.Td>
            <Table.Td c={r.counts.error > 0 ? 'orange' : undefined}>{r.counts.error}</Table.Td>
            <Table.Td>{r.counts.skipped}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ReportChecks({ checkRuns, timeZone }: { checkRuns: SiteReport['checkRuns']; timeZone: string }) {
  const t = useText();
  if (checkRuns.history.length === 0) {
    return (
      <ReportSection title={t('siteReport.sections.reportChecks.checkRuns')} testId="report-checks">
        <Text size="sm" c="dimmed">
          {t('siteReport.sections.reportChecks.noCheckRunsAt')}
        </Text>
      </ReportSection>
    );
  }
  return (
    <ReportSection
      title={t('siteReport.sections.reportChecks.checkRuns')}
      testId="report-checks"
      note={t('siteReport.sections.reportChecks.theLatestRunOf')}
    >
      <Runs runs={checkRuns.latest} timeZone={timeZone} testId="report-checks-latest" />
      {checkRuns.history.length > checkRuns.latest.length && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('siteReport.sections.reportChecks.historyRuns', { runs: checkRuns.history.length })}
          </Text>
          <Runs runs={checkRuns.history} timeZone={timeZone} testId="report-checks-history" />
        </>
      )}
    </ReportSection>
  );
}
