import { Badge, Group, Text } from '@mantine/core';
import type { CheckCounts, CheckOutcome } from '../../../shared/domain/check-run';
import { OUTCOME } from './outcome';

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
  return (
    <Group gap={8} wrap="nowrap" data-testid="run-counts">
      <Text size="sm" c="teal" fw={600}>
        {counts.pass} pass
      </Text>
      <Text size="sm" c={counts.fail ? 'red' : 'dimmed'} fw={counts.fail ? 600 : 400}>
        {counts.fail} fail
      </Text>
      {counts.error > 0 && (
        <Text size="sm" c="orange">
          {counts.error} error
        </Text>
      )}
      {counts.skipped > 0 && (
        <Text size="sm" c="dimmed">
          {counts.skipped} skipped
        </Text>
      )}
    </Group>
  );
}
