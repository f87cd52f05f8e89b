import { Badge, Button, FileButton, Group } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChecklistItem } from '../../../shared/domain/checklist';
import { runCommand } from '../../api/command';
import { Time } from '../../format/Time';
import type { PhotoRead } from '../../photo/photo-types';
import { preparePhotoFile } from '../../photo/prepare-photo';
import { storePhoto } from '../../photo/store-photo';
import { TakePhotoButton } from '../../photo/TakePhotoButton';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

/** Photos linked to an item as evidence, and "Attach file" / "Take photo" while the item can still take one. */
export function EvidencePhotos({ item, canAdd }: { item: ChecklistItem; canAdd: boolean }) {
  const t = useText();
  const [busy, setBusy] = useState(false);

  /** Stored, then linked: true once both are committed. */
  async function link(read: PhotoRead): Promise<boolean> {
    const stored = await storePhoto(read);
    if (!stored) return false;
    return (
      (await runCommand(
        'checklist.attachPhoto',
        { itemId: item.id, sha256: stored.sha256 },
        { refresh: ['checklist'], errorTitle: appText('site.checklist.evidencePhotos.notAttached') },
      )) !== null
    );
  }

  async function attach(file: File | null) {
    if (!file) return;
    setBusy(true);
    await link(await preparePhotoFile(file));
    setBusy(false);
  }

  return (
    <Group gap={4} mt={4}>
      {item.evidencePhotos.map((p) => (
        <Badge
          key={p.sha256}
          size="xs"
          variant="light"
          color="teal"
          tt="none"
          leftSection={<IconPhoto size={10} />}
          data-testid="evidence-photo"
        >
          {t('site.checklist.evidencePhotos.photo', { id: p.sha256.slice(0, 8), name: p.linkedBy })} · <Time iso={p.linkedAt} />
        </Badge>
      ))}
      {canAdd && (
        <FileButton onChange={(file) => void attach(file)} accept="image/jpeg,image/png,image/webp">
          {(props) => (
            <Button
              {...props}
              size="compact-xs"
              variant="default"
              leftSection={<IconPhoto size={12} />}
              loading={busy}
              data-testid="item-attach-photo"
            >
              {t('site.checklist.evidencePhotos.attachFile')}
            </Button>
          )}
        </FileButton>
      )}
      {canAdd && (
        <TakePhotoButton subject={item.title} onUse={(photo) => link({ ok: true, ...photo })} size="compact-xs" testId="item-take-photo" />
      )}
    </Group>
  );
}
