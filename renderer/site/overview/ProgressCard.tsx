import { Anchor, Group, Paper, RingProgress, Stack, Text } from '@mantine/core';
import type { Progress } from '../../../shared/domain/site';
import { percent } from '../../format/time';

interface Props {
  title: string;
  /** The link to the tab, e.g. "Open checklist". */
  openLabel: string;
  progress: Progress;
  color: string;
  onOpen: () => void;
  testId: string;
  footer?: React.ReactNode;
}

export function ProgressCard({ title, openLabel, progress, color, onOpen, testId, footer }: Props) {
  const pct = percent(progress.done, progress.total);
  return (
    <Paper withBorder p="sm">
      <Group gap="md" wrap="nowrap" align="center">
        <RingProgress
          size={84}
          thickness={8}
          roundCaps
          sections={[{ value: pct, color: pct === 100 ? 'teal' : color }]}
          label={
            <Text ta="center" size="sm" fw={700}>
              {pct}%
            </Text>
          }
        />
        <Stack gap={2}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {title}
          </Text>
          <Text fz={22} fw={700} data-testid={testId}>
            {progress.done}/{progress.total}
          </Text>
          <Anchor size="sm" component="button" onClick={onOpen} ta="left">
            {openLabel}
          </Anchor>
        </Stack>
      </Group>
      {footer && <div style={{ marginTop: 8 }}>{footer}</div>}
    </Paper>
  );
}
