import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { isOpenBlocking, isOpenIssueStatus } from '../../../shared/logic/issue-rules';
import { useApiQuery } from '../../api/useApiQuery';
import { useNavigation } from '../../state/navigation';
import { SeverityBadge } from './IssueBadges';
import { useText } from '../../i18n/i18n';
import { Trans } from 'react-i18next';

/** On the site overview: how many issues are open, and which open ones block sign-off. */
export function OverviewIssuesCard({ siteId }: { siteId: string }) {
  const t = useText();
  const list = useApiQuery('issues.list', { siteId }, ['issues']);
  const setTab = useNavigation((s) => s.setTab);
  const issues = list.data?.issues ?? [];
  const open = issues.filter((i) => isOpenIssueStatus(i.status));
  const blocking = issues.filter(isOpenBlocking);
  return (
    <Paper withBorder p="sm" data-testid="overview-issues">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t('site.issues.overviewIssuesCard.openIssues')}
          </Text>
          <Group gap="lg" align="baseline">
            <Text fz={32} fw={700} lh={1.3} data-testid="overview-open-issues">
              {open.length}
            </Text>
            <Text size="sm" c={blocking.length > 0 ? 'red' : 'dimmed'} fw={blocking.length > 0 ? 700 : 400}>
              <Trans
                t={t}
                i18nKey="site.issues.overviewIssuesCard.blocking"
                values={{ number: blocking.length }}
                components={{ n: <span data-testid="overview-blocking" /> }}
              />
            </Text>
          </Group>
        </div>
        <Anchor size="sm" component="button" onClick={() => setTab('issues')} data-testid="overview-open-issues-link">
          {t('site.issues.overviewIssuesCard.openIssues')}
        </Anchor>
      </Group>
      {blocking.length > 0 && (
        <Stack gap={4} mt={6}>
          {blocking.slice(0, 5).map((i) => (
            <Group key={i.id} gap={6} wrap="nowrap" data-testid="overview-blocking-issue">
              <IconLock size={13} color="var(--mantine-color-red-filled)" />
              <Text size="sm" ff="monospace" c="dimmed">
                #{i.number}
              </Text>
              <Text size="sm" truncate>
                {i.title}
              </Text>
              <SeverityBadge severity={i.severity} size="xs" />
              {i.escalationLevel > 0 && (
                <Badge size="xs" color="red" variant="light">
                  L{i.escalationLevel}
                </Badge>
              )}
            </Group>
          ))}
          {blocking.length > 5 && (
            <Text size="xs" c="dimmed">
              {t('site.issues.overviewIssuesCard.andMore', { number: blocking.length - 5 })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
