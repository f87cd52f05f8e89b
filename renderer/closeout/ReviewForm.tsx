import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeploymentReview, ReviewActionItem } from '../../shared/domain/deployment-review';
import { textTooLong } from '../../shared/logic/text-limits';
import { useMutation } from '../api/useMutation';
import { LengthCounter } from '../shell/LengthCounter';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

interface Draft {
  wentWell: string;
  wentBadly: string;
  actionItems: ReviewActionItem[];
}

const ACTION_MAX = 1000;
const OWNER_MAX = 200;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const draftOf = (review: DeploymentReview | null): Draft => ({
  wentWell: review?.wentWell ?? '',
  wentBadly: review?.wentBadly ?? '',
  actionItems: review?.actionItems ?? [],
});

/** What is wrong with one action item before it is sent (the contract says the same). */
function itemProblem(a: ReviewActionItem): string | null {
  if (a.text.trim() === '') return appText('closeout.reviewForm.actionIsRequired');
  if (a.owner.trim() === '') return appText('closeout.reviewForm.ownerIsRequired');
  if (!DAY.test(a.due)) return appText('closeout.reviewForm.dueDateIsRequired');
  return textTooLong(a.text, ACTION_MAX) ?? textTooLong(a.owner, OWNER_MAX);
}

/**
 * The release manager's part of the post-deployment review: what went well, what went badly, and
 * action items (what, owner, due date). Saved as one row per deployment (closeout.saveReview);
 * the saved review is what the Deployment Complete Milestone sheet covers.
 */
export function ReviewForm({
  deploymentId,
  review,
  editable,
}: {
  deploymentId: string;
  review: DeploymentReview | null;
  editable: boolean;
}) {
  const t = useText();
  const [draft, setDraft] = useState<Draft>(() => draftOf(review));
  const [dirty, setDirty] = useState(false);
  const { run, pending, fieldErrors } = useMutation({ fields: ['wentWell', 'wentBadly'] });
  // A review saved elsewhere (another manager, through sync) replaces the form unless it is being edited.
  const savedAt = review?.updatedAt ?? null;
  const [shownFor, setShownFor] = useState(savedAt);
  if (savedAt !== shownFor) {
    setShownFor(savedAt);
    if (!dirty) setDraft(draftOf(review));
  }

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  const setItem = (index: number, patch: Partial<ReviewActionItem>) =>
    set({ actionItems: draft.actionItems.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  const wellTooLong = textTooLong(draft.wentWell);
  const badlyTooLong = textTooLong(draft.wentBadly);
  const problems = draft.actionItems.map(itemProblem);
  const blocked = wellTooLong !== null || badlyTooLong !== null || problems.some((p) => p !== null);

  async function save() {
    if (blocked) return;
    const input = {
      deploymentId,
      wentWell: draft.wentWell,
      wentBadly: draft.wentBadly,
      actionItems: draft.actionItems.map((a) => ({ text: a.text.trim(), owner: a.owner.trim(), due: a.due })),
    };
    // 'deployments': the milestone's sign-off review covers the review, so it is read again.
    const saved = await run('closeout.saveReview', input, {
      refresh: ['deployments'],
      success: appText('closeout.reviewForm.reviewSaved'),
    });
    if (saved) setDirty(false);
  }

  return (
    <Stack gap="sm" data-testid="review-form" data-dirty={dirty || undefined}>
      <Textarea
        label={t('closeout.reviewForm.whatWentWell')}
        autosize
        minRows={2}
        maxRows={10}
        readOnly={!editable}
        value={draft.wentWell}
        onChange={(e) => set({ wentWell: e.currentTarget.value })}
        description={<LengthCounter value={draft.wentWell} />}
        error={wellTooLong ?? fieldErrors.wentWell}
        data-testid="review-went-well"
      />
      <Textarea
        label={t('closeout.reviewForm.whatWentBadly')}
        autosize
        minRows={2}
        maxRows={10}
        readOnly={!editable}
        value={draft.wentBadly}
        onChange={(e) => set({ wentBadly: e.currentTarget.value })}
        description={<LengthCounter value={draft.wentBadly} />}
        error={badlyTooLong ?? fieldErrors.wentBadly}
        data-testid="review-went-badly"
      />
      <Text size="sm" fw={500}>
        {t('closeout.reviewForm.actionItems')}
      </Text>
      {draft.actionItems.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('closeout.reviewForm.noActionItems')}
        </Text>
      )}
      {draft.actionItems.map((a, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="review-action-row">
          <TextInput
            style={{ flex: 3 }}
            aria-label={t('closeout.reviewForm.action', { index: i + 1 })}
            placeholder={t('closeout.reviewForm.whatIsToBe')}
            readOnly={!editable}
            value={a.text}
            onChange={(e) => setItem(i, { text: e.currentTarget.value })}
            error={a.text.trim() === '' ? t('closeout.reviewForm.actionIsRequired') : textTooLong(a.text, ACTION_MAX)}
            data-testid="review-action-text"
          />
          <TextInput
            style={{ flex: 1 }}
            aria-label={t('closeout.reviewForm.ownerOfAction', { index: i + 1 })}
            placeholder={t('closeout.reviewForm.owner')}
            readOnly={!editable}
            value={a.owner}
            onChange={(e) => setItem(i, { owner: e.currentTarget.value })}
            error={a.owner.trim() === '' ? t('closeout.reviewForm.ownerIsRequired') : textTooLong(a.owner, OWNER_MAX)}
            data-testid="review-action-owner"
          />
          <TextInput
            type="date"
            aria-label={t('closeout.reviewForm.dueDateOfAction', { index: i + 1 })}
            readOnly={!editable}
            value={a.due}
            onChange={(e) => setItem(i, { due: e.currentTarget.value })}
            error={DAY.test(a.due) ? null : t('closeout.reviewForm.dueDateIsRequired')}
            data-testid="review-action-due"
          />
          {editable && (
            <ActionIcon
              variant="subtle"
              color="red"
              mt={4}
              aria-label={t('closeout.reviewForm.removeAction', { index: i + 1 })}
              onClick={() => set({ actionItems: draft.actionItems.filter((_, j) => j !== i) })}
              data-testid="review-action-remove"
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {editable && (
        <Group justify="space-between">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            disabled={draft.actionItems.length >= 100}
            onClick={() => set({ actionItems: [...draft.actionItems, { text: '', owner: '', due: '' }] })}
            data-testid="review-action-add"
          >
            {t('closeout.reviewForm.addActionItem')}
          </Button>
          <Button loading={pending} disabled={blocked || !dirty} onClick={() => void save()} data-testid="review-save">
            {t('closeout.reviewForm.saveReview')}
          </Button>
        </Group>
      )}
      <Text size="xs" c="dimmed" data-testid="review-saved-by">
        {review
          ? t('closeout.reviewForm.savedByOnUtc', {
              updatedBy: review.updatedBy,
              updatedAt: review.updatedAt.slice(0, 16).replace('T', ' '),
            })
          : t('closeout.reviewForm.notSavedYet')}
      </Text>
    </Stack>
  );
}
