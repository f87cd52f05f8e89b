import { Button, Code, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useText } from '../../i18n/i18n';
import { Trans } from 'react-i18next';

interface Props {
  serial: string | null;
  onClose: () => void;
  onConfirm: (details: { manufacturer: string; model: string; note: string }) => Promise<boolean>;
}

/** Hardware that is here but on no list: record what it is. */
export function SurplusModal({ serial, onClose, onConfirm }: Props) {
  const t = useText();
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
    <Modal
      opened={serial !== null}
      onClose={onClose}
      title={t('site.inventory.surplusModal.recordAsSurplus')}
      size="md"
      returnFocus={false}
    >
      <Stack gap="sm">
        <Text size="sm">
          <Trans t={t} i18nKey="site.inventory.surplusModal.notExpected" values={{ serial }} components={{ code: <Code fz="sm" /> }} />
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('site.inventory.surplusModal.manufacturer')}
            value={manufacturer}
            onChange={(e) => setManufacturer(e.currentTarget.value)}
            data-autofocus
            maxLength={200}
            data-testid="surplus-manufacturer"
          />
          <TextInput
            label={t('site.inventory.surplusModal.model')}
            value={model}
            onChange={(e) => setModel(e.currentTarget.value)}
            maxLength={200}
            data-testid="surplus-model"
          />
        </SimpleGrid>
        <Textarea
          label={t('site.inventory.surplusModal.note')}
          placeholder={t('site.inventory.surplusModal.whereItWasFound')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          data-testid="surplus-note"
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={saving} onClick={() => void confirm()} data-testid="confirm-surplus">
            {t('site.inventory.surplusModal.recordSurplus')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
