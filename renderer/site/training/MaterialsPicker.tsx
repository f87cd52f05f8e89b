import { Badge, Button, CloseButton, FileButton, Group, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useText } from '../../i18n/i18n';
import { preparePhotoFile } from '../../photo/prepare-photo';
import { storePhoto } from '../../photo/store-photo';

export interface PickedMaterial {
  sha256: string;
  name: string;
}

/** Training materials (photos or scans of handouts): each stored at once in the attachment store, kept by SHA-256 and file name. */
export function MaterialsPicker({ value, onChange }: { value: PickedMaterial[]; onChange: (next: PickedMaterial[]) => void }) {
  const t = useText();
  const [busy, setBusy] = useState(false);

  async function add(files: File[]) {
    setBusy(true);
    const added: PickedMaterial[] = [];
    for (const file of files) {
      const stored = await storePhoto(await preparePhotoFile(file), t('site.training.materialsPicker.notStored'));
      if (stored) added.push({ sha256: stored.sha256, name: file.name.slice(0, 200) || t('site.training.materialsPicker.handout') });
    }
    const known = new Set(value.map((m) => m.sha256));
    onChange([...value, ...added.filter((m) => !known.has(m.sha256))]);
    setBusy(false);
  }

  return (
    <Group gap="xs">
      <FileButton onChange={(files) => void add(files)} accept="image/*" multiple>
        {(props) => (
          <Button
            {...props}
            size="xs"
            variant="default"
            leftSection={<IconPaperclip size={14} />}
            loading={busy}
            data-testid="training-material"
          >
            {t('site.training.materialsPicker.add')}
          </Button>
        )}
      </FileButton>
      {value.map((m) => (
        <Badge
          key={m.sha256}
          variant="light"
          color="gray"
          tt="none"
          rightSection={
            <CloseButton
              size="xs"
              onClick={() => onChange(value.filter((v) => v.sha256 !== m.sha256))}
              aria-label={t('site.training.materialsPicker.remove', { name: m.name })}
            />
          }
        >
          {m.name}
        </Badge>
      ))}
      {value.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('site.training.materialsPicker.hint')}
        </Text>
      )}
    </Group>
  );
}
