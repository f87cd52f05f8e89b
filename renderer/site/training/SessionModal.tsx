import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { TRAINING_MAX_MINUTES } from '../../../shared/domain/training';
import { runCommand } from '../../api/command';
import { showSuccess } from '../../api/notify';
import { useMutation } from '../../api/useMutation';
import { useDisplayZone } from '../../format/Time';
import { useText } from '../../i18n/i18n';
import { wallTimeToIso } from '../../format/zoned';
import { MaterialsPicker, type PickedMaterial } from './MaterialsPicker';
import { SiteTimeInput } from '../../format/SiteTimeInput';

const FIELDS = ['topic', 'trainer', 'startsAt', 'durationMinutes'] as const;

interface Draft {
  topic: string;
  trainer: string;
  /** datetime-local value in the site's zone. */
  start: string;
  durationMinutes: number | '';
  materials: PickedMaterial[];
}

const empty = (): Draft => ({ topic: '', trainer: '', start: '', durationMinutes: 60, materials: [] });

/** Records a training session: topic, trainer, start in site time, duration and materials. */
export function SessionModal({ siteId, opened, onClose }: { siteId: string; opened: boolean; onClose: () => void }) {
  const t = useText();
  const zone = useDisplayZone();
  const [draft, setDraft] = useState<Draft>(empty);
  const mutation = useMutation({ fields: FIELDS });
  const startsAt = wallTimeToIso(draft.start, zone);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const ready = draft.topic.trim() !== '' && draft.trainer.trim() !== '' && startsAt !== null && typeof draft.durationMinutes === 'number';

  const close = () => {
    mutation.clearFieldErrors();
    onClose();
  };

  async function submit() {
    if (!ready || startsAt === null || typeof draft.durationMinutes !== 'number') return;
    const session = await mutation.run(
      'training.createSession',
      { siteId, topic: draft.topic.trim(), trainer: draft.trainer.trim(), startsAt, durationMinutes: draft.durationMinutes },
      { errorTitle: t('site.training.sessionModal.notRecorded'), refresh: ['training'] },
    );
    if (!session) return;
    for (const m of draft.materials) {
      await runCommand(
        'training.addMaterial',
        { sessionId: session.id, sha256: m.sha256, name: m.name },
        { errorTitle: t('site.training.sessionModal.notLinked'), refresh: ['training'] },
      );
    }
    showSuccess(t('site.training.sessionModal.recorded'));
    setDraft(empty());
    close();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('site.training.sessionModal.title')} size="lg">
      <Stack gap="sm" data-testid="training-session-form">
        <TextInput
          label={t('site.training.sessionModal.topic')}
          required
          maxLength={200}
          value={draft.topic}
          error={mutation.fieldErrors.topic}
          onChange={(e) => set({ topic: e.currentTarget.value })}
          data-autofocus
          data-testid="training-topic"
        />
        <TextInput
          label={t('site.training.sessionModal.trainer')}
          required
          maxLength={200}
          value={draft.trainer}
          error={mutation.fieldErrors.trainer}
          onChange={(e) => set({ trainer: e.currentTarget.value })}
          data-testid="training-trainer"
        />
        <SimpleGrid cols={2} spacing="sm">
          <SiteTimeInput
            label={t('site.training.sessionModal.start')}
            zone={zone}
            required
            value={draft.start}
            error={mutation.fieldErrors.startsAt}
            onChange={(e) => set({ start: e.currentTarget.value })}
            data-testid="training-start"
          />
          <NumberInput
            label={t('site.training.sessionModal.duration')}
            required
            min={1}
            max={TRAINING_MAX_MINUTES}
            value={draft.durationMinutes}
            error={mutation.fieldErrors.durationMinutes}
            onChange={(v) => set({ durationMinutes: typeof v === 'number' ? v : '' })}
            data-testid="training-duration"
          />
        </SimpleGrid>
        <MaterialsPicker value={draft.materials} onChange={(materials) => set({ materials })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!ready} loading={mutation.pending} onClick={() => void submit()} data-testid="training-session-submit">
            {t('site.training.sessionModal.record')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
