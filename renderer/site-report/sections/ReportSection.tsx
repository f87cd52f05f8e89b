import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from '../SiteReport.module.css';

/** One titled block of the report; kept on one printed page where it fits. */
export function ReportSection({ title, testId, children, note }: { title: string; testId: string; children: ReactNode; note?: string }) {
  return (
    <Paper withBorder p="sm" className={classes.section} data-testid={testId}>
      <Title order={5} mb={4}>
        {title}
      </Title>
      {note && (
        <Text size="xs" c="dimmed" mb={6}>
          {note}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** "—" for an empty value. */
export const dash = (value: string | null | undefined) => (value === null || value === undefined || value === '' ? '—' : value);
