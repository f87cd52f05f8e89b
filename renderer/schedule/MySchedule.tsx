import { Anchor, Badge, Group, List, Loader, Paper, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { MyScheduleSite } from '../../shared/contract/schedule-methods';
import { MyCalendarButton } from '../calendar/CalendarButtons';
import { useApiQuery } from '../api/useApiQuery';
import { formatWindow, viewerZone } from '../format/time';
import { QueryError } from '../shell/QueryError';
import { SiteStatusBadge } from '../status/StatusBadge';
import { groupByDay } from './schedule-days';
import { useText } from '../i18n/i18n';

function Readiness({ site }: { site: MyScheduleSite }) {
  const t = useText();
  if (site.prepared) {
    return (
      <Badge
        color="teal"
        variant="light"
        tt="none"
        leftSection={<IconCircleCheck size={12} />}
        data-testid="site-prepared"
        data-prepared="true"
      >
        {t('schedule.mySchedule.preparedForOfflineWork')}
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Badge
        color="orange"
        variant="light"
        tt="none"
        leftSection={<IconAlertTriangle size={12} />}
        data-testid="site-prepared"
        data-prepared="false"
      >
        {t('schedule.mySchedule.notPreparedForOffline')}
      </Badge>
      <List size="xs" c="dimmed">
        {site.missing.map((m) => (
          <List.Item key={m.kind}>{m.message}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function SiteEntry({ site, onOpenSite }: { site: MyScheduleSite; onOpenSite: (deploymentId: string, siteId: string) => void }) {
  const t = useText();
  const local = viewerZone();
  return (
    <Paper withBorder p="sm" data-testid="my-schedule-site" data-code={site.code}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap="xs">
            <Anchor component="button" type="button" fw={600} onClick={() => onOpenSite(site.deploymentId, site.siteId)}>
              {site.code} {site.name}
            </Anchor>
            <SiteStatusBadge status={site.status} size="sm" />
          </Group>
          <Text size="xs" c="dimmed">
            {site.deploymentName}
            {site.waveName ? ` · ${site.waveName}` : ''}
            {site.machineCount > 0 ? ` · ${t('schedule.mySchedule.machines', { count: site.machineCount })}` : ''}
          </Text>
          <Text size="sm" data-testid="window-site-time">
            {t('schedule.mySchedule.siteTime', { window: formatWindow(site.windowStart, site.windowEnd, site.timeZone) })}
          </Text>
          {site.windowStart && (
            <Tooltip label={t('schedule.mySchedule.theSameWindowIn')}>
              <Text size="sm" c="dimmed" data-testid="window-local-time">
                {t('schedule.mySchedule.yourTime', { window: formatWindow(site.windowStart, site.windowEnd, local) })}
              </Text>
            </Tooltip>
          )}
        </Stack>
        <Readiness site={site} />
      </Group>
    </Paper>
  );
}

/**
 * My schedule: the sites where this profile is a technician, across every deployment on this
 * device, by day in the viewer's zone; past sites hidden unless asked for.
 */
export function MySchedule({ onOpenSite }: { onOpenSite: (deploymentId: string, siteId: string) => void }) {
  const t = useText();
  const [includePast, setIncludePast] = useState(false);
  const mine = useApiQuery('schedule.mine', { includePast }, ['sites', 'machines', 'checklist', 'profile', 'deployments']);
  if (mine.error && !mine.data)
    return <QueryError title={t('schedule.mySchedule.scheduleNotAvailable')} error={mine.error} onRetry={mine.reload} />;
  if (!mine.data) return <Loader size="sm" m="md" />;
  const { sites, names, pastHidden } = mine.data;
  const days = groupByDay(sites, viewerZone());
  return (
    <Stack gap="md" data-testid="my-schedule">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {names.length > 0
            ? t('schedule.mySchedule.sitesWhereIsA', { names: names.join(' / ') })
            : t('schedule.mySchedule.chooseAProfileTo')}
        </Text>
        <Group gap="sm">
          <MyCalendarButton />
          <Switch
            label={
              !includePast && pastHidden > 0
                ? t('schedule.mySchedule.showPastSitesHidden', { hidden: pastHidden })
                : t('schedule.mySchedule.showPastSites')
            }
            checked={includePast}
            onChange={(e) => setIncludePast(e.currentTarget.checked)}
            data-testid="my-schedule-past"
          />
        </Group>
      </Group>
      {days.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="my-schedule-empty">
          {includePast ? t('schedule.mySchedule.noSites') : t('schedule.mySchedule.noUpcomingSites')}
        </Text>
      )}
      {days.map((day) => (
        <Stack key={day.key || 'none'} gap="xs" data-testid="my-schedule-day" data-day={day.key}>
          <Title order={5}>{day.label}</Title>
          {day.sites.map((site) => (
            <SiteEntry key={site.siteId} site={site} onOpenSite={onOpenSite} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
