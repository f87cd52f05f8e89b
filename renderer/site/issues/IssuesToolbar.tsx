import { Button, Group, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ApiOutput } from '../../../shared/contract';
import { OPEN_ISSUE_STATUSES, type IssueCategory, type IssueSeverity, type IssueStatus } from '../../../shared/domain/issue';
import { CATEGORY, ISSUE_STATUS, SEVERITY } from './issue-labels';
import { useText } from '../../i18n/i18n';

export interface IssueFilter {
  severity: IssueSeverity | null;
  status: IssueStatus | null;
  category: IssueCategory | null;
}

interface Props {
  filter: IssueFilter;
  onFilter: (next: IssueFilter) => void;
  counts: ApiOutput<'issues.list'>['counts'] | undefined;
  onNew: () => void;
}

function withCounts<K extends string>(labels: Record<K, string | { label: string }>, counts: Record<K, number> | undefined) {
  return (Object.keys(labels) as K[]).map((value) => {
    const l = labels[value];
    return { value, label: `${typeof l === 'string' ? l : l.label} (${counts?.[value] ?? 0})` };
  });
}

/** Filters by severity, status and category; each option shows how many of the site's issues it holds. */
export function IssuesToolbar({ filter, onFilter, counts, onNew }: Props) {
  const t = useText();
  const open = counts ? OPEN_ISSUE_STATUSES.reduce((sum, status) => sum + counts.byStatus[status], 0) : 0;
  return (
    <Group gap="xs" wrap="wrap" align="flex-end">
      <Select
        size="xs"
        w={170}
        placeholder={t('site.issues.issuesToolbar.allSeverities')}
        clearable
        data={withCounts(SEVERITY, counts?.bySeverity)}
        value={filter.severity}
        onChange={(v) => onFilter({ ...filter, severity: v as IssueSeverity | null })}
        data-testid="filter-severity"
      />
      <Select
        size="xs"
        w={210}
        placeholder={t('site.issues.issuesToolbar.allStatuses')}
        clearable
        data={withCounts(ISSUE_STATUS, counts?.byStatus)}
        value={filter.status}
        onChange={(v) => onFilter({ ...filter, status: v as IssueStatus | null })}
        data-testid="filter-status"
      />
      <Select
        size="xs"
        w={190}
        placeholder={t('site.issues.issuesToolbar.allCategories')}
        clearable
        data={withCounts(CATEGORY, counts?.byCategory)}
        value={filter.category}
        onChange={(v) => onFilter({ ...filter, category: v as IssueCategory | null })}
        data-testid="filter-category"
      />
      <Text size="sm" c="dimmed" data-testid="issues-open-count">
        {t('site.issues.issuesToolbar.open', { open })}
      </Text>
      <Button size="xs" ml="auto" leftSection={<IconPlus size={14} />} onClick={onNew} data-testid="new-issue">
        {t('site.issues.issuesToolbar.newIssue')}
      </Button>
    </Group>
  );
}
