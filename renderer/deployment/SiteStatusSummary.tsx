import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { SiteStatus } from '../../shared/domain/enums';
import { siteStatusSchema } from '../../shared/domain/enums';
import type { SiteSummary } from '../../shared/domain/site';
import { percent } from '../format/time';
import { SITE_STATUS } from '../status/labels';
import { useText } from '../i18n/i18n';

const DONE: readonly SiteStatus[] = ['deployed', 'signed_off'];

/** Sites deployed of planned, and how many sites are in each status, as one segmented bar. */
export function SiteStatusSummary({ sites }: { sites: readonly SiteSummary[] }) {
  const t = useText();
  const counts = new Map<SiteStatus, number>();
  for (const s of sites) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  const total = sites.length;
  const deployed = sites.filter((s) => DONE.includes(s.status)).length;
  const statuses = siteStatusSchema.options.filter((s) => (counts.get(s) ?? 0) > 0);

  return (
    <Paper withBorder p="sm">
      <Stack gap={8}>
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {t('deployment.siteStatusSummary.ofSitesDeployed', { deployed, total })}
          </Text>
          <Text size="sm" c="dimmed">
            {percent(deployed, total)}%
          </Text>
        </Group>
        <Progress.Root size={10}>
          {statuses.map((s) => (
            <Progress.Section
              key={s}
              value={(100 * (counts.get(s) ?? 0)) / Math.max(total, 1)}
              color={SITE_STATUS[s].color}
              aria-label={t('deployment.siteStatusSummary.ofSites', { label: SITE_STATUS[s].label, sites: counts.get(s) ?? 0, total })}
            />
          ))}
        </Progress.Root>
        <Group gap="md">
          {statuses.map((s) => (
            <Group key={s} gap={6}>
              <div style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${SITE_STATUS[s].color}-filled)` }} />
              <Text size="xs">
                {SITE_STATUS[s].label} <b>{counts.get(s)}</b>
              </Text>
            </Group>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
