import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReviewMeasures } from '../../shared/logic/review-measures';
import { formatDateTime } from '../format/time';
import { SmallTable } from '../shell/SmallTable';

const pct = (n: number | null) => (n === null ? '–' : `${n} %`);

function Figure({ label, value, detail, testId }: { label: string; value: string; detail: string; testId: string }) {
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={`${testId}-value`}>
        {value}
      </Text>
      <Text size="xs">{detail}</Text>
    </Paper>
  );
}

/** The review's measures, read-only: computed from the data (shared/logic/review-measures.ts), never typed in. */
export function ReviewMeasuresView({ measures: m }: { measures: ReviewMeasures }) {
  const q = m.quietPeriod;
  return (
    <Stack gap="xs" data-testid="review-measures">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        <Figure testId="review-success-rate" label="Deployment success rate" value={pct(m.successRatePercent)} detail={`${m.signedOffWithoutRollback} of ${m.sitesAttempted} attempted sites signed off without rollback`} />
        <Figure
          testId="review-adherence"
          label="Schedule adherence"
          value={pct(m.schedule.adherencePercent)}
          detail={`${m.schedule.withinWindow} within the window, ${m.schedule.early} early, ${m.schedule.late} late, ${m.schedule.noWindow} without a window`}
        />
        <Figure testId="review-quiet-incidents" label="Incidents in the quiet period" value={String(q.incidents.length)} detail={q.start ? `${formatDateTime(q.start)} to ${formatDateTime(q.end)}` : 'Starts at the last site sign-off'} />
        <Figure testId="review-downtime" label="Downtime in the quiet period" value={q.downtimeMinutes === null ? 'not recorded' : `${q.downtimeMinutes} min`} detail="Outage minutes on issues" />
      </SimpleGrid>
      <Text size="sm" fw={600}>
        Failed deployments and rollbacks
      </Text>
      <SmallTable bordered testId="review-failures" head={['Site', 'Name', 'Reason']} rows={m.failedDeployments.map((f) => [f.siteCode, f.siteName, f.reason])} empty="No failed deployment." />
      <SmallTable bordered testId="review-rollbacks" head={['Rollback at', 'Site', 'Reason']} rows={m.rollbacks.map((r) => [formatDateTime(r.at), r.siteCode, r.reason])} empty="No rollback recorded." />
      {q.incidents.length > 0 && (
        <SmallTable
          bordered
          testId="review-incidents"
          head={['Quiet-period incident', 'Severity', 'Opened']}
          rows={q.incidents.map((i) => [`${i.siteCode} #${i.number} ${i.title}`, i.severity, formatDateTime(i.createdAt)])}
          empty=""
        />
      )}
      <Text size="sm" fw={600}>
        Backlog throughput per week
      </Text>
      <SmallTable bordered testId="review-throughput" head={['ISO week', 'Sites signed off', 'Issues closed']} rows={m.throughput.map((t) => [t.week, String(t.sitesSignedOff), String(t.issuesClosed)])} empty="Nothing signed off or closed yet." />
    </Stack>
  );
}
