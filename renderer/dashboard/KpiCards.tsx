import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Dashboard } from '../../shared/contract/dashboard-methods';
import classes from './Dashboard.module.css';
import { formatHours } from './format-hours';
import { useText } from '../i18n/i18n';

function Kpi({
  label,
  value,
  detail,
  testId,
  color,
}: {
  label: string;
  value: ReactNode;
  detail: ReactNode;
  testId: string;
  color?: string;
}) {
  return (
    <Paper withBorder p="sm" className={classes.kpi} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2} c={color} data-testid={`${testId}-value`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Paper>
  );
}

/** The figures a release manager reads first. */
export function KpiCards({ dashboard: d }: { dashboard: Dashboard }) {
  const t = useText();
  const checked = d.checks.pass + d.checks.fail + d.checks.error;
  const passRate = checked === 0 ? null : Math.round((d.checks.pass / checked) * 100);
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
      <Kpi
        label={t('dashboard.kpiCards.sitesSignedOff')}
        testId="kpi-signed-off"
        value={`${d.totals.signedOff} / ${d.totals.sites}`}
        detail={t('dashboard.kpiCards.successfulNeverRolledBack', { successful: d.totals.successful })}
      />
      <Kpi
        label={t('dashboard.kpiCards.rollbacks')}
        testId="kpi-rollbacks"
        value={d.totals.rollbacks}
        color={d.totals.rollbacks > 0 ? 'orange' : undefined}
        detail={t('dashboard.kpiCards.sitesRolledBack', { count: d.totals.rolledBackSites })}
      />
      <Kpi
        label={t('dashboard.kpiCards.openBlockingIssues')}
        testId="kpi-blocking"
        value={d.totals.openBlockingIssues}
        color={d.totals.openBlockingIssues > 0 ? 'red' : undefined}
        detail={t('dashboard.kpiCards.openInQuietPeriod', { openIssues: d.totals.openIssues, total: d.issues.quietPeriod.total })}
      />
      <Kpi
        label={t('dashboard.kpiCards.discrepancies')}
        testId="kpi-discrepancies"
        value={d.totals.discrepancies}
        detail={t('dashboard.kpiCards.missingDamagedSurplus', {
          missing: d.inventory.missing,
          damaged: d.inventory.damaged,
          surplus: d.inventory.surplus,
        })}
      />
      <Kpi
        label={t('dashboard.kpiCards.checkPassRate')}
        testId="kpi-checks"
        value={passRate === null ? '—' : `${passRate}%`}
        detail={t('dashboard.kpiCards.ofCheckedTargetsPlanned', { pass: d.checks.pass, checked, targets: d.checks.targets })}
      />
      <Kpi
        label={t('dashboard.kpiCards.downtime')}
        testId="kpi-downtime"
        value={`${d.downtime.minutes.total} min`}
        color={d.downtime.openOutages > 0 ? 'red' : undefined}
        detail={t('dashboard.kpiCards.downtimeDetail', {
          count: d.downtime.outages,
          open: d.downtime.openOutages > 0 ? t('dashboard.kpiCards.openOutages', { open: d.downtime.openOutages }) : '',
          mttr: d.downtime.mttrMinutes === null ? '—' : t('dashboard.kpiCards.minutes', { minutes: d.downtime.mttrMinutes }),
          quiet: d.downtime.minutes.quietPeriod,
        })}
      />
      <Kpi
        label={t('dashboard.kpiCards.startSignOff')}
        testId="kpi-duration"
        value={formatHours(d.startToSignOff.medianHours)}
        detail={t('dashboard.kpiCards.durationDetail', { p90: formatHours(d.startToSignOff.p90Hours), count: d.startToSignOff.measured })}
      />
    </SimpleGrid>
  );
}
