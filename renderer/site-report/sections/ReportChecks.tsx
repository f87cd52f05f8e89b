import { Table, Text } from '@mantine/core';
import type { CheckRunSummary } from '../../../shared/domain/check-run';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { Time } from '../../format/Time';
import { ReportSection } from './ReportSection';

function Runs({ runs, timeZone, testId }: { runs: CheckRunSummary[]; timeZone: string; testId: string }) {
  return (
    <Table striped withTableBorder fz="xs" verticalSpacing={2} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Target</Table.Th>
          <Table.Th>Started</Table.Th>
          <Table.Th>By</Table.Th>
          <Table.Th>Outcome</Table.Th>
          <Table.Th>Pass</Table.Th>
          <Table.Th>Fail</Table.Th>
          <Table.Th>Error</Table.Th>
          <Table.Th>Skipped</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.targetLabel}</Table.Td>
            <Table.Td><Time iso={r.startedAt} zone={timeZone} /></Table.Td>
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
  if (checkRuns.history.length === 0) {
    return (
      <ReportSection title="Check runs" testId="report-checks">
        <Text size="sm" c="dimmed">No check runs at this site.</Text>
      </ReportSection>
    );
  }
  return (
    <ReportSection title="Check runs" testId="report-checks" note="The latest run of each target, then every run (newest first).">
      <Runs runs={checkRuns.latest} timeZone={timeZone} testId="report-checks-latest" />
      {checkRuns.history.length > checkRuns.latest.length && (
        <>
          <Text size="sm" fw={600} mt="xs">
            History ({checkRuns.history.length} runs)
          </Text>
          <Runs runs={checkRuns.history} timeZone={timeZone} testId="report-checks-history" />
        </>
      )}
    </ReportSection>
  );
}
