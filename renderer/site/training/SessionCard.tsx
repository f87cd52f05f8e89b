import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { TrainingSession } from '../../../shared/domain/training';
import { runCommand } from '../../api/command';
import { Time } from '../../format/Time';
import { useText } from '../../i18n/i18n';
import { AttendanceTable } from './AttendanceTable';
import type { SiteLanguage } from '../../../shared/i18n/languages';
import { AttendeeForm } from './AttendeeForm';
import { MaterialsPicker, type PickedMaterial } from './MaterialsPicker';

/** One session: what, when, who trained, its materials and its attendance list with the form to add to it. */
export function SessionCard({ session, language }: { session: TrainingSession; language: SiteLanguage }) {
  const t = useText();
  const [adding, setAdding] = useState(false);
  const signed = session.attendees.filter((a) => a.attendance === 'signed').length;

  // A material picked here is linked to the session at once.
  async function addMaterials(next: PickedMaterial[]) {
    const known = new Set(session.materials.map((m) => m.sha256));
    for (const m of next.filter((x) => !known.has(x.sha256))) {
      await runCommand(
        'training.addMaterial',
        { sessionId: session.id, sha256: m.sha256, name: m.name },
        {
          refresh: ['training'],
          errorTitle: t('site.training.sessionCard.notLinked'),
          success: t('site.training.sessionCard.added', { name: m.name }),
        },
      );
    }
  }

  return (
    <Paper withBorder p="sm" data-testid="training-session" data-topic={session.topic}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>{session.topic}</Text>
            <Text size="xs" c="dimmed">
              <Time iso={session.startsAt} /> ·{' '}
              {t('site.training.sessionCard.durationTrainer', { minutes: session.durationMinutes, trainer: session.trainer })}
            </Text>
          </div>
          <Group gap={6}>
            <Badge variant="light" color="green" data-testid="training-signed-count">
              {t('site.training.sessionCard.signed', { signed })}
            </Badge>
            <Badge variant="light" color="gray">
              {t('site.training.sessionCard.absent', { absent: session.attendees.length - signed })}
            </Badge>
          </Group>
        </Group>
        <Group gap="xs">
          <Text size="xs" fw={600}>
            {t('site.training.sessionCard.materials')}
          </Text>
          {session.materials.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('site.training.sessionCard.none')}
            </Text>
          ) : (
            session.materials.map((m) => (
              <Badge key={m.sha256} variant="outline" color="gray" tt="none" title={m.sha256}>
                {m.name}
              </Badge>
            ))
          )}
        </Group>
        <MaterialsPicker value={[]} onChange={(next) => void addMaterials(next)} />
        <AttendanceTable attendees={session.attendees} />
        <Group>
          <Button
            size="xs"
            variant={adding ? 'subtle' : 'light'}
            leftSection={<IconUserPlus size={14} />}
            onClick={() => setAdding((a) => !a)}
            data-testid="attendee-add"
          >
            {adding ? t('site.training.sessionCard.closeForm') : t('site.training.sessionCard.addAttendee')}
          </Button>
        </Group>
        {adding && <AttendeeForm sessionId={session.id} language={language} />}
      </Stack>
    </Paper>
  );
}
