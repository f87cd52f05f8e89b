import { Drawer, Loader, ScrollArea, Stack } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryError } from '../../shell/QueryError';
import { openIssueDraft } from './issue-draft';
import { useNavigation } from '../../state/navigation';
import { IssueDetail } from './IssueDetail';
import { IssueList } from './IssueList';
import { IssuesToolbar, type IssueFilter } from './IssuesToolbar';
import { useText } from '../../i18n/i18n';

/** The site's issue log: filters with counts, the list, and the selected issue in a side drawer. */
export function IssuesTab({ siteId }: { siteId: string }) {
  const t = useText();
  const [filter, setFilter] = useState<IssueFilter>({ severity: null, status: null, category: null });
  // The open issue is part of the route (#…/issues/<issueId>): Back closes it, Forward opens it again.
  const selected = useNavigation((s) => s.issueId ?? null);
  const setSelected = useNavigation((s) => s.openIssue);
  const list = useApiQuery(
    'issues.list',
    {
      siteId,
      ...(filter.severity ? { severity: filter.severity } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.category ? { category: filter.category } : {}),
    },
    ['issues'],
  );

  if (list.error && !list.data)
    return <QueryError title={t('site.issues.issuesTab.issuesNotAvailable')} error={list.error} onRetry={list.reload} />;

  return (
    <ScrollArea h="100%" type="auto" data-testid="issues-tab">
      <Stack gap="sm" pb="md" pr={4}>
        <IssuesToolbar
          filter={filter}
          onFilter={setFilter}
          counts={list.data?.counts}
          onNew={() => openIssueDraft({ siteId, title: '', description: '', links: [], source: null })}
        />
        {list.data ? <IssueList issues={list.data.issues} selectedId={selected} onSelect={setSelected} /> : <Loader size="sm" />}
      </Stack>
      <Drawer
        opened={selected !== null}
        onClose={() => setSelected(null)}
        position="right"
        size="lg"
        title={t('site.issues.issuesTab.issue')}
        data-testid="issue-drawer"
      >
        {selected && <IssueDetail issueId={selected} />}
      </Drawer>
    </ScrollArea>
  );
}
