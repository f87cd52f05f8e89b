import { Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowUpRight, IconLock } from '@tabler/icons-react';
import type { Issue } from '../../../shared/domain/issue';
import { Time } from '../../format/Time';
import { CATEGORY } from './issue-labels';
import { IssueStatusBadge, SeverityBadge } from './IssueBadges';
import { useText } from '../../i18n/i18n';

interface Props {
  issues: Issue[];
  selectedId: string | null;
  onSelect: (issueId: string) => void;
}

export function IssueList({ issues, selectedId, onSelect }: Props) {
  const t = useText();
  if (issues.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="md" data-testid="issues-empty">
        {t('site.issues.issueList.noIssuesMatchLog')}
      </Text>
    );
  }
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>#</Table.Th>
            <Table.Th>{t('site.issues.issueList.title')}</Table.Th>
            <Table.Th w={100}>{t('site.issues.issueList.severity')}</Table.Th>
            <Table.Th w={160}>{t('site.issues.issueList.status')}</Table.Th>
            <Table.Th w={120}>{t('site.issues.issueList.category')}</Table.Th>
            <Table.Th w={140}>{t('site.issues.issueList.assignee')}</Table.Th>
            <Table.Th w={110}>{t('site.issues.issueList.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue) => (
            <Table.Tr
              key={issue.id}
              onClick={() => onSelect(issue.id)}
              style={{ cursor: 'pointer' }}
              bg={issue.id === selectedId ? 'var(--mantine-color-default-hover)' : undefined}
              data-testid="issue-row"
              data-issue-number={issue.number}
              data-status={issue.status}
              data-blocking={issue.blocksSignOff}
            >
              <Table.Td ff="monospace">{issue.number}</Table.Td>
              <Table.Td>
                {issue.blocksSignOff && (
                  <Tooltip label={t('site.issues.issueList.blocksSignOff')}>
                    <IconLock
                      size={13}
                      color="var(--mantine-color-red-filled)"
                      style={{ verticalAlign: -1, marginRight: 4 }}
                      aria-label={t('site.issues.issueList.blocksSignOff')}
                    />
                  </Tooltip>
                )}
                {issue.title}
                {issue.escalationLevel > 0 && (
                  <Text span size="xs" c="red" ml={6} fw={600}>
                    <IconArrowUpRight size={11} style={{ verticalAlign: -1 }} />L{issue.escalationLevel}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <SeverityBadge severity={issue.severity} size="sm" />
              </Table.Td>
              <Table.Td>
                <IssueStatusBadge status={issue.status} size="sm" />
              </Table.Td>
              <Table.Td>{CATEGORY[issue.category]}</Table.Td>
              <Table.Td c={issue.assignee ? undefined : 'dimmed'}>{issue.assignee ?? '—'}</Table.Td>
              <Table.Td c="dimmed">
                <Time iso={issue.updatedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
