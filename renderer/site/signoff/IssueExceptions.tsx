import { Badge, Checkbox, Paper, Table, Text, TextInput } from '@mantine/core';
import { textTooLong } from '../../../shared/logic/text-limits';
import { LengthCounter } from '../../shell/LengthCounter';
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
  const open = issues.filter((i) => OPEN_ISSUE_STATUSES.includes(i.status));
  const set = (id: string, patch: Partial<{ accept: boolean; reason: string }>) => onChange({ ...draft, [id]: { accept: false, reason: '', ...draft[id], ...patch } });
  return (
    <Paper withBorder data-testid="review-issues">
      <Text fw={600} size="sm" px="sm" py={6}>
        Open issues and proposed exceptions ({open.length} open of {issues.length})
      </Text>
      {open.length === 0 ? (
        <Text size="xs" c="dimmed" px="sm" pb="sm">
          No open issues.
        </Text>
      ) : (
        <Table fz="xs" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Issue</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Accept as exception</Table.Th>
              <Table.Th w="40%">Reason</Table.Th>
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
                        blocks sign-off
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{issue.severity}</Table.Td>
                  <Table.Td>{issue.status.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>
                    <Checkbox size="xs" checked={entry.accept} disabled={disabled} onChange={(e) => set(issue.id, { accept: e.currentTarget.checked })} aria-label={`Accept issue #${issue.number} as an exception`} data-testid="accept-exception" />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      placeholder={entry.accept ? 'Why this is acceptable (required)' : ''}
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
