import { Badge, CloseButton, FileButton, Group, Button, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import type { Attachment } from '../../../shared/contract/attachments-methods';
import { runCommand } from '../../api/command';
import { showApiError } from '../../api/notify';
import { readPhoto } from './read-photo';

interface Props {
  value: Attachment[];
  onChange: (next: Attachment[]) => void;
}

/** Photos as evidence: each is uploaded at once and kept by its SHA-256; the form sends the hashes. */
export function PhotoPicker({ value, onChange }: Props) {
  const [busy, setBusy] = useState(false);

  async function add(files: File[]) {
    setBusy(true);
    const added: Attachment[] = [];
    for (const file of files) {
      const read = await readPhoto(file);
      if (!read.ok) {
        showApiError({ code: 'validation', message: read.message }, 'Photo not added');
        continue;
      }
      const stored = await runCommand('attachments.put', { mediaType: read.mediaType, dataBase64: read.dataBase64 }, { errorTitle: 'Photo not stored' });
      if (stored) added.push(stored);
    }
    const known = new Set(value.map((a) => a.sha256));
    onChange([...value, ...added.filter((a) => !known.has(a.sha256))]);
    setBusy(false);
  }

  return (
    <Group gap="xs">
      <FileButton onChange={(files) => void add(files)} accept="image/*" multiple>
        {(props) => (
          <Button {...props} size="xs" variant="default" leftSection={<IconPhoto size={14} />} loading={busy} data-testid="issue-photo">
            Add photo
          </Button>
        )}
      </FileButton>
      {value.map((a) => (
        <Badge key={a.sha256} variant="light" color="gray" tt="none" rightSection={<CloseButton size="xs" onClick={() => onChange(value.filter((v) => v.sha256 !== a.sha256))} aria-label="Remove photo" />}>
          {a.sha256.slice(0, 8)} · {Math.ceil(a.size / 1024)} KiB
        </Badge>
      ))}
      {value.length === 0 && (
        <Text size="xs" c="dimmed">
          Optional
        </Text>
      )}
    </Group>
  );
}
