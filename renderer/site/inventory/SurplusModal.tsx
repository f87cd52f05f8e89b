import { Button, Code, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';

interface Props {
  serial: string | null;
  onClose: () => void;
  onConfirm: (details: { manufacturer: string; model: string; note: string }) => Promise<boolean>;
}

/** Hardware that is here but on no list: record what it is. */
export function SurplusModal({ serial, onClose, onConfirm }: Props) {
  const [manufacturer, setManufacturer] = useState('');
  const [model, setModel] = useState('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  async function confirm() {
    setSaving(true);
    const ok = await onConfirm({ manufacturer, model, note });
    setSaving(false);
    if (ok) {
      setManufacturer('');
      setModel('');
      setNote('');
    }
  }

  return (
    <Modal opened={serial !== null} onClose={onClose} title="Record as surplus" size="md" returnFocus={false}>
      <Stack gap="sm">
        <Text size="sm">
          Serial <Code fz="sm">{serial}</Code> is not expected at any site. Record it as surplus found here.
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label="Manufacturer" value={manufacturer} onChange={(e) => setManufacturer(e.currentTarget.value)} data-autofocus maxLength={200} data-testid="surplus-manufacturer" />
          <TextInput label="Model" value={model} onChange={(e) => setModel(e.currentTarget.value)} maxLength={200} data-testid="surplus-model" />
        </SimpleGrid>
        <Textarea
          label="Note"
          placeholder="Where it was found, its condition…"
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          data-testid="surplus-note"
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={saving} onClick={() => void confirm()} data-testid="confirm-surplus">
            Record surplus
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
