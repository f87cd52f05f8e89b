import { Stack, Text } from '@mantine/core';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { Time } from '../../format/Time';
import { AttendanceTable } from '../../site/training/AttendanceTable';
import { ReportSection } from './ReportSection';

/** Training sessions with their attendance lists (APQC 8.6.5.1). */
export function ReportTraining({ training, timeZone }: { training: SiteReport['training']; timeZone: string }) {
  return (
    <ReportSection title="Training and attendance" testId="report-training">
      {training.length === 0 ? (
        <Text size="sm" c="dimmed">
          No training session recorded.
        </Text>
      ) : (
        <Stack gap="sm">
          {training.map((s) => (
            <div key={s.id} data-testid="report-training-session">
              <Text size="sm" fw={600}>
                {s.topic}
              </Text>
              <Text size="xs" c="dimmed" mb={4}>
                <Time iso={s.startsAt} zone={timeZone} /> · {s.durationMinutes} min · trainer {s.trainer}
                {s.materials.length > 0 && ` · materials: ${s.materials.map((m) => m.name).join(', ')}`}
              </Text>
              <AttendanceTable attendees={s.attendees} />
            </div>
          ))}
        </Stack>
      )}
    </ReportSection>
  );
}
