import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import type { CheckJobHost, CheckRunSummary } from '../../../shared/domain/check-run';
import { Time } from '../../format/Time';
import { CountsText, OutcomeBadge } from './OutcomeBadge';
import { PHASE_PERCENT } from './outcome';
import { useText } from '../../i18n/i18n';

/** The machine Outpost runs on: its last check, or its progress while it is checked. */
export function ThisMachineCard({
  run,
  live,
  onDetail,
}: {
  run: CheckRunSummary | null;
  live: CheckJobHost | undefined;
  onDetail: (runId: string) => void;
}) {
  const t = useText();
  if (!run && !live) return null;
  return (
    <Paper withBorder p="xs" data-testid="this-machine">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {t('site.machines.thisMachineCard.thisMachine')}
        </Text>
        {live && live.phase !== 'done' ? (
          <Progress
            value={PHASE_PERCENT[live.phase]}
            animated
            size="sm"
            w={200}
            aria-label={t('site.machines.thisMachineCard.checkingThisMachine')}
            data-testid="host-progress"
          />
        ) : run ? (
          <Group gap="xs" wrap="nowrap">
            <OutcomeBadge outcome={run.outcome} counts={run.counts} />
            {run.outcome === 'completed' && <CountsText counts={run.counts} />}
            <Text size="xs" c="dimmed">
              <Time iso={run.finishedAt ?? run.startedAt} />
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => onDetail(run.id)} data-testid="open-this-machine-run">
              {t('site.machines.thisMachineCard.details')}
            </Button>
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}
