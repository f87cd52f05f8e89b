import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { runCommand } from '../api/command';
import { useApiQuery } from '../api/useApiQuery';
import { PhotoThumb } from '../site/issues/PhotoThumb';
import type { PhotoRead } from './photo-types';
import { preparePhotoFile } from './prepare-photo';
import { storePhoto } from './store-photo';
import { TakePhotoButton } from './TakePhotoButton';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

interface Props {
  itemId: string;
  /** What the photos show (the surplus item's serial and model), for the camera dialog's title. */
  subject: string;
}

/**
 * The photos of a surplus item as found (issue #14 part 2): their thumbnails, and "Attach file" /
 * "Take photo". Each photo is stored (attachments.put), then linked (inventory.attachPhoto); both
 * are committed before the thumbnail shows.
 */
export function ItemPhotos({ itemId, subject }: Props) {
  const t = useText();
  const photos = useApiQuery('inventory.photos', { itemId }, ['inventory']);
  const [busy, setBusy] = useState(false);

  async function link(read: PhotoRead): Promise<boolean> {
    const stored = await storePhoto(read);
    if (!stored) return false;
    return (
      (await runCommand(
        'inventory.attachPhoto',
        { itemId, sha256: stored.sha256 },
        { refresh: ['inventory'], errorTitle: appText('photo.itemPhotos.notAttached') },
      )) !== null
    );
  }

  async function attach(file: File | null) {
    if (!file) return;
    setBusy(true);
    await link(await preparePhotoFile(file));
    setBusy(false);
  }

  const list = photos.data ?? [];
  return (
    <Stack gap={4} data-testid="surplus-photos" data-count={list.length}>
      <Group gap="xs">
        <FileButton onChange={(file) => void attach(file)} accept="image/jpeg,image/png,image/webp">
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="default"
              leftSection={<IconPhoto size={14} />}
              loading={busy}
              data-testid="surplus-attach-photo"
            >
              {t('photo.itemPhotos.attachFile')}
            </Button>
          )}
        </FileButton>
        <TakePhotoButton subject={subject} onUse={(photo) => link({ ok: true, ...photo })} testId="surplus-take-photo" />
        <Text size="xs" c="dimmed">
          {list.length === 0 ? t('photo.itemPhotos.noPhotoYet') : t('photo.itemPhotos.photoCount', { count: list.length })}
        </Text>
      </Group>
      {photos.error && (
        <Text size="xs" c="red">
          {photos.error.message}
        </Text>
      )}
      <Group gap="xs" align="flex-start">
        {list.map((p) => (
          <PhotoThumb key={p.sha256} sha256={p.sha256} />
        ))}
      </Group>
    </Stack>
  );
}
