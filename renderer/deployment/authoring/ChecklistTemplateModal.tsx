import { ActionIcon, Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChecklistTemplateItem } from '../../../shared/domain/checklist';
import { CHECKLIST_PHASES } from '../../../shared/domain/enums';
import { useMutation, type Mutation } from '../../api/useMutation';
import { useApiQuery } from '../../api/useApiQuery';
import { TemplateItemForm } from './TemplateItemForm';
import { useText } from '../../i18n/i18n';

function move(run: Mutation['run'], deploymentId: string, item: ChecklistTemplateItem, by: number) {
  const { id, phase, title, instructions, required, evidence, dependsOn, ownerPrepares } = item;
  void run(
    'checklistTemplate.saveItem',
    {
      deploymentId,
      itemId: id,
      phase,
      title,
      instructions,
      required,
      evidence,
      dependsOn,
      ownerPrepares,
      position: Math.max(1, item.position + by),
    },
    { refresh: ['deployments'] },
  );
}

/** The deployment's checklist template by phase: reorder, required, evidence, dependency. */
export function ChecklistTemplateModal({ deploymentId, opened, onClose }: { deploymentId: string; opened: boolean; onClose: () => void }) {
  const t = useText();
  const template = useApiQuery('checklistTemplate.get', { deploymentId }, ['deployments']);
  const [editing, setEditing] = useState<string | null>(null);
  const { run } = useMutation();
  const items = template.data?.items ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('deployment.authoring.checklistTemplateModal.checklistTemplate')} size="90%">
      <Stack gap="sm" data-testid="checklist-template-editor">
        {template.data && (
          <Alert color="blue" variant="light" p="xs">
            <Text size="xs">{template.data.note}</Text>
          </Alert>
        )}
        {CHECKLIST_PHASES.map((phase) => {
          const inPhase = items.filter((i) => i.phase === phase);
          if (inPhase.length === 0) return null;
          return (
            <Stack key={phase} gap={4}>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {phase}
              </Text>
              {inPhase.map((item, index) =>
                editing === item.id ? (
                  <TemplateItemForm key={item.id} deploymentId={deploymentId} item={item} items={items} onDone={() => setEditing(null)} />
                ) : (
                  <Group key={item.id} gap="xs" wrap="nowrap" data-testid="template-item">
                    <Text size="sm" w={24}>
                      {item.position}.
                    </Text>
                    <Text size="sm" flex={1} truncate>
                      {item.title}
                    </Text>
                    {item.required && <Badge size="xs">{t('deployment.authoring.checklistTemplateModal.required')}</Badge>}
                    {item.ownerPrepares && (
                      <Badge
                        size="xs"
                        variant="light"
                        color="grape"
                        title={t('deployment.authoring.checklistTemplateModal.listedInTheSite')}
                        data-testid="owner-prepares-badge"
                      >
                        {t('deployment.authoring.checklistTemplateModal.ownerPrepares')}
                      </Badge>
                    )}
                    {item.evidence !== 'none' && (
                      <Badge size="xs" variant="outline">
                        {item.evidence.replace('_', ' ')}
                      </Badge>
                    )}
                    {item.dependsOn && (
                      <Text size="xs" c="dimmed">
                        {t('deployment.authoring.checklistTemplateModal.after')}
                        {items.find((i) => i.id === item.dependsOn)?.title ?? '?'}”
                      </Text>
                    )}
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      aria-label={t('deployment.authoring.checklistTemplateModal.moveUp', { title: item.title })}
                      disabled={index === 0}
                      onClick={() => move(run, deploymentId, item, -1)}
                    >
                      <IconArrowUp size={14} />
                    </ActionIcon>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      aria-label={t('deployment.authoring.checklistTemplateModal.moveDown', { title: item.title })}
                      disabled={index === inPhase.length - 1}
                      onClick={() => move(run, deploymentId, item, 1)}
                    >
                      <IconArrowDown size={14} />
                    </ActionIcon>
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(item.id)}>
                      {t('deployment.authoring.checklistTemplateModal.edit')}
                    </Button>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('deployment.authoring.checklistTemplateModal.delete', { title: item.title })}
                      onClick={() => void run('checklistTemplate.deleteItem', { itemId: item.id }, { refresh: ['deployments'] })}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Group>
                ),
              )}
            </Stack>
          );
        })}
        <Text size="xs" fw={600} mt="xs">
          {t('deployment.authoring.checklistTemplateModal.addAnItem')}
        </Text>
        <TemplateItemForm deploymentId={deploymentId} items={items} onDone={() => undefined} />
      </Stack>
    </Modal>
  );
}
