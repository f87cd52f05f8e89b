import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Wave } from '../../shared/domain/deployment';
import { runCommand } from '../api/command';
import { localTimeZone, supportedTimeZones, wallTimeToIso } from '../format/zoned';
import { useNavigation } from '../state/navigation';

interface Props {
  opened: boolean;
  onClose: () => void;
  deploymentId: string;
  waves: readonly Wave[];
}

const EMPTY = { code: '', name: '', address: '', ownerName: '', ownerEmail: '', ownerPhone: '', windowStart: '', windowEnd: '' };

/** Add a site to the plan; the core instantiates its checklist from the deployment template. */
export function AddSiteModal({ opened, onClose, deploymentId, waves }: Props) {
  const selectSite = useNavigation((s) => s.selectSite);
  const [form, setForm] = useState(EMPTY);
  const [waveId, setWaveId] = useState<string | null>(null);
  const [timeZone, setTimeZone] = useState(localTimeZone());
  const [technicians, setTechnicians] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => supportedTimeZones(), []);
  const field = (key: keyof typeof EMPTY) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value }),
  });

  async function save() {
    setSaving(true);
    const site = await runCommand(
      'sites.create',
      {
        deploymentId,
        waveId,
        code: form.code,
        name: form.name,
        address: form.address,
        timeZone,
        ownerName: form.ownerName,
        ownerEmail: form.ownerEmail,
        ownerPhone: form.ownerPhone,
        windowStart: wallTimeToIso(form.windowStart, timeZone),
        windowEnd: wallTimeToIso(form.windowEnd, timeZone),
        technicians,
      },
      { refresh: ['sites', 'deployments'], success: 'Site added' },
    );
    setSaving(false);
    if (!site) return;
    setForm(EMPTY);
    setTechnicians([]);
    onClose();
    selectSite(deploymentId, site.id, 'overview');
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Add site" size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="Code" required placeholder="e.g. BER-01" {...field('code')} data-autofocus maxLength={40} />
          <TextInput label="Name" required style={{ gridColumn: 'span 2' }} {...field('name')} maxLength={200} />
        </SimpleGrid>
        <TextInput label="Address" {...field('address')} maxLength={500} />
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Wave"
            placeholder={waves.length ? 'No wave' : 'This deployment has no waves'}
            data={waves.map((w) => ({ value: w.id, label: `${w.sequence}. ${w.name}` }))}
            value={waveId}
            onChange={setWaveId}
            clearable
          />
          <Select label="Time zone" data={zones} value={timeZone} onChange={(v) => v && setTimeZone(v)} searchable allowDeselect={false} />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label="Window start (site time)" type="datetime-local" {...field('windowStart')} />
          <TextInput label="Window end (site time)" type="datetime-local" {...field('windowEnd')} />
        </SimpleGrid>
        <Text size="xs" fw={600} mt={4}>
          Site owner
        </Text>
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="Name" {...field('ownerName')} maxLength={200} />
          <TextInput label="E-mail" type="email" {...field('ownerEmail')} maxLength={200} />
          <TextInput label="Phone" type="tel" {...field('ownerPhone')} maxLength={60} />
        </SimpleGrid>
        <TagsInput label="Technicians" size="xs" placeholder="Type a name, press Enter" value={technicians} onChange={setTechnicians} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={saving} disabled={!form.code.trim() || !form.name.trim()} onClick={() => void save()}>
            Add site
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
