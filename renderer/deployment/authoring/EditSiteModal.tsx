import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { Wave } from '../../../shared/domain/deployment';
import type { Site } from '../../../shared/domain/site';
import { runCommand } from '../../api/command';
import { supportedTimeZones, wallTimeToIso } from '../../format/zoned';
import { isoToWallTime } from './wall-time';

function formOf(site: Site) {
  return {
    code: site.code,
    name: site.name,
    address: site.address,
    ownerName: site.ownerName,
    ownerEmail: site.ownerEmail,
    ownerPhone: site.ownerPhone,
    windowStart: isoToWallTime(site.windowStart, site.timeZone),
    windowEnd: isoToWallTime(site.windowEnd, site.timeZone),
  };
}

/** Every plan field of one site; the window is entered in the site's time zone. */
export function EditSiteModal({ site, waves, onClose }: { site: Site | null; waves: readonly Wave[]; onClose: () => void }) {
  const [form, setForm] = useState(() => (site ? formOf(site) : null));
  const [waveId, setWaveId] = useState<string | null>(null);
  const [timeZone, setTimeZone] = useState('UTC');
  const [technicians, setTechnicians] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => supportedTimeZones(), []);
  useEffect(() => {
    if (!site) return;
    setForm(formOf(site));
    setWaveId(site.waveId);
    setTimeZone(site.timeZone);
    setTechnicians(site.technicians);
  }, [site]);
  if (!site || !form) return null;
  const current = form;
  const field = (key: keyof typeof current) => ({
    value: current[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...current, [key]: e.currentTarget.value }),
  });
  const windowStart = wallTimeToIso(current.windowStart, timeZone);
  const windowEnd = wallTimeToIso(current.windowEnd, timeZone);
  const badWindow = windowStart !== null && windowEnd !== null && Date.parse(windowEnd) <= Date.parse(windowStart);

  async function save() {
    if (!site) return;
    setSaving(true);
    const done = await runCommand(
      'sites.update',
      { siteId: site.id, code: current.code, name: current.name, address: current.address, ownerName: current.ownerName, ownerEmail: current.ownerEmail, ownerPhone: current.ownerPhone, timeZone, waveId, windowStart, windowEnd, technicians },
      { refresh: ['sites', 'deployments'], success: 'Site saved' },
    );
    setSaving(false);
    if (done) onClose();
  }

  return (
    <Modal opened onClose={onClose} title={`Edit site ${site.code}`} size="lg">
      <Stack gap="sm" data-testid="edit-site-form">
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="Code" required {...field('code')} maxLength={40} />
          <TextInput label="Name" required style={{ gridColumn: 'span 2' }} {...field('name')} maxLength={200} />
        </SimpleGrid>
        <TextInput label="Address" {...field('address')} maxLength={500} />
        <SimpleGrid cols={2} spacing="sm">
          <Select label="Wave" placeholder="No wave" data={waves.map((w) => ({ value: w.id, label: `${w.sequence}. ${w.name}` }))} value={waveId} onChange={setWaveId} clearable />
          <Select label="Time zone" data={zones} value={timeZone} onChange={(v) => v && setTimeZone(v)} searchable allowDeselect={false} />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label="Window start (site time)" type="datetime-local" {...field('windowStart')} />
          <TextInput label="Window end (site time)" type="datetime-local" {...field('windowEnd')} error={badWindow ? 'Must be after the start' : undefined} />
        </SimpleGrid>
        <Text size="xs" fw={600} mt={4}>
          Site owner
        </Text>
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="Name" {...field('ownerName')} maxLength={200} />
          <TextInput label="E-mail" type="email" {...field('ownerEmail')} maxLength={200} />
          <TextInput label="Phone" type="tel" {...field('ownerPhone')} maxLength={60} />
        </SimpleGrid>
        <TagsInput label="Technicians" size="xs" placeholder="Type a name, press Enter" value={technicians} onChange={setTechnicians} data-testid="site-technicians" />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={saving} disabled={!current.code.trim() || !current.name.trim() || badWindow} onClick={() => void save()} data-testid="save-site">
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
