import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import type { Dashboard } from '../../shared/contract/dashboard-methods';
import {
  adherenceOption,
  categoryBarsOption,
  checksOption,
  durationOption,
  inventoryOption,
  outcomesOption,
  severityDonutOption,
  statusByWaveOption,
} from './chart-options';
import { EChart } from './EChart';
import { formatHours } from './format-hours';

function Card({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={600} size="sm">
        {title}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** The dashboard's charts, each built once per dashboard value. */
export function DashboardCharts({ dashboard: d }: { dashboard: Dashboard }) {
  const options = useMemo(
    () => ({
      status: statusByWaveOption(d),
      outcomes: outcomesOption(d),
      adherence: adherenceOption(d),
      severity: severityDonutOption(d),
      category: categoryBarsOption(d),
      checks: checksOption(d),
      duration: durationOption(d),
      inventory: inventoryOption(d),
    }),
    [d],
  );
  const s = d.startToSignOff;
  const inv = d.inventory;
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm" data-testid="dashboard-charts">
      <Card title="Sites by status per wave">
        <EChart option={options.status} height={240} testId="chart-status-by-wave" label="Stacked bars of site status per wave" />
      </Card>
      <Card title="Schedule adherence" note="Signed off before the window (early), within it, late; overdue, in window now, upcoming">
        <EChart option={options.adherence} height={224} testId="chart-adherence" label="Schedule adherence per wave" />
      </Card>
      <Card title="Successful deployments vs rollbacks" note="Successful: signed off and never rolled back">
        <EChart option={options.outcomes} height={224} testId="chart-outcomes" label="Successful and rolled back sites per wave" />
      </Card>
      <Card title="Issues by severity" note={`${d.issues.quietPeriod.total} opened in the quiet period (${d.quietPeriodDays} days after sign-off)`}>
        <EChart option={options.severity} height={224} testId="chart-severity" label="Donut of issues by severity" />
      </Card>
      <Card title="Issues by category">
        <EChart option={options.category} height={240} testId="chart-category" label="Bars of issues by category" />
      </Card>
      <Card title="Checks: latest run per target" note="Per wave: passed, failed, could not check, not checked">
        <EChart option={options.checks} height={224} testId="chart-checks" label="Check results per wave" />
      </Card>
      <Card
        title="Time from site start to sign-off"
        note={s.measured === 0 ? 'No signed-off site with a recorded start yet' : `Median ${formatHours(s.medianHours)} · p90 ${formatHours(s.p90Hours)} · ${s.measured} ${s.measured === 1 ? 'site' : 'sites'}`}
      >
        <EChart option={options.duration} height={224} testId="chart-duration" label="Histogram of start to sign-off time" />
      </Card>
      <Card title="Inventory discrepancies" note={`${inv.received} of ${inv.expected} expected items received`}>
        <EChart option={options.inventory} height={224} testId="chart-inventory" label="Bars of missing, damaged and surplus items" />
      </Card>
    </SimpleGrid>
  );
}
