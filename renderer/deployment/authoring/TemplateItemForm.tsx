import { Button, Checkbox, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ChecklistTemplateItem } from '../../../shared/domain/checklist';
import { CHECKLIST_PHASES, evidenceKindSchema, type ChecklistPhase, type EvidenceKind } from '../../../shared/domain/enums';
import { useMutation } from '../../api/useMutation';

const EVIDENCE_LABELS: Record<EvidenceKind, string> = { none: 'No evidence', note: 'Note', photo: 'Photo', check_run: 'Passing check run' };

/** Adds a template item, or edits `item`; the dependency is any other item of the template. */
export function TemplateItemForm({ deploymentId, item, items, onDone }: { deploymentId: string; item?: ChecklistTemplateItem; items: readonly ChecklistTemplateItem[]; onDone: () => void }) {
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
      { deploymentId, ...(item ? { itemId: item.id } : {}), phase, position, title, instructions, required, evidence, dependsOn, ownerPrepares: phase === 'before' && ownerPrepares },
      { refresh: ['deployments'], success: item ? 'Item saved' : 'Item added' },
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
        <Select size="xs" label="Phase" w={110} data={[...CHECKLIST_PHASES]} value={phase} onChange={(v) => v && setPhase(v as ChecklistPhase)} allowDeselect={false} data-testid="template-item-phase" />
        <TextInput size="xs" label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} flex={1} maxLength={300} error={fieldErrors.title} data-testid="template-item-title" />
        <Select size="xs" label="Evidence" w={160} data={evidenceKindSchema.options.map((e) => ({ value: e, label: EVIDENCE_LABELS[e] }))} value={evidence} onChange={(v) => v && setEvidence(v as EvidenceKind)} allowDeselect={false} />
        <Select
          size="xs"
          label="Depends on"
          w={200}
          placeholder="Nothing"
          data={items.filter((i) => i.id !== item?.id).map((i) => ({ value: i.id, label: `${i.phase} ${i.position}. ${i.title}` }))}
          value={dependsOn}
          onChange={setDependsOn}
          clearable
          error={fieldErrors.dependsOn}
        />
        <Checkbox size="xs" mb={6} label="Required" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
        {phase === 'before' && (
          <Checkbox
            size="xs"
            mb={6}
            label="Site owner prepares"
            title="Listed under “Please prepare” in the site owner's calendar file"
            checked={ownerPrepares}
            onChange={(e) => setOwnerPrepares(e.currentTarget.checked)}
            data-testid="template-item-owner-prepares"
          />
        )}
      </Group>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Textarea size="xs" label="Instructions" autosize minRows={1} value={instructions} onChange={(e) => setInstructions(e.currentTarget.value)} flex={1} />
        <Button size="xs" loading={pending} disabled={!title.trim()} onClick={() => void save()} data-testid="save-template-item">
          {item ? 'Save' : 'Add item'}
        </Button>
      </Group>
    </Stack>
  );
}
