import { Badge, Button, FileButton, Group } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChecklistItem } from '../../../shared/domain/checklist';
import { runCommand } from '../../api/command';
import { showApiError } from '../../api/notify';
import { Time } from '../../format/Time';
import { readPhoto } from '../issues/read-photo';

/** Photos linked to an item as evidence, and "Attach photo" while the item can still take one. */
export function EvidencePhotos({ item, canAdd }: { item: ChecklistItem; canAdd: boolean }) {
  const [busy, setBusy] = useState(false);

  async function attach(file: File | null) {
    if (!file) return;
    setBusy(true);
    const read = await readPhoto(file);
    if (!read.ok) showApiError({ code: 'validation', message: read.message }, 'Photo not added');
    else {
      const stored = await runCommand('attachments.put', { mediaType: read.mediaType, dataBase64: read.dataBase64 }, { errorTitle: 'Photo not stored' });
      if (stored) await runCommand('checklist.attachPhoto', { itemId: item.id, sha256: stored.sha256 }, { refresh: ['checklist'], errorTitle: 'Photo not attached' });
    }
    setBusy(false);
  }

  return (
    <Group gap={4} mt={4}>
      {item.evidencePhotos.map((p) => (
        <Badge key={p.sha256} size="xs" variant="light" color="teal" tt="none" leftSection={<IconPhoto size={10} />} data-testid="evidence-photo">
          Photo {p.sha256.slice(0, 8)} · {p.linkedBy} · <Time iso={p.linkedAt} />
        </Badge>
      ))}
      {canAdd && (
        <FileButton onChange={(file) => void attach(file)} accept="image/jpeg,image/png,image/webp">
          {(props) => (
            <Button {...props} size="compact-xs" variant="default" leftSection={<IconPhoto size={12} />} loading={busy} data-testid="item-attach-photo">
              Attach photo
            </Button>
          )}
        </FileButton>
      )}
    </Group>
  );
}
