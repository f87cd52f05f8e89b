import { Stack, Text } from '@mantine/core';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { Time } from '../../format/Time';
import { AttendanceTable } from '../../site/training/AttendanceTable';
import { ReportSection } from './ReportSection';
import { useText } from '../../i18n/i18n';

/** Training sessions with their attendance lists (APQC 8.6.5.1). */
export function ReportTraining({ training, timeZone }: { training: SiteReport['training']; timeZone: string }) {
  const t = useText();
  return (
    <ReportSection title={t('siteReport.sections.reportTraining.trainingAndAttendance')} testId="report-training">
      {training.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('siteReport.sections.reportTraining.noTrainingSessionRecorded')}
        </Text>
      ) : (
        <Stack gap="sm">
          {training.map((s) => (
            <div key={s.id} data-testid="report-training-session">
              <Text size="sm" fw={600}>
                {s.topic}
              </Text>
              <Text size="xs" c="dimmed" mb={4}>
                <Time iso={s.startsAt} zone={timeZone} />{' '}
                {t('siteReport.sections.reportTraining.minTrainer', { durationMinutes: s.durationMinutes, trainer: s.trainer })}
                {s.materials.length > 0 &&
                  t('siteReport.sections.reportTraining.materials', { materials: s.materials.map((m) => m.name).join(', ') })}
              </Text>
              <AttendanceTable attendees={s.attendees} />
            </div>
          ))}
        </Stack>
      )}
    </ReportSection>
  );
}
