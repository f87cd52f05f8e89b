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
import { useText } from '../i18n/i18n';

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
  const t = useText();
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
      <Card title={t('dashboard.dashboardCharts.sitesByStatusPer')}>
        <EChart
          option={options.status}
          height={240}
          testId="chart-status-by-wave"
          label={t('dashboard.dashboardCharts.stackedBarsOfSite')}
        />
      </Card>
      <Card title={t('dashboard.dashboardCharts.scheduleAdherence')} note={t('dashboard.dashboardCharts.signedOffBeforeThe')}>
        <EChart
          option={options.adherence}
          height={224}
          testId="chart-adherence"
          label={t('dashboard.dashboardCharts.scheduleAdherencePerWave')}
        />
      </Card>
      <Card
        title={t('dashboard.dashboardCharts.successfulDeploymentsVsRollbacks')}
        note={t('dashboard.dashboardCharts.successfulSignedOffAnd')}
      >
        <EChart
          option={options.outcomes}
          height={224}
          testId="chart-outcomes"
          label={t('dashboard.dashboardCharts.successfulAndRolledBack')}
        />
      </Card>
      <Card
        title={t('dashboard.dashboardCharts.issuesBySeverity')}
        note={t('dashboard.dashboardCharts.openedInTheQuiet', { total: d.issues.quietPeriod.total, quietPeriodDays: d.quietPeriodDays })}
      >
        <EChart option={options.severity} height={224} testId="chart-severity" label={t('dashboard.dashboardCharts.donutOfIssuesBy')} />
      </Card>
      <Card title={t('dashboard.dashboardCharts.issuesByCategory')}>
        <EChart option={options.category} height={240} testId="chart-category" label={t('dashboard.dashboardCharts.barsOfIssuesBy')} />
      </Card>
      <Card title={t('dashboard.dashboardCharts.checksLatestRunPer')} note={t('dashboard.dashboardCharts.perWavePassedFailed')}>
        <EChart option={options.checks} height={224} testId="chart-checks" label={t('dashboard.dashboardCharts.checkResultsPerWave')} />
      </Card>
      <Card
        title={t('dashboard.dashboardCharts.timeFromSiteStart')}
        note={
          s.measured === 0
            ? t('dashboard.dashboardCharts.noSignedOffSite')
            : t('dashboard.dashboardCharts.durationNote', {
                median: formatHours(s.medianHours),
                p90: formatHours(s.p90Hours),
                count: s.measured,
              })
        }
      >
        <EChart option={options.duration} height={224} testId="chart-duration" label={t('dashboard.dashboardCharts.histogramOfStartTo')} />
      </Card>
      <Card
        title={t('dashboard.dashboardCharts.inventoryDiscrepancies')}
        note={t('dashboard.dashboardCharts.ofExpectedItemsReceived', { received: inv.received, expected: inv.expected })}
      >
        <EChart
          option={options.inventory}
          height={224}
          testId="chart-inventory"
          label={t('dashboard.dashboardCharts.barsOfMissingDamaged')}
        />
      </Card>
    </SimpleGrid>
  );
}
