import { Alert, Button, Group, Modal, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/contract/attachments-methods';
import { issueCategorySchema, issueSeveritySchema, type IssueCategory, type IssueSeverity } from '../../../shared/domain/issue';
import { runCommand } from '../../api/command';
import { showSuccess } from '../../api/notify';
import { CATEGORY, LINK_LABEL, options, SEVERITY } from './issue-labels';
import { useIssueDraft, type IssueDraft } from './issue-draft';
import { PhotoPicker } from './PhotoPicker';

function Form({ draft, onDone }: { draft: IssueDraft; onDone: () => void }) {
  const [title, setTitle] = useState(draft.title);
  const [description, setDescription] = useState(draft.description);
  const [severity, setSeverity] = useState<IssueSeverity>('medium');
  const [category, setCategory] = useState<IssueCategory>('hardware');
  const [blocks, setBlocks] = useState(false);
  const [photos, setPhotos] = useState<Attachment[]>([]);
  const [saving, setSaving] = useState(false);

  async function submit() {
    if (title.trim() === '') return;
    setSaving(true);
    const created = await runCommand(
      'issues.create',
      { siteId: draft.siteId, title, description, severity, category, blocksSignOff: blocks, links: draft.links, attachments: photos.map((p) => p.sha256) },
      { refresh: ['issues'], errorTitle: 'Issue not logged' },
    );
    setSaving(false);
    if (created) {
      showSuccess(`Issue #${created.number} logged`);
      onDone();
    }
  }

  return (
    <Stack gap="sm">
      {draft.source && (
        <Alert variant="light" color="gray" p="xs" icon={<IconLink size={16} />} data-testid="issue-source">
          <Text size="sm">Linked to {draft.source}</Text>
        </Alert>
      )}
      <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} data-autofocus data-testid="issue-title" />
      <Textarea label="Description" autosize minRows={3} maxRows={10} value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={10_000} data-testid="issue-description" />
      <Group grow>
        <Select
          label="Severity"
          data={options(SEVERITY)}
          value={severity}
          onChange={(v) => v && setSeverity(issueSeveritySchema.parse(v))}
          allowDeselect={false}
          data-testid="issue-severity"
        />
        <Select
          label="Category"
          data={options(CATEGORY)}
          value={category}
          onChange={(v) => v && setCategory(issueCategorySchema.parse(v))}
          allowDeselect={false}
          data-testid="issue-category"
        />
      </Group>
      <Switch label="Blocks sign-off" description="The site cannot be signed off as accepted while this issue is open" checked={blocks} onChange={(e) => setBlocks(e.currentTarget.checked)} data-testid="issue-blocks" />
      {draft.links.length > 0 && (
        <Text size="xs" c="dimmed">
          Links: {draft.links.map((l) => LINK_LABEL[l.kind]).join(', ')}
        </Text>
      )}
      <PhotoPicker value={photos} onChange={setPhotos} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button loading={saving} disabled={title.trim() === ''} onClick={() => void submit()} data-testid="issue-submit">
          Log issue
        </Button>
      </Group>
    </Stack>
  );
}

/** The one "Log issue" dialog of the workspace, opened with a draft (blank, or from a failed checklist item). */
export function IssueCreateModal() {
  const draft = useIssueDraft((s) => s.draft);
  const close = useIssueDraft((s) => s.close);
  const [key, setKey] = useState(0);
  useEffect(() => setKey((k) => k + 1), [draft]);
  return (
    <Modal opened={draft !== null} onClose={close} title="Log issue" size="lg">
      {draft && <Form key={key} draft={draft} onDone={close} />}
    </Modal>
  );
}
