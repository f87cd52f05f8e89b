import { Group, Paper, Progress, SimpleGrid, Text } from '@mantine/core';
import type { Wave } from '../../shared/domain/deployment';
import type { SiteSummary } from '../../shared/domain/site';
import { formatDate, percent } from '../format/time';
import { WaveScheduleButton } from '../schedule/WaveScheduleButton';
import { PilotBadge } from './PilotBadge';
import { useText } from '../i18n/i18n';

/** One card per wave in rollout order: window, sites and how many are deployed. */
export function WaveCards({ waves, sites }: { waves: readonly Wave[]; sites: readonly SiteSummary[] }) {
  const t = useText();
  const ordered = [...waves].sort((a, b) => a.sequence - b.sequence);
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" data-testid="wave-cards">
      {ordered.map((wave) => {
        const inWave = sites.filter((s) => s.waveId === wave.id);
        const deployed = inWave.filter((s) => s.status === 'deployed' || s.status === 'signed_off').length;
        return (
          <Paper key={wave.id} withBorder p="sm">
            <Group justify="space-between" gap={4} wrap="nowrap">
              <Text fw={600} size="sm" truncate>
                {wave.sequence}. {wave.name}
              </Text>
              {wave.isPilot && <PilotBadge />}
            </Group>
            <Text size="xs" c="dimmed" mt={2}>
              {wave.startsAt || wave.endsAt
                ? `${formatDate(wave.startsAt)} → ${formatDate(wave.endsAt)}`
                : t('deployment.waveCards.noWindowSet')}
            </Text>
            <Group justify="space-between" mt={8} mb={4}>
              <Text size="xs">{t('deployment.waveCards.sitesDeployed', { deployed, sites: inWave.length })}</Text>
              <Text size="xs" c="dimmed">
                {percent(deployed, inWave.length)}%
              </Text>
            </Group>
            <Progress
              value={percent(deployed, inWave.length)}
              size="sm"
              color="teal"
              aria-label={t('deployment.waveCards.sitesDeployed2', { name: wave.name })}
            />
            <WaveScheduleButton waveId={wave.id} waveName={wave.name} />
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
