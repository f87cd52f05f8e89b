import { Button, Group, Modal, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { isOpenIssueStatus } from '../../../shared/logic/issue-rules';
import { runCommand } from '../../api/command';
import { useApiQuery } from '../../api/useApiQuery';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

interface Props {
  siteId: string;
  opened: boolean;
  onClose: () => void;
}

/** Roll a site back: a reason and the issues behind it; the checklist's rollback phase becomes active. */
export function RollbackModal({ siteId, opened, onClose }: Props) {
  const t = useText();
  const list = useApiQuery('issues.list', opened ? { siteId } : null, ['issues']);
  const [reason, setReason] = useState('');
  const [issueIds, setIssueIds] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const issues = (list.data?.issues ?? [])
    .slice()
    .sort((a, b) => Number(isOpenIssueStatus(b.status)) - Number(isOpenIssueStatus(a.status)) || a.number - b.number);

  async function confirm() {
    setSaving(true);
    const done = await runCommand(
      'sites.rollback',
      { siteId, reason, issueIds },
      {
        refresh: ['sites', 'deployments', 'issues', 'checklist'],
        success: appText('site.issues.rollbackModal.rolledBack'),
        errorTitle: appText('site.issues.rollbackModal.notRolledBack'),
      },
    );
    setSaving(false);
    if (done) {
      setReason('');
      setIssueIds([]);
      onClose();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('site.issues.rollbackModal.rollBackThisSite')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('site.issues.rollbackModal.theSiteIsMarked')}
        </Text>
        <Textarea
          label={t('site.issues.rollbackModal.reason')}
          required
          autosize
          minRows={3}
          maxRows={8}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={4000}
          data-autofocus
          data-testid="rollback-reason-input"
        />
        <MultiSelect
          label={t('site.issues.rollbackModal.issuesBehindTheRollback')}
          placeholder={issues.length === 0 ? t('site.issues.rollbackModal.noIssuesLoggedAt') : t('site.issues.rollbackModal.chooseIssues')}
          data={issues.map((i) => ({ value: i.id, label: `#${i.number} ${i.title}` }))}
          value={issueIds}
          onChange={setIssueIds}
          searchable
          disabled={issues.length === 0}
          data-testid="rollback-issues"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            loading={saving}
            disabled={reason.trim() === ''}
            onClick={() => void confirm()}
            data-testid="rollback-confirm"
          >
            {t('site.issues.rollbackModal.rollBackSite')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
