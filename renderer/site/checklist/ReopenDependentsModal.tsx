import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { ChecklistItem } from '../../../shared/domain/checklist';

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
  return (
    <Modal opened={request !== null} onClose={onClose} title={`Reopen “${request?.item.title ?? ''}”?`} size="lg">
      <Stack gap="sm" data-testid="reopen-dependents">
        <Text size="sm">
          {request?.dependents.length === 1 ? 'This item is done and depends on it; it will be reopened too:' : `These ${request?.dependents.length ?? 0} done items depend on it; they will be reopened too:`}
        </Text>
        <List size="sm" data-testid="reopen-dependents-list">
          {request?.dependents.map((d) => (
            <List.Item key={d.id}>{d.title}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          The activity log records which items were reopened with it.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="orange" onClick={() => request && onConfirm(request)} data-testid="reopen-dependents-confirm">
            Reopen all
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
