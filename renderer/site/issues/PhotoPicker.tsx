import { Badge, CloseButton, FileButton, Group, Button, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import type { Attachment } from '../../../shared/contract/attachments-methods';
import type { PhotoRead } from '../../photo/photo-types';
import { preparePhotoFile } from '../../photo/prepare-photo';
import { storePhoto } from '../../photo/store-photo';
import { TakePhotoButton } from '../../photo/TakePhotoButton';
import { useText } from '../../i18n/i18n';

interface Props {
  value: Attachment[];
  onChange: (next: Attachment[]) => void;
  /** What the photos show, for the camera dialog's title. */
  subject?: string;
}

/** Photos as evidence: each is uploaded at once and kept by its SHA-256; the form sends the hashes. */
export function PhotoPicker({ value, onChange, subject = 'issue' }: Props) {
  const t = useText();
  const [busy, setBusy] = useState(false);

  function keep(added: Attachment[]) {
    const known = new Set(value.map((a) => a.sha256));
    onChange([...value, ...added.filter((a) => !known.has(a.sha256))]);
  }

  async function add(files: File[]) {
    setBusy(true);
    const added: Attachment[] = [];
    for (const file of files) {
      const stored = await storePhoto(await preparePhotoFile(file));
      if (stored) added.push(stored);
    }
    keep(added);
    setBusy(false);
  }

  async function taken(read: PhotoRead): Promise<boolean> {
    const stored = await storePhoto(read);
    if (stored) keep([stored]);
    return stored !== null;
  }

  return (
    <Group gap="xs">
      <FileButton onChange={(files) => void add(files)} accept="image/*" multiple>
        {(props) => (
          <Button {...props} size="xs" variant="default" leftSection={<IconPhoto size={14} />} loading={busy} data-testid="issue-photo">
            {t('site.issues.photoPicker.attachFile')}
          </Button>
        )}
      </FileButton>
      <TakePhotoButton subject={subject} onUse={(photo) => taken({ ok: true, ...photo })} testId="issue-take-photo" />
      {value.map((a) => (
        <Badge
          key={a.sha256}
          variant="light"
          color="gray"
          tt="none"
          rightSection={
            <CloseButton
              size="xs"
              onClick={() => onChange(value.filter((v) => v.sha256 !== a.sha256))}
              aria-label={t('site.issues.photoPicker.removePhoto')}
            />
          }
        >
          {t('site.issues.photoPicker.kib', { id: a.sha256.slice(0, 8), kib: Math.ceil(a.size / 1024) })}
        </Badge>
      ))}
      {value.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('site.issues.photoPicker.optional')}
        </Text>
      )}
    </Group>
  );
}
