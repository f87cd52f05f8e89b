import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Wave } from '../../../shared/domain/deployment';
import type { SiteSummary } from '../../../shared/domain/site';
import { useMutation } from '../../api/useMutation';
import { localTimeZone, wallTimeToIso } from '../../format/zoned';
import { isoToWallTime } from './wall-time';
import { PilotBadge } from '../PilotBadge';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const refresh = { refresh: ['deployments' as const, 'sites' as const] };

function WaveRow({ wave, siteCount }: { wave: Wave; siteCount: number }) {
  const t = useText();
  const zone = localTimeZone();
  const [name, setName] = useState(wave.name);
  const [start, setStart] = useState(isoToWallTime(wave.startsAt, zone));
  const [end, setEnd] = useState(isoToWallTime(wave.endsAt, zone));
  const { run, pending, fieldErrors } = useMutation({ fields: ['name', 'startsAt', 'endsAt'] });
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end" data-testid="wave-row">
      <Text size="sm" fw={600} w={24}>
        {wave.sequence}.
      </Text>
      <TextInput
        size="xs"
        label={t('deployment.authoring.wavesEditorModal.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        flex={1}
        error={fieldErrors.name}
      />
      <TextInput
        size="xs"
        label={t('deployment.authoring.wavesEditorModal.starts')}
        type="datetime-local"
        value={start}
        onChange={(e) => setStart(e.currentTarget.value)}
        error={fieldErrors.startsAt}
      />
      <TextInput
        size="xs"
        label={t('deployment.authoring.wavesEditorModal.ends')}
        type="datetime-local"
        value={end}
        onChange={(e) => setEnd(e.currentTarget.value)}
        error={fieldErrors.endsAt}
        data-testid="wave-ends"
      />
      {wave.isPilot && <PilotBadge mb={6} />}
      <Tooltip label={t('deployment.authoring.wavesEditorModal.saveWave')}>
        <ActionIcon
          variant="default"
          mb={2}
          aria-label={t('deployment.authoring.wavesEditorModal.saveWave2', { name: wave.name })}
          loading={pending}
          onClick={() =>
            void run(
              'waves.update',
              { waveId: wave.id, name, startsAt: wallTimeToIso(start, zone), endsAt: wallTimeToIso(end, zone) },
              { ...refresh, success: t('deployment.authoring.wavesEditorModal.waveSaved') },
            )
          }
        >
          <IconDeviceFloppy size={14} />
        </ActionIcon>
      </Tooltip>
      <Tooltip
        label={
          siteCount > 0
            ? t('deployment.authoring.wavesEditorModal.siteSInThis', { siteCount })
            : t('deployment.authoring.wavesEditorModal.deleteWave')
        }
      >
        <ActionIcon
          variant="default"
          color="red"
          mb={2}
          disabled={siteCount > 0}
          aria-label={t('deployment.authoring.wavesEditorModal.deleteWave2', { name: wave.name })}
          onClick={() =>
            void run('waves.delete', { waveId: wave.id }, { ...refresh, success: t('deployment.authoring.wavesEditorModal.waveDeleted') })
          }
        >
          <IconTrash size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** Waves in rollout order; the first is the pilot. A wave with sites cannot be deleted. */
export function WavesEditorModal({
  deploymentId,
  waves,
  sites,
  opened,
  onClose,
}: {
  deploymentId: string;
  waves: readonly Wave[];
  sites: readonly SiteSummary[];
  opened: boolean;
  onClose: () => void;
}) {
  const t = useText();
  const [name, setName] = useState('');
  const ordered = [...waves].sort((a, b) => a.sequence - b.sequence);
  const { run, pending, fieldErrors } = useMutation({ fields: ['name'] });
  async function add() {
    const wave = await run(
      'waves.create',
      { deploymentId, name },
      { ...refresh, success: appText('deployment.authoring.wavesEditorModal.waveAdded') },
    );
    if (wave) setName('');
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('deployment.authoring.wavesEditorModal.waves')} size="xl">
      <Stack gap="sm" data-testid="waves-editor">
        {ordered.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('deployment.authoring.wavesEditorModal.noWavesYetThe')}
          </Text>
        )}
        {ordered.map((w) => (
          <WaveRow key={`${w.id}-${w.updatedAt}`} wave={w} siteCount={sites.filter((s) => s.waveId === w.id).length} />
        ))}
        <Group gap="xs" align="flex-end">
          <TextInput
            size="xs"
            label={
              ordered.length === 0
                ? t('deployment.authoring.wavesEditorModal.pilotWaveName')
                : t('deployment.authoring.wavesEditorModal.newWaveName')
            }
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            flex={1}
            error={fieldErrors.name}
            data-testid="new-wave-name"
          />
          <Button size="xs" loading={pending} disabled={!name.trim()} onClick={() => void add()} data-testid="add-wave">
            {t('deployment.authoring.wavesEditorModal.addWave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
