import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ChecklistItem } from '../../../shared/domain/checklist';

export interface NoteRequest {
  item: ChecklistItem;
  state: 'not_applicable' | 'failed';
}

interface Props {
  request: NoteRequest | null;
  onClose: () => void;
  onConfirm: (request: NoteRequest, note: string) => Promise<boolean>;
}

const COPY = {
  not_applicable: { title: 'Not applicable', prompt: 'Why does this item not apply at this site?', confirm: 'Mark not applicable', color: 'blue' },
  failed: { title: 'Failed', prompt: 'What failed? Say what you saw and what you did.', confirm: 'Mark failed', color: 'red' },
} as const;

/** N/A and Failed need a reason: the site owner and the release manager will read it. */
export function NoteModal({ request, onClose, onConfirm }: Props) {
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const copy = request ? COPY[request.state] : COPY.failed;

  async function confirm() {
    if (!request || note.trim() === '') return;
    setSaving(true);
    const ok = await onConfirm(request, note.trim());
    setSaving(false);
    if (ok) setNote('');
  }

  return (
    <Modal
      opened={request !== null}
      onClose={() => {
        setNote('');
        onClose();
      }}
      title={`${copy.title}: ${request?.item.title ?? ''}`}
      size="lg"
    >
      <Stack gap="sm">
        <Textarea
          label={copy.prompt}
          autosize
          minRows={3}
          maxRows={10}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void confirm();
          }}
          maxLength={4000}
          data-autofocus
          data-testid="item-note"
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Ctrl+Enter to confirm
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color={copy.color} loading={saving} disabled={note.trim() === ''} onClick={() => void confirm()} data-testid="item-note-confirm">
              {copy.confirm}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
