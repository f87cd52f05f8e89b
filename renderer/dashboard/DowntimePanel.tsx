import { Badge, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { Dashboard } from '../../shared/contract/dashboard-methods';
import { Time } from '../format/Time';
import { useText } from '../i18n/i18n';

/** Downtime per incident: outage minutes per wave (before sign-off, in and after the quiet period) and the longest outages, times in each site's zone. */
export function DowntimePanel({ dashboard: d }: { dashboard: Dashboard }) {
  const text = useText();
  const t = d.downtime;
  const waveName = new Map(d.waves.map((w) => [w.waveId, w.name]));
  const zone = new Map(d.sites.map((s) => [s.id, s.timeZone]));
  return (
    <Paper withBorder p="sm" data-testid="dashboard-downtime">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          {text('dashboard.downtimePanel.downtime')}
        </Text>
        <Text size="xs" c="dimmed">
          {text('dashboard.downtimePanel.outagesRecordedOnIssues', { degradedMinutes: t.degradedMinutes })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Table striped withTableBorder fz="xs" data-testid="downtime-waves">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text('dashboard.downtimePanel.wave')}</Table.Th>
              <Table.Th ta="right">{text('dashboard.downtimePanel.outages')}</Table.Th>
              <Table.Th ta="right">{text('dashboard.downtimePanel.minutes')}</Table.Th>
              <Table.Th ta="right">{text('dashboard.downtimePanel.beforeSignOff')}</Table.Th>
              <Table.Th ta="right">{text('dashboard.downtimePanel.inQuietPeriod')}</Table.Th>
              <Table.Th ta="right">{text('dashboard.downtimePanel.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[
              ...t.byWave.map((w) => ({
                key: w.waveId ?? 'none',
                name: waveName.get(w.waveId) ?? text('dashboard.downtimePanel.noWave'),
                ...w,
              })),
              { key: 'total', name: text('dashboard.downtimePanel.total'), ...t.minutes, outages: t.outages },
            ].map((w) => (
              <Table.Tr key={w.key} data-testid="downtime-wave" data-wave={w.name}>
                <Table.Td fw={w.key === 'total' ? 700 : undefined}>{w.name}</Table.Td>
                <Table.Td ta="right">{w.outages}</Table.Td>
                <Table.Td ta="right" data-testid="downtime-wave-minutes">
                  {w.total}
                </Table.Td>
                <Table.Td ta="right">{w.beforeSignOff}</Table.Td>
                <Table.Td ta="right">{w.quietPeriod}</Table.Td>
                <Table.Td ta="right">{w.afterQuietPeriod}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Table striped withTableBorder fz="xs" data-testid="downtime-longest">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text('dashboard.downtimePanel.longestOutages')}</Table.Th>
              <Table.Th>{text('dashboard.downtimePanel.service')}</Table.Th>
              <Table.Th>{text('dashboard.downtimePanel.startedSiteTime')}</Table.Th>
              <Table.Th ta="right">{text('dashboard.downtimePanel.minutes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {t.longest.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4} c="dimmed">
                  {text('dashboard.downtimePanel.noOutageRecorded')}
                </Table.Td>
              </Table.Tr>
            )}
            {t.longest.map((o) => (
              <Table.Tr key={o.issueId} data-testid="downtime-outage">
                <Table.Td>
                  {o.siteCode} #{o.number} {o.title}
                </Table.Td>
                <Table.Td>{o.component ?? '—'}</Table.Td>
                <Table.Td>
                  <Time iso={o.startedAt} zone={zone.get(o.siteId) ?? 'UTC'} />
                </Table.Td>
                <Table.Td ta="right">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {o.endedAt === null && (
                      <Badge size="xs" color="red">
                        {text('dashboard.downtimePanel.open')}
                      </Badge>
                    )}
                    {o.minutes}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Paper>
  );
}
