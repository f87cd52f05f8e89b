import { Badge, Group, Text } from '@mantine/core';
import type { CheckCounts, CheckOutcome } from '../../../shared/domain/check-run';
import { OUTCOME } from './outcome';
import { useText } from '../../i18n/i18n';

/** A run's outcome, and for a completed run whether everything passed. */
export function OutcomeBadge({ outcome, counts }: { outcome: CheckOutcome; counts: CheckCounts | null }) {
  const failed = counts !== null && counts.fail + counts.error > 0;
  const o = OUTCOME[outcome];
  const label = outcome === 'completed' ? (failed ? 'Failed' : 'Passed') : o.label;
  const color = outcome === 'completed' ? (failed ? 'red' : 'teal') : o.color;
  return (
    <Badge color={color} variant="light" tt="none" data-testid="outcome-badge" data-outcome={outcome}>
      {label}
    </Badge>
  );
}

export function CountsText({ counts }: { counts: CheckCounts }) {
  const t = useText();
  return (
    <Group gap={8} wrap="nowrap" data-testid="run-counts">
      <Text size="sm" c="teal" fw={600}>
        {t('site.machines.outcomeBadge.pass', { pass: counts.pass })}
      </Text>
      <Text size="sm" c={counts.fail ? 'red' : 'dimmed'} fw={counts.fail ? 600 : 400}>
        {t('site.machines.outcomeBadge.fail', { fail: counts.fail })}
      </Text>
      {counts.error > 0 && (
        <Text size="sm" c="orange">
          {t('site.machines.outcomeBadge.error', { error: counts.error })}
        </Text>
      )}
      {counts.skipped > 0 && (
        <Text size="sm" c="dimmed">
          {t('site.machines.outcomeBadge.skipped', { skipped: counts.skipped })}
        </Text>
      )}
    </Group>
  );
}
