import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ChecklistItem } from '../../../shared/domain/checklist';
import { textTooLong } from '../../../shared/logic/text-limits';
import { LengthCounter } from '../../shell/LengthCounter';
import { draftKey, useTextDraft } from '../../state/drafts';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

export interface NoteRequest {
  item: ChecklistItem;
  /** Done: for an item whose evidence is a note. */
  state: 'not_applicable' | 'failed' | 'done';
}

interface Props {
  request: NoteRequest | null;
  onClose: () => void;
  onConfirm: (request: NoteRequest, note: string) => Promise<boolean>;
}

const COPY = {
  not_applicable: {
    get title() {
      return appText('site.checklist.noteModal.notApplicable');
    },
    get prompt() {
      return appText('site.checklist.noteModal.prompt.notApplicable');
    },
    get confirm() {
      return appText('site.checklist.noteModal.markNotApplicable');
    },
    color: 'blue',
  },
  failed: {
    get title() {
      return appText('site.checklist.noteModal.failed');
    },
    get prompt() {
      return appText('site.checklist.noteModal.prompt.failed');
    },
    get confirm() {
      return appText('site.checklist.noteModal.markFailed');
    },
    color: 'red',
  },
  done: {
    get title() {
      return appText('site.checklist.noteModal.done');
    },
    get prompt() {
      return appText('site.checklist.noteModal.prompt.done');
    },
    get confirm() {
      return appText('site.checklist.noteModal.markDone');
    },
    color: 'green',
  },
} as const;

/** N/A and Failed need a reason, and Done a note for "Evidence: Note" items: the site owner and the release manager will read it. */
export function NoteModal({ request, onClose, onConfirm }: Props) {
  const t = useText();
  // Kept per item and outcome until confirmed or cancelled; closing the dialog keeps it.
  const [note, setNote, discardNote] = useTextDraft(
    request ? draftKey('note', request.item.siteId, `${request.item.id}.${request.state}`) : null,
  );
  const [saving, setSaving] = useState(false);
  const copy = request ? COPY[request.state] : COPY.failed;

  const tooLong = textTooLong(note);

  async function confirm() {
    if (!request || note.trim() === '' || tooLong) return;
    setSaving(true);
    const ok = await onConfirm(request, note.trim());
    setSaving(false);
    if (ok) discardNote();
  }

  return (
    <Modal opened={request !== null} onClose={onClose} title={`${copy.title}: ${request?.item.title ?? ''}`} size="lg">
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
          description={<LengthCounter value={note} />}
          error={tooLong}
          data-autofocus
          data-testid="item-note"
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('site.checklist.noteModal.ctrlEnterToConfirm')}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => {
                discardNote();
                onClose();
              }}
              data-testid="item-note-cancel"
            >
              {t('common.cancel')}
            </Button>
            <Button
              color={copy.color}
              loading={saving}
              disabled={note.trim() === '' || tooLong !== null}
              onClick={() => void confirm()}
              data-testid="item-note-confirm"
            >
              {copy.confirm}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
