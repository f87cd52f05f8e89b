import { Button, Checkbox, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ChecklistTemplateItem } from '../../../shared/domain/checklist';
import { CHECKLIST_PHASES, evidenceKindSchema, type ChecklistPhase, type EvidenceKind } from '../../../shared/domain/enums';
import { useMutation } from '../../api/useMutation';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  get none() {
    return appText('deployment.authoring.templateItemForm.noEvidence');
  },
  get note() {
    return appText('deployment.authoring.templateItemForm.note');
  },
  get photo() {
    return appText('deployment.authoring.templateItemForm.photo');
  },
  get check_run() {
    return appText('deployment.authoring.templateItemForm.passingCheckRun');
  },
};

/** Adds a template item, or edits `item`; the dependency is any other item of the template. */
export function TemplateItemForm({
  deploymentId,
  item,
  items,
  onDone,
}: {
  deploymentId: string;
  item?: ChecklistTemplateItem;
  items: readonly ChecklistTemplateItem[];
  onDone: () => void;
}) {
  const t = useText();
  const [phase, setPhase] = useState<ChecklistPhase>(item?.phase ?? 'before');
  const [title, setTitle] = useState(item?.title ?? '');
  const [instructions, setInstructions] = useState(item?.instructions ?? '');
  const [required, setRequired] = useState(item?.required ?? true);
  const [evidence, setEvidence] = useState<EvidenceKind>(item?.evidence ?? 'none');
  const [dependsOn, setDependsOn] = useState<string | null>(item?.dependsOn ?? null);
  const [ownerPrepares, setOwnerPrepares] = useState(item?.ownerPrepares ?? false);
  const { run, pending, fieldErrors } = useMutation({ fields: ['title', 'instructions', 'dependsOn'] });

  async function save() {
    const position = item && item.phase === phase ? item.position : undefined;
    const done = await run(
      'checklistTemplate.saveItem',
      // Only a "before" item is prepared by the owner (it is listed in the owner's calendar file).
      {
        deploymentId,
        ...(item ? { itemId: item.id } : {}),
        phase,
        position,
        title,
        instructions,
        required,
        evidence,
        dependsOn,
        ownerPrepares: phase === 'before' && ownerPrepares,
      },
      {
        refresh: ['deployments'],
        success: item
          ? appText('deployment.authoring.templateItemForm.itemSaved')
          : appText('deployment.authoring.templateItemForm.itemAdded'),
      },
    );
    if (!done) return;
    if (!item) {
      setTitle('');
      setInstructions('');
      setDependsOn(null);
      setOwnerPrepares(false);
    }
    onDone();
  }

  return (
    <Stack gap={6} data-testid="template-item-form">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          size="xs"
          label={t('deployment.authoring.templateItemForm.phase')}
          w={110}
          data={[...CHECKLIST_PHASES]}
          value={phase}
          onChange={(v) => v && setPhase(v as ChecklistPhase)}
          allowDeselect={false}
          data-testid="template-item-phase"
        />
        <TextInput
          size="xs"
          label={t('deployment.authoring.templateItemForm.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          flex={1}
          maxLength={300}
          error={fieldErrors.title}
          data-testid="template-item-title"
        />
        <Select
          size="xs"
          label={t('deployment.authoring.templateItemForm.evidence')}
          w={160}
          data={evidenceKindSchema.options.map((e) => ({ value: e, label: EVIDENCE_LABELS[e] }))}
          value={evidence}
          onChange={(v) => v && setEvidence(v as EvidenceKind)}
          allowDeselect={false}
        />
        <Select
          size="xs"
          label={t('deployment.authoring.templateItemForm.dependsOn')}
          w={200}
          placeholder={t('deployment.authoring.templateItemForm.nothing')}
          data={items.filter((i) => i.id !== item?.id).map((i) => ({ value: i.id, label: `${i.phase} ${i.position}. ${i.title}` }))}
          value={dependsOn}
          onChange={setDependsOn}
          clearable
          error={fieldErrors.dependsOn}
        />
        <Checkbox
          size="xs"
          mb={6}
          label={t('deployment.authoring.templateItemForm.required')}
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
        />
        {phase === 'before' && (
          <Checkbox
            size="xs"
            mb={6}
            label={t('deployment.authoring.templateItemForm.siteOwnerPrepares')}
            title={t('deployment.authoring.templateItemForm.listedUnderPleasePrepare')}
            checked={ownerPrepares}
            onChange={(e) => setOwnerPrepares(e.currentTarget.checked)}
            data-testid="template-item-owner-prepares"
          />
        )}
      </Group>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Textarea
          size="xs"
          label={t('deployment.authoring.templateItemForm.instructions')}
          autosize
          minRows={1}
          value={instructions}
          onChange={(e) => setInstructions(e.currentTarget.value)}
          flex={1}
        />
        <Button size="xs" loading={pending} disabled={!title.trim()} onClick={() => void save()} data-testid="save-template-item">
          {item ? t('deployment.authoring.templateItemForm.save') : t('deployment.authoring.templateItemForm.addItem')}
        </Button>
      </Group>
    </Stack>
  );
}
