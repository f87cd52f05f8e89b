import { Button, Group, Loader, Paper, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../api/useApiQuery';
import { DeploymentCalendarButton } from '../calendar/CalendarButtons';
import { CloseoutButton } from '../closeout/CloseoutButton';
import { DashboardButton } from '../dashboard/DashboardButton';
import { ScheduleWarningsPanel } from '../schedule/ScheduleWarningsPanel';
import { QueryError } from '../shell/QueryError';
import { PublishButton } from '../sync/PublishButton';
import { DeploymentStatusBadge } from '../status/StatusBadge';
import { AddSiteModal } from './AddSiteModal';
import { DeploymentAuthoringButtons } from './authoring/DeploymentAuthoringButtons';
import { ComponentsTable } from './ComponentsTable';
import { DeploymentInventorySearch } from './DeploymentInventorySearch';
import { RequirementsPanel } from './requirements/RequirementsPanel';
import { SiteStatusSummary } from './SiteStatusSummary';
import { SitesTable } from './SitesTable';
import { ExportTemplateButton } from './template/ExportTemplateButton';
import { ImportTargetsButton } from './target-import/ImportTargetsButton';
import { WaveCards } from './WaveCards';
import { useText } from '../i18n/i18n';

/** The deployment as a whole: waves, sites and what is being deployed. */
export function DeploymentOverview({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const detail = useApiQuery('deployments.get', { deploymentId }, ['deployments']);
  const sites = useApiQuery('sites.list', { deploymentId }, ['sites']);
  const [adding, setAdding] = useState(false);

  if (detail.error && !detail.data) {
    return (
      <QueryError m="md" title={t('deployment.deploymentOverview.deploymentNotAvailable')} error={detail.error} onRetry={detail.reload} />
    );
  }
  if (!detail.data) return <Loader size="sm" m="xl" />;

  const { deployment, waves, components } = detail.data;
  const siteList = sites.data ?? [];

  return (
    <ScrollArea flex={1} type="auto" data-testid="deployment-overview">
      <Stack gap="md" p="md" maw={1400}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div style={{ flex: '1 1 360px', minWidth: 0 }}>
            <Group gap="xs">
              <Title order={3}>{deployment.name}</Title>
              {deployment.version && (
                <Text c="dimmed" fw={500}>
                  v{deployment.version}
                </Text>
              )}
              <DeploymentStatusBadge status={deployment.status} />
              <PublishButton deploymentId={deployment.id} />
            </Group>
            {deployment.description && (
              <Text size="sm" c="dimmed" mt={4} maw={800}>
                {deployment.description}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {t('deployment.deploymentOverview.quietPeriodDaysSites', {
                quietPeriodDays: deployment.quietPeriodDays,
                sites: siteList.length,
                waves: waves.length,
              })}
            </Text>
          </div>
          <Group gap="xs" wrap="wrap" justify="flex-end">
            <DashboardButton deploymentId={deployment.id} />
            <DeploymentAuthoringButtons deployment={deployment} waves={waves} sites={siteList} components={components} />
            <ImportTargetsButton deploymentId={deployment.id} sites={siteList} />
            <CloseoutButton deploymentId={deploymentId} />
            <DeploymentCalendarButton deploymentId={deploymentId} />
            <ExportTemplateButton deploymentId={deploymentId} />
            <Button leftSection={<IconPlus size={14} />} variant="default" onClick={() => setAdding(true)} data-testid="add-site">
              {t('deployment.deploymentOverview.addSite')}
            </Button>
          </Group>
        </Group>

        <SiteStatusSummary sites={siteList} />

        {waves.length > 0 && <WaveCards waves={waves} sites={siteList} />}

        <ScheduleWarningsPanel deploymentId={deploymentId} />

        <DeploymentInventorySearch deploymentId={deploymentId} />

        <Paper withBorder>
          <Group px="sm" py={8} justify="space-between">
            <Text fw={600} size="sm">
              {t('deployment.deploymentOverview.sites')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('deployment.deploymentOverview.clickASiteTo')}
            </Text>
          </Group>
          <SitesTable deploymentId={deploymentId} sites={siteList} waves={waves} />
        </Paper>

        {components.length > 0 && (
          <SimpleGrid cols={1}>
            <Paper withBorder>
              <Text fw={600} size="sm" px="sm" py={8}>
                {t('deployment.deploymentOverview.components')}
              </Text>
              <ComponentsTable components={components} />
            </Paper>
          </SimpleGrid>
        )}

        <RequirementsPanel deploymentId={deploymentId} siteIds={siteList.map((s) => s.id)} />
      </Stack>
      <AddSiteModal opened={adding} onClose={() => setAdding(false)} deploymentId={deploymentId} waves={waves} />
    </ScrollArea>
  );
}
