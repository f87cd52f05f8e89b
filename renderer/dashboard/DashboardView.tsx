import { ActionIcon, Button, Group, Loader, Paper, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { WaveFigures } from '../../shared/contract/dashboard-methods';
import { CloseoutButton } from '../closeout/CloseoutButton';
import { formatDateTime } from '../format/time';
import { QueryError } from '../shell/QueryError';
import { useNavigation } from '../state/navigation';
import { useProfile } from '../state/profile';
import { DashboardCharts } from './DashboardCharts';
import { useDashboard } from './dashboard-data';
import { DecideWaveModal } from './DecideWaveModal';
import { DowntimePanel } from './DowntimePanel';
import { KpiCards } from './KpiCards';
import { SiteTable } from './SiteTable';
import { WaveDecisions } from './WaveDecisions';
import { isManagerRole } from '../../shared/domain/role-access';
import { useText } from '../i18n/i18n';

/** A deployment's dashboard for release managers: figures, charts, wave decisions and every site. */
export function DashboardView({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const dashboard = useDashboard(deploymentId);
  const selectDeployment = useNavigation((s) => s.selectDeployment);
  const role = useProfile((s) => s.profile?.role);
  const [deciding, setDeciding] = useState<WaveFigures | null>(null);

  if (dashboard.error && !dashboard.data) {
    return (
      <QueryError m="md" title={t('dashboard.dashboardView.dashboardNotAvailable')} error={dashboard.error} onRetry={dashboard.reload} />
    );
  }
  const d = dashboard.data;
  return (
    <ScrollArea flex={1} type="auto" data-testid="dashboard-view">
      <Stack gap="md" p="md" maw={1600}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={t('dashboard.dashboardView.backToTheDeployment')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => selectDeployment(deploymentId)}
                aria-label={t('dashboard.dashboardView.backToTheDeployment')}
                data-testid="dashboard-back"
              >
                <IconArrowLeft size={18} />
              </ActionIcon>
            </Tooltip>
            <div>
              <Title order={3}>
                {t('dashboard.dashboardView.dashboard')}
                {d ? ` — ${d.name}` : ''}
              </Title>
              {d && (
                <Text size="xs" c="dimmed">
                  {t('dashboard.dashboardView.fromTheDataOn', {
                    generatedAt: formatDateTime(d.generatedAt),
                    quietPeriodDays: d.quietPeriodDays,
                  })}
                </Text>
              )}
            </div>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <CloseoutButton deploymentId={deploymentId} />
            <Button
              variant="default"
              size="xs"
              leftSection={<IconRefresh size={14} />}
              loading={dashboard.loading && !!d}
              onClick={dashboard.reload}
            >
              {t('dashboard.dashboardView.refresh')}
            </Button>
          </Group>
        </Group>
        {!d ? (
          <Loader size="sm" m="xl" />
        ) : (
          <>
            <KpiCards dashboard={d} />
            <DashboardCharts dashboard={d} />
            <DowntimePanel dashboard={d} />
            <WaveDecisions dashboard={d} canDecide={isManagerRole(role)} onDecide={setDeciding} />
            <Paper withBorder p="sm">
              <Group justify="space-between" mb="xs">
                <Text fw={600} size="sm">
                  {t('dashboard.dashboardView.sites')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('dashboard.dashboardView.clickASiteTo')}
                </Text>
              </Group>
              <SiteTable dashboard={d} />
            </Paper>
            <DecideWaveModal
              key={deciding?.waveId ?? 'none'}
              dashboard={d}
              wave={deciding}
              onClose={() => setDeciding(null)}
              onDecided={() => {
                setDeciding(null);
                dashboard.reload();
              }}
            />
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}
