import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Dashboard } from '../../shared/contract/dashboard-methods';
import classes from './Dashboard.module.css';
import { formatHours } from './format-hours';

function Kpi({ label, value, detail, testId, color }: { label: string; value: ReactNode; detail: ReactNode; testId: string; color?: string }) {
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
  const checked = d.checks.pass + d.checks.fail + d.checks.error;
  const passRate = checked === 0 ? null : Math.round((d.checks.pass / checked) * 100);
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
      <Kpi
        label="Sites signed off"
        testId="kpi-signed-off"
        value={`${d.totals.signedOff} / ${d.totals.sites}`}
        detail={`${d.totals.successful} successful (never rolled back)`}
      />
      <Kpi
        label="Rollbacks"
        testId="kpi-rollbacks"
        value={d.totals.rollbacks}
        color={d.totals.rollbacks > 0 ? 'orange' : undefined}
        detail={`${d.totals.rolledBackSites} ${d.totals.rolledBackSites === 1 ? 'site' : 'sites'} rolled back`}
      />
      <Kpi
        label="Open blocking issues"
        testId="kpi-blocking"
        value={d.totals.openBlockingIssues}
        color={d.totals.openBlockingIssues > 0 ? 'red' : undefined}
        detail={`${d.totals.openIssues} open · ${d.issues.quietPeriod.total} in quiet period`}
      />
      <Kpi
        label="Discrepancies"
        testId="kpi-discrepancies"
        value={d.totals.discrepancies}
        detail={`${d.inventory.missing} missing · ${d.inventory.damaged} damaged · ${d.inventory.surplus} surplus`}
      />
      <Kpi
        label="Check pass rate"
        testId="kpi-checks"
        value={passRate === null ? '—' : `${passRate}%`}
        detail={`${d.checks.pass} of ${checked} checked targets · ${d.checks.targets} planned`}
      />
      <Kpi
        label="Downtime"
        testId="kpi-downtime"
        value={`${d.downtime.minutes.total} min`}
        color={d.downtime.openOutages > 0 ? 'red' : undefined}
        detail={`${d.downtime.outages} ${d.downtime.outages === 1 ? 'outage' : 'outages'}${d.downtime.openOutages > 0 ? ` (${d.downtime.openOutages} open)` : ''} · MTTR ${d.downtime.mttrMinutes === null ? '—' : `${d.downtime.mttrMinutes} min`} · ${d.downtime.minutes.quietPeriod} min in quiet period`}
      />
      <Kpi
        label="Start → sign-off"
        testId="kpi-duration"
        value={formatHours(d.startToSignOff.medianHours)}
        detail={`median · p90 ${formatHours(d.startToSignOff.p90Hours)} · ${d.startToSignOff.measured} ${d.startToSignOff.measured === 1 ? 'site' : 'sites'}`}
      />
    </SimpleGrid>
  );
}
