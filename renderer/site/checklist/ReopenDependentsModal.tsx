import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { ChecklistItem } from '../../../shared/domain/checklist';
import { useText } from '../../i18n/i18n';

export interface ReopenRequest {
  item: ChecklistItem;
  /** Done items that depend on it (shared/logic/checklist-rules `dependentsToReopen`). */
  dependents: ChecklistItem[];
}

interface Props {
  request: ReopenRequest | null;
  onClose: () => void;
  onConfirm: (request: ReopenRequest) => void;
}

/** Reopening a prerequisite reopens the done items that depend on it: say which before doing it. */
export function ReopenDependentsModal({ request, onClose, onConfirm }: Props) {
  const t = useText();
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      title={t('site.checklist.reopenDependentsModal.reopen', { title: request?.item.title ?? '' })}
      size="lg"
    >
      <Stack gap="sm" data-testid="reopen-dependents">
        <Text size="sm">
          {request?.dependents.length === 1
            ? t('site.checklist.reopenDependentsModal.thisItemIsDone')
            : t('site.checklist.reopenDependentsModal.theseDoneItemsDepend', { number: request?.dependents.length ?? 0 })}
        </Text>
        <List size="sm" data-testid="reopen-dependents-list">
          {request?.dependents.map((d) => (
            <List.Item key={d.id}>{d.title}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {t('site.checklist.reopenDependentsModal.theActivityLogRecords')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={() => request && onConfirm(request)} data-testid="reopen-dependents-confirm">
            {t('site.checklist.reopenDependentsModal.reopenAll')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
