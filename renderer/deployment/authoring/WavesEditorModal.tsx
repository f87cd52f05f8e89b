import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Wave } from '../../../shared/domain/deployment';
import type { SiteSummary } from '../../../shared/domain/site';
import { useMutation } from '../../api/useMutation';
import { localTimeZone, wallTimeToIso } from '../../format/zoned';
import { isoToWallTime } from './wall-time';
import { PilotBadge } from '../PilotBadge';

const refresh = { refresh: ['deployments' as const, 'sites' as const] };

function WaveRow({ wave, siteCount }: { wave: Wave; siteCount: number }) {
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
      <TextInput size="xs" label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} flex={1} error={fieldErrors.name} />
      <TextInput size="xs" label="Starts" type="datetime-local" value={start} onChange={(e) => setStart(e.currentTarget.value)} error={fieldErrors.startsAt} />
      <TextInput size="xs" label="Ends" type="datetime-local" value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={fieldErrors.endsAt} data-testid="wave-ends" />
      {wave.isPilot && (
        <PilotBadge mb={6} />
      )}
      <Tooltip label="Save wave">
        <ActionIcon variant="default" mb={2} aria-label={`Save wave ${wave.name}`} loading={pending} onClick={() => void run('waves.update', { waveId: wave.id, name, startsAt: wallTimeToIso(start, zone), endsAt: wallTimeToIso(end, zone) }, { ...refresh, success: 'Wave saved' })}>
          <IconDeviceFloppy size={14} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={siteCount > 0 ? `${siteCount} site(s) in this wave` : 'Delete wave'}>
        <ActionIcon variant="default" color="red" mb={2} disabled={siteCount > 0} aria-label={`Delete wave ${wave.name}`} onClick={() => void run('waves.delete', { waveId: wave.id }, { ...refresh, success: 'Wave deleted' })}>
          <IconTrash size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** Waves in rollout order; the first is the pilot. A wave with sites cannot be deleted. */
export function WavesEditorModal({ deploymentId, waves, sites, opened, onClose }: { deploymentId: string; waves: readonly Wave[]; sites: readonly SiteSummary[]; opened: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const ordered = [...waves].sort((a, b) => a.sequence - b.sequence);
  const { run, pending, fieldErrors } = useMutation({ fields: ['name'] });
  async function add() {
    const wave = await run('waves.create', { deploymentId, name }, { ...refresh, success: 'Wave added' });
    if (wave) setName('');
  }
  return (
    <Modal opened={opened} onClose={onClose} title="Waves" size="xl">
      <Stack gap="sm" data-testid="waves-editor">
        {ordered.length === 0 && (
          <Text size="sm" c="dimmed">
            No waves yet. The first wave you add is the pilot.
          </Text>
        )}
        {ordered.map((w) => (
          <WaveRow key={`${w.id}-${w.updatedAt}`} wave={w} siteCount={sites.filter((s) => s.waveId === w.id).length} />
        ))}
        <Group gap="xs" align="flex-end">
          <TextInput size="xs" label={ordered.length === 0 ? 'Pilot wave name' : 'New wave name'} value={name} onChange={(e) => setName(e.currentTarget.value)} flex={1} error={fieldErrors.name} data-testid="new-wave-name" />
          <Button size="xs" loading={pending} disabled={!name.trim()} onClick={() => void add()} data-testid="add-wave">
            Add wave
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
