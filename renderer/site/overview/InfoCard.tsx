import { Group, Paper, Text } from '@mantine/core';

export function InfoCard({ icon, title, children }: { icon: React.ReactNode; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Group gap={6} mb={6} c="dimmed">
        {icon}
        <Text size="xs" fw={700} tt="uppercase">
          {title}
        </Text>
      </Group>
      {children}
    </Paper>
  );
}
