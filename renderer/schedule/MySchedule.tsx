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

function Readiness({ site }: { site: MyScheduleSite }) {
  if (site.prepared) {
    return (
      <Badge color="teal" variant="light" tt="none" leftSection={<IconCircleCheck size={12} />} data-testid="site-prepared" data-prepared="true">
        Prepared for offline work
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Badge color="orange" variant="light" tt="none" leftSection={<IconAlertTriangle size={12} />} data-testid="site-prepared" data-prepared="false">
        Not prepared for offline work
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
            {site.machineCount > 0 ? ` · ${site.machineCount} machine${site.machineCount === 1 ? '' : 's'}` : ''}
          </Text>
          <Text size="sm" data-testid="window-site-time">
            Site time: {formatWindow(site.windowStart, site.windowEnd, site.timeZone)}
          </Text>
          {site.windowStart && (
            <Tooltip label="The same window in this computer's time zone">
              <Text size="sm" c="dimmed" data-testid="window-local-time">
                Your time: {formatWindow(site.windowStart, site.windowEnd, local)}
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
  const [includePast, setIncludePast] = useState(false);
  const mine = useApiQuery('schedule.mine', { includePast }, ['sites', 'machines', 'checklist', 'profile', 'deployments']);
  if (mine.error && !mine.data) return <QueryError title="Schedule not available" error={mine.error} onRetry={mine.reload} />;
  if (!mine.data) return <Loader size="sm" m="md" />;
  const { sites, names, pastHidden } = mine.data;
  const days = groupByDay(sites, viewerZone());
  return (
    <Stack gap="md" data-testid="my-schedule">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {names.length > 0 ? `Sites where ${names.join(' / ')} is a technician, across every deployment on this device.` : 'Choose a profile to see your sites.'}
        </Text>
        <Group gap="sm">
          <MyCalendarButton />
          <Switch
            label={`Show past sites${!includePast && pastHidden > 0 ? ` (${pastHidden})` : ''}`}
            checked={includePast}
            onChange={(e) => setIncludePast(e.currentTarget.checked)}
            data-testid="my-schedule-past"
          />
        </Group>
      </Group>
      {days.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="my-schedule-empty">
          No {includePast ? '' : 'upcoming '}sites for you.
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
