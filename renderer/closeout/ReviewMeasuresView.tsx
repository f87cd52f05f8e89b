import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReviewMeasures } from '../../shared/logic/review-measures';
import { formatDateTime } from '../format/time';
import { SmallTable } from '../shell/SmallTable';
import { useText } from '../i18n/i18n';

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
  const t = useText();
  const q = m.quietPeriod;
  return (
    <Stack gap="xs" data-testid="review-measures">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        <Figure
          testId="review-success-rate"
          label={t('closeout.reviewMeasuresView.deploymentSuccessRate')}
          value={pct(m.successRatePercent)}
          detail={t('closeout.reviewMeasuresView.ofAttemptedSitesSigned', {
            signedOffWithoutRollback: m.signedOffWithoutRollback,
            sitesAttempted: m.sitesAttempted,
          })}
        />
        <Figure
          testId="review-adherence"
          label={t('closeout.reviewMeasuresView.scheduleAdherence')}
          value={pct(m.schedule.adherencePercent)}
          detail={t('closeout.reviewMeasuresView.withinTheWindowEarly', {
            withinWindow: m.schedule.withinWindow,
            early: m.schedule.early,
            late: m.schedule.late,
            noWindow: m.schedule.noWindow,
          })}
        />
        <Figure
          testId="review-quiet-incidents"
          label={t('closeout.reviewMeasuresView.incidentsInTheQuiet')}
          value={String(q.incidents.length)}
          detail={q.start ? `${formatDateTime(q.start)} to ${formatDateTime(q.end)}` : t('closeout.reviewMeasuresView.startsAtTheLast')}
        />
        <Figure
          testId="review-downtime"
          label={t('closeout.reviewMeasuresView.downtimeInTheQuiet')}
          value={q.downtimeMinutes === null ? 'not recorded' : `${q.downtimeMinutes} min`}
          detail={t('closeout.reviewMeasuresView.outageMinutesOnIssues')}
        />
      </SimpleGrid>
      <Text size="sm" fw={600}>
        {t('closeout.reviewMeasuresView.failedDeploymentsAndRollbacks')}
      </Text>
      <SmallTable
        bordered
        testId="review-failures"
        head={[t('closeout.reviewMeasuresView.site'), t('closeout.reviewMeasuresView.name'), t('closeout.reviewMeasuresView.reason')]}
        rows={m.failedDeployments.map((f) => [f.siteCode, f.siteName, f.reason])}
        empty={t('closeout.reviewMeasuresView.noFailedDeployment')}
      />
      <SmallTable
        bordered
        testId="review-rollbacks"
        head={[t('closeout.reviewMeasuresView.rollbackAt'), t('closeout.reviewMeasuresView.site'), t('closeout.reviewMeasuresView.reason')]}
        rows={m.rollbacks.map((r) => [formatDateTime(r.at), r.siteCode, r.reason])}
        empty={t('closeout.reviewMeasuresView.noRollbackRecorded')}
      />
      {q.incidents.length > 0 && (
        <SmallTable
          bordered
          testId="review-incidents"
          head={[
            t('closeout.reviewMeasuresView.quietPeriodIncident'),
            t('closeout.reviewMeasuresView.severity'),
            t('closeout.reviewMeasuresView.opened'),
          ]}
          rows={q.incidents.map((i) => [`${i.siteCode} #${i.number} ${i.title}`, i.severity, formatDateTime(i.createdAt)])}
          empty=""
        />
      )}
      <Text size="sm" fw={600}>
        {t('closeout.reviewMeasuresView.backlogThroughputPerWeek')}
      </Text>
      <SmallTable
        bordered
        testId="review-throughput"
        head={[
          t('closeout.reviewMeasuresView.isoWeek'),
          t('closeout.reviewMeasuresView.sitesSignedOff'),
          t('closeout.reviewMeasuresView.issuesClosed'),
        ]}
        rows={m.throughput.map((t) => [t.week, String(t.sitesSignedOff), String(t.issuesClosed)])}
        empty={t('closeout.reviewMeasuresView.nothingSignedOffOr')}
      />
    </Stack>
  );
}
