import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useText } from '../../i18n/i18n';

interface Props {
  opened: boolean;
  title: string;
  prompt: string;
  confirmLabel: string;
  color: string;
  testId: string;
  /** Offer an escalation level above this one (1 … 5); omit for a plain reason. */
  levelAbove?: number;
  onClose: () => void;
  onConfirm: (reason: string, level: number) => Promise<boolean>;
}

/** Asks for the reason (and for escalation, the level) before a change that needs one. */
export function ReasonModal({ opened, title, prompt, confirmLabel, color, testId, levelAbove, onClose, onConfirm }: Props) {
  const t = useText();
  const [reason, setReason] = useState('');
  const firstLevel = (levelAbove ?? 0) + 1;
  const [level, setLevel] = useState<string>(String(firstLevel));
  const [saving, setSaving] = useState(false);
  const levels = Array.from({ length: Math.max(0, 5 - (levelAbove ?? 0)) }, (_, i) => String(firstLevel + i));

  async function confirm() {
    if (reason.trim() === '') return;
    setSaving(true);
    const ok = await onConfirm(reason.trim(), Number(level));
    setSaving(false);
    if (ok) {
      setReason('');
      onClose();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md">
      <Stack gap="sm">
        {levelAbove !== undefined && (
          <Select
            label={t('site.issues.reasonModal.escalationLevel')}
            data={levels}
            value={levels.includes(level) ? level : String(firstLevel)}
            onChange={(v) => v && setLevel(v)}
            allowDeselect={false}
            data-testid={`${testId}-level`}
          />
        )}
        <Textarea
          label={prompt}
          required
          autosize
          minRows={3}
          maxRows={8}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={4000}
          data-autofocus
          data-testid={`${testId}-reason`}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={color}
            loading={saving}
            disabled={reason.trim() === ''}
            onClick={() => void confirm()}
            data-testid={`${testId}-confirm`}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
