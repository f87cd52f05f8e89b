import { Badge, Checkbox, Paper, Table, Text, TextInput } from '@mantine/core';
import { textTooLong } from '../../../shared/logic/text-limits';
import { LengthCounter } from '../../shell/LengthCounter';
import { useText } from '../../i18n/i18n';
import { OPEN_ISSUE_STATUSES } from '../../../shared/domain/issue';
import type { ReviewIssue } from '../../../shared/domain/signoff';

export type ExceptionDraft = Record<string, { accept: boolean; reason: string }>;

interface Props {
  issues: readonly ReviewIssue[];
  draft: ExceptionDraft;
  onChange: (next: ExceptionDraft) => void;
  disabled: boolean;
}

/** Open issues and proposed exceptions: every open issue can be accepted as an exception with a reason. */
export function IssueExceptions({ issues, draft, onChange, disabled }: Props) {
  const t = useText();
  const open = issues.filter((i) => OPEN_ISSUE_STATUSES.includes(i.status));
  const set = (id: string, patch: Partial<{ accept: boolean; reason: string }>) =>
    onChange({ ...draft, [id]: { accept: false, reason: '', ...draft[id], ...patch } });
  return (
    <Paper withBorder data-testid="review-issues">
      <Text fw={600} size="sm" px="sm" py={6}>
        {t('site.signoff.issueExceptions.heading', { open: open.length, total: issues.length })}
      </Text>
      {open.length === 0 ? (
        <Text size="xs" c="dimmed" px="sm" pb="sm">
          {t('site.signoff.issueExceptions.noOpenIssues')}
        </Text>
      ) : (
        <Table fz="xs" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('site.signoff.issueExceptions.issue')}</Table.Th>
              <Table.Th>{t('site.signoff.issueExceptions.severity')}</Table.Th>
              <Table.Th>{t('site.signoff.issueExceptions.status')}</Table.Th>
              <Table.Th>{t('site.signoff.issueExceptions.acceptAsException')}</Table.Th>
              <Table.Th w="40%">{t('site.signoff.issueExceptions.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.map((issue) => {
              const entry = draft[issue.id] ?? { accept: false, reason: '' };
              return (
                <Table.Tr key={issue.id} data-testid="review-issue" data-blocking={issue.blocksSignOff || undefined}>
                  <Table.Td>
                    {issue.siteCode} #{issue.number} {issue.title}{' '}
                    {issue.blocksSignOff && (
                      <Badge size="xs" color="red" variant="light">
                        {t('site.signoff.issueExceptions.blocksSignOff')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{issue.severity}</Table.Td>
                  <Table.Td>{issue.status.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>
                    <Checkbox
                      size="xs"
                      checked={entry.accept}
                      disabled={disabled}
                      onChange={(e) => set(issue.id, { accept: e.currentTarget.checked })}
                      aria-label={t('site.signoff.issueExceptions.acceptIssue', { number: issue.number })}
                      data-testid="accept-exception"
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      placeholder={entry.accept ? t('site.signoff.issueExceptions.reasonRequired') : ''}
                      disabled={disabled || !entry.accept}
                      value={entry.reason}
                      error={(entry.accept && entry.reason.trim() === '') || textTooLong(entry.reason)}
                      description={entry.reason.length > 3000 ? <LengthCounter value={entry.reason} /> : undefined}
                      onChange={(e) => set(issue.id, { reason: e.currentTarget.value })}
                      data-testid="exception-reason"
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
