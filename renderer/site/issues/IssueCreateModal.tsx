import { Alert, Button, Group, Modal, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/contract/attachments-methods';
import { issueCategorySchema, issueSeveritySchema, type IssueCategory, type IssueSeverity } from '../../../shared/domain/issue';
import { useMutation } from '../../api/useMutation';
import { draftKey, readDraft, writeDraft } from '../../state/drafts';
import { CATEGORY, LINK_LABEL, options, SEVERITY } from './issue-labels';
import { useIssueDraft, type IssueDraft } from './issue-draft';
import { PhotoPicker } from './PhotoPicker';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

/** What is kept of a half-typed issue on this device (per site) until it is logged or discarded. */
interface StoredIssue {
  title: string;
  description: string;
  severity: IssueSeverity;
  category: IssueCategory;
  blocks: boolean;
  links: IssueDraft['links'];
  photos: Attachment[];
}

function isStoredIssue(value: unknown): value is StoredIssue {
  const v = value as Partial<StoredIssue> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.title === 'string' &&
    typeof v.description === 'string' &&
    typeof v.blocks === 'boolean' &&
    issueSeveritySchema.safeParse(v.severity).success &&
    issueCategorySchema.safeParse(v.category).success &&
    Array.isArray(v.links) &&
    Array.isArray(v.photos)
  );
}

const sameLinks = (a: IssueDraft['links'], b: IssueDraft['links']) => JSON.stringify(a) === JSON.stringify(b);

/** The kept draft when it belongs to what is being opened (a blank "New issue", or the same links). */
function restoredDraft(draft: IssueDraft): StoredIssue | null {
  const stored = readDraft(draftKey('issue', draft.siteId), isStoredIssue);
  if (!stored) return null;
  const blank = draft.title === '' && draft.description === '' && draft.links.length === 0;
  return blank || sameLinks(stored.links, draft.links) ? stored : null;
}

function Form({ draft, onDone }: { draft: IssueDraft; onDone: () => void }) {
  const t = useText();
  const [restored] = useState(() => restoredDraft(draft));
  const [title, setTitle] = useState(restored?.title ?? draft.title);
  const [description, setDescription] = useState(restored?.description ?? draft.description);
  const [severity, setSeverity] = useState<IssueSeverity>(restored?.severity ?? 'medium');
  const [category, setCategory] = useState<IssueCategory>(restored?.category ?? 'hardware');
  const [blocks, setBlocks] = useState(restored?.blocks ?? false);
  const [photos, setPhotos] = useState<Attachment[]>(restored?.photos ?? []);
  const links = restored?.links ?? draft.links;
  const { run, pending } = useMutation();
  const key = draftKey('issue', draft.siteId);
  const typed = title.trim() !== '' || description.trim() !== '' || photos.length > 0;

  useEffect(() => {
    // Kept as it is typed, so a reload or a closed dialog loses nothing.
    writeDraft(key, typed ? ({ title, description, severity, category, blocks, links, photos } satisfies StoredIssue) : null);
  }, [key, typed, title, description, severity, category, blocks, links, photos]);

  function discard() {
    writeDraft(key, null);
    onDone();
  }

  async function submit() {
    if (title.trim() === '') return;
    const created = await run(
      'issues.create',
      {
        siteId: draft.siteId,
        title,
        description,
        severity,
        category,
        blocksSignOff: blocks,
        links,
        attachments: photos.map((p) => p.sha256),
      },
      {
        refresh: ['issues'],
        errorTitle: appText('site.issues.issueCreateModal.notLogged'),
        success: (issue) => appText('site.issues.issueCreateModal.logged', { number: issue.number }),
      },
    );
    if (created) {
      writeDraft(key, null);
      onDone();
    }
  }

  return (
    <Stack gap="sm">
      {draft.source && (
        <Alert variant="light" color="gray" p="xs" icon={<IconLink size={16} />} data-testid="issue-source">
          <Text size="sm">{t('site.issues.issueCreateModal.linkedTo', { source: draft.source })}</Text>
        </Alert>
      )}
      <TextInput
        label={t('site.issues.issueCreateModal.title')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={200}
        data-autofocus
        data-testid="issue-title"
      />
      <Textarea
        label={t('site.issues.issueCreateModal.description')}
        autosize
        minRows={3}
        maxRows={10}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        maxLength={10_000}
        data-testid="issue-description"
      />
      <Group grow>
        <Select
          label={t('site.issues.issueCreateModal.severity')}
          data={options(SEVERITY)}
          value={severity}
          onChange={(v) => v && setSeverity(issueSeveritySchema.parse(v))}
          allowDeselect={false}
          data-testid="issue-severity"
        />
        <Select
          label={t('site.issues.issueCreateModal.category')}
          data={options(CATEGORY)}
          value={category}
          onChange={(v) => v && setCategory(issueCategorySchema.parse(v))}
          allowDeselect={false}
          data-testid="issue-category"
        />
      </Group>
      <Switch
        label={t('site.issues.issueCreateModal.blocksSignOff')}
        description={t('site.issues.issueCreateModal.theSiteCannotBe')}
        checked={blocks}
        onChange={(e) => setBlocks(e.currentTarget.checked)}
        data-testid="issue-blocks"
      />
      {links.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('site.issues.issueCreateModal.links', { links: links.map((l) => LINK_LABEL[l.kind]).join(', ') })}
        </Text>
      )}
      <PhotoPicker value={photos} onChange={setPhotos} subject={title.trim() || 'new issue'} />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed" data-testid="issue-draft-note">
          {restored
            ? t('site.issues.issueCreateModal.yourUnsentDraftKept')
            : typed
              ? t('site.issues.issueCreateModal.keptOnThisDevice')
              : ''}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={typed ? discard : onDone} data-testid="issue-discard">
            {typed ? t('site.issues.issueCreateModal.discard') : t('common.cancel')}
          </Button>
          <Button loading={pending} disabled={title.trim() === ''} onClick={() => void submit()} data-testid="issue-submit">
            {t('site.issues.issueCreateModal.logIssue')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** The one "Log issue" dialog of the workspace, opened with a draft (blank, or from a failed checklist item). */
export function IssueCreateModal() {
  const t = useText();
  const draft = useIssueDraft((s) => s.draft);
  const close = useIssueDraft((s) => s.close);
  const [key, setKey] = useState(0);
  useEffect(() => setKey((k) => k + 1), [draft]);
  return (
    <Modal opened={draft !== null} onClose={close} title={t('site.issues.issueCreateModal.logIssue')} size="lg">
      {draft && <Form key={key} draft={draft} onDone={close} />}
    </Modal>
  );
}
