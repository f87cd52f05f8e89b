import { Button, Group, Menu, TextInput } from '@mantine/core';
import { IconArrowUpRight, IconChevronDown, IconExclamationMark, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import type { Issue, IssueStatus } from '../../../shared/domain/issue';
import { isOpenIssueStatus, ISSUE_TRANSITIONS, MAX_ESCALATION_LEVEL } from '../../../shared/logic/issue-rules';
import { runCommand } from '../../api/command';
import { ISSUE_STATUS } from './issue-labels';
import { ReasonModal } from './ReasonModal';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const refresh = ['issues'] as const;

/** Assign, change status (only the allowed moves are offered), escalate, accept as an exception. */
export function IssueActions({ issue }: { issue: Issue }) {
  const t = useText();
  const [assignee, setAssignee] = useState(issue.assignee ?? '');
  const [dialog, setDialog] = useState<'escalate' | 'exception' | null>(null);
  const [busy, setBusy] = useState(false);
  const moves = ISSUE_TRANSITIONS[issue.status].filter((s) => s !== 'accepted_exception' && s !== 'escalated');
  const canEscalate = isOpenIssueStatus(issue.status) && issue.escalationLevel < MAX_ESCALATION_LEVEL;

  async function setStatus(status: IssueStatus) {
    setBusy(true);
    await runCommand(
      'issues.setStatus',
      { issueId: issue.id, status },
      {
        refresh: [...refresh],
        success: appText('site.issues.issueActions.statusSet', { number: issue.number, status: ISSUE_STATUS[status].label }),
      },
    );
    setBusy(false);
  }

  async function assign() {
    const next = assignee.trim() === '' ? null : assignee.trim();
    if (next === issue.assignee) return;
    await runCommand(
      'issues.assign',
      { issueId: issue.id, assignee: next },
      {
        refresh: [...refresh],
        success: next ? appText('site.issues.issueActions.assignedTo', { name: next }) : appText('site.issues.issueActions.unassigned'),
      },
    );
  }

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        size="xs"
        label={t('site.issues.issueActions.assignee')}
        placeholder={t('site.issues.issueActions.name')}
        leftSection={<IconUser size={12} />}
        value={assignee}
        onChange={(e) => setAssignee(e.currentTarget.value)}
        onBlur={() => void assign()}
        onKeyDown={(e) => e.key === 'Enter' && void assign()}
        maxLength={200}
        w={180}
        data-testid="issue-assignee"
      />
      <Menu position="bottom-start" shadow="md">
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            rightSection={<IconChevronDown size={14} />}
            disabled={moves.length === 0}
            loading={busy}
            data-testid="issue-status-menu"
          >
            {t('site.issues.issueActions.changeStatus')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {moves.map((s) => (
            <Menu.Item key={s} onClick={() => void setStatus(s)} data-testid={`issue-set-${s}`}>
              {issue.status !== 'open' && s === 'open' ? t('site.issues.issueActions.reopen') : ISSUE_STATUS[s].label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button
        size="xs"
        variant="light"
        color="red"
        leftSection={<IconArrowUpRight size={14} />}
        disabled={!canEscalate}
        onClick={() => setDialog('escalate')}
        data-testid="issue-escalate"
      >
        {t('site.issues.issueActions.escalate')}
      </Button>
      <Button
        size="xs"
        variant="light"
        color="grape"
        leftSection={<IconExclamationMark size={14} />}
        disabled={!isOpenIssueStatus(issue.status)}
        onClick={() => setDialog('exception')}
        data-testid="issue-accept-exception"
      >
        {t('site.issues.issueActions.acceptAsException')}
      </Button>
      <ReasonModal
        opened={dialog === 'escalate'}
        title={t('site.issues.issueActions.escalateIssue', { number: issue.number })}
        prompt="Why does it need escalating, and to whom?"
        confirmLabel={t('site.issues.issueActions.escalate')}
        color="red"
        testId="escalate"
        levelAbove={issue.escalationLevel}
        onClose={() => setDialog(null)}
        onConfirm={async (reason, level) =>
          (await runCommand(
            'issues.escalate',
            { issueId: issue.id, level, reason },
            { refresh: [...refresh], success: appText('site.issues.issueActions.escalated', { number: issue.number, level }) },
          )) !== null
        }
      />
      <ReasonModal
        opened={dialog === 'exception'}
        title={t('site.issues.issueActions.acceptIssueAsAn', { number: issue.number })}
        prompt="Why may the site go ahead with this issue open?"
        confirmLabel={t('site.issues.issueActions.acceptAsException')}
        color="grape"
        testId="exception"
        onClose={() => setDialog(null)}
        onConfirm={async (reason) =>
          (await runCommand(
            'issues.setStatus',
            { issueId: issue.id, status: 'accepted_exception', reason },
            { refresh: [...refresh], success: appText('site.issues.issueActions.acceptedException', { number: issue.number }) },
          )) !== null
        }
      />
    </Group>
  );
}
