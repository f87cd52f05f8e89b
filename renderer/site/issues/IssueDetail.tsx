import { Badge, Button, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLink, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { Attachment } from '../../../shared/contract/attachments-methods';
import { useMutation } from '../../api/useMutation';
import { draftKey, useTextDraft } from '../../state/drafts';
import { useText } from '../../i18n/i18n';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryError } from '../../shell/QueryError';
import { CATEGORY, LINK_LABEL } from './issue-labels';
import { IssueActions } from './IssueActions';
import { IssueStatusBadge, SeverityBadge } from './IssueBadges';
import { IssueTimeline } from './IssueTimeline';
import { PhotoPicker } from './PhotoPicker';
import { ServiceImpactSection } from './ServiceImpactSection';

function CommentBox({ issueId, siteId, subject }: { issueId: string; siteId: string; subject: string }) {
  const t = useText();
  const [text, setText, discardText] = useTextDraft(draftKey('comment', siteId, issueId));
  const [photos, setPhotos] = useState<Attachment[]>([]);
  const { run, pending } = useMutation();
  async function send() {
    if (text.trim() === '') return;
    const saved = await run('issues.comment', { issueId, text, attachments: photos.map((p) => p.sha256) }, { refresh: ['issues'] });
    if (saved) {
      discardText();
      setPhotos([]);
    }
  }
  return (
    <Stack gap={6}>
      <Textarea
        placeholder={t('site.issues.issueDetail.addAComment')}
        autosize
        minRows={2}
        maxRows={8}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maxLength={10_000}
        data-testid="issue-comment"
      />
      <Group justify="space-between">
        <PhotoPicker value={photos} onChange={setPhotos} subject={subject} />
        <Button size="xs" loading={pending} disabled={text.trim() === ''} onClick={() => void send()} data-testid="issue-comment-submit">
          {t('site.issues.issueDetail.comment')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One issue: what it is, what it concerns, the actions, and its whole history. */
export function IssueDetail({ issueId }: { issueId: string }) {
  const t = useText();
  const detail = useApiQuery('issues.get', { issueId }, ['issues']);
  if (detail.error && !detail.data)
    return <QueryError title={t('site.issues.issueDetail.issueNotAvailable')} error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loader size="sm" />;
  const { issue, events, attachments } = detail.data;
  return (
    <Stack gap="sm" data-testid="issue-detail" data-issue-number={issue.number} data-status={issue.status}>
      <Title order={4}>
        <Text span inherit c="dimmed" ff="monospace">
          #{issue.number}
        </Text>{' '}
        {issue.title}
      </Title>
      <Group gap={6}>
        <SeverityBadge severity={issue.severity} />
        <IssueStatusBadge status={issue.status} data-testid="issue-detail-status" />
        <Badge variant="default" tt="none">
          {CATEGORY[issue.category]}
        </Badge>
        {issue.blocksSignOff && (
          <Badge color="red" variant="outline" leftSection={<IconLock size={11} />} data-testid="issue-detail-blocking">
            {t('site.issues.issueDetail.blocksSignOff')}
          </Badge>
        )}
        {issue.escalationLevel > 0 && (
          <Badge color="red" variant="light" data-testid="issue-detail-level">
            {t('site.issues.issueDetail.level', { escalationLevel: issue.escalationLevel })}
          </Badge>
        )}
      </Group>
      {issue.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="issue-detail-description">
          {issue.description}
        </Text>
      )}
      {issue.links.length > 0 && (
        <Group gap={6}>
          {issue.links.map((l) => (
            <Badge
              key={`${l.kind}:${l.id}`}
              variant="light"
              color="gray"
              tt="none"
              leftSection={<IconLink size={11} />}
              data-testid="issue-link"
              data-kind={l.kind}
            >
              {LINK_LABEL[l.kind]}
            </Badge>
          ))}
        </Group>
      )}
      <ServiceImpactSection issue={issue} />
      <IssueActions key={`${issue.id}:${issue.updatedAt}`} issue={issue} />
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="xs">
        {t('site.issues.issueDetail.history')}
      </Text>
      <IssueTimeline events={events} attachments={attachments} />
      <CommentBox issueId={issue.id} siteId={issue.siteId} subject={`issue #${issue.number} ${issue.title}`} />
    </Stack>
  );
}
