import { Badge, Group, Stack, Text } from '@mantine/core';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { impactMinutes } from '../../../shared/logic/downtime';
import { Time } from '../../format/Time';
import { ReportSection } from './ReportSection';
import { useText } from '../../i18n/i18n';

const SEVERITY_COLORS: Record<string, string> = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' };

export function ReportIssues({ issues, timeZone }: { issues: SiteReport['issues']; timeZone: string }) {
  const t = useText();
  return (
    <ReportSection title={t('siteReport.sections.reportIssues.issues', { issues: issues.length })} testId="report-issues">
      {issues.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('siteReport.sections.reportIssues.noIssuesWereLogged')}
        </Text>
      )}
      <Stack gap="sm">
        {issues.map((issue) => (
          <div key={issue.id} data-testid="report-issue">
            <Group gap="xs">
              <Text size="sm" fw={600}>
                #{issue.number} {issue.title}
              </Text>
              <Badge size="xs" color={SEVERITY_COLORS[issue.severity] ?? 'gray'}>
                {issue.severity}
              </Badge>
              <Badge size="xs" variant="outline">
                {issue.category}
              </Badge>
              <Badge size="xs" variant="light" data-testid="report-issue-status">
                {issue.status.replace(/_/g, ' ')}
              </Badge>
              {issue.blocksSignOff && (
                <Badge size="xs" color="red" variant="outline">
                  {t('siteReport.sections.reportIssues.blocksSignOff')}
                </Badge>
              )}
            </Group>
            {issue.description && (
              <Text size="xs" c="dimmed">
                {issue.description}
              </Text>
            )}
            {(issue.impact === 'outage' || issue.impact === 'degraded') && (
              <Text size="xs" data-testid="report-issue-impact" data-impact={issue.impact}>
                {t('siteReport.sections.reportIssues.serviceImpact', { impact: issue.impact })}{' '}
                <Time iso={issue.impactStartedAt} zone={timeZone} /> →{' '}
                {issue.impactEndedAt ? (
                  <Time iso={issue.impactEndedAt} zone={timeZone} />
                ) : (
                  t('siteReport.sections.reportIssues.stillGoingOn')
                )}{' '}
                {t('siteReport.sections.reportIssues.min', {
                  impactMinutes: impactMinutes({ startedAt: issue.impactStartedAt, endedAt: issue.impactEndedAt }, Date.now()),
                })}
                {issue.impactUsersAffected !== null
                  ? t('siteReport.sections.reportIssues.usersOrTills', { impactUsersAffected: issue.impactUsersAffected })
                  : ''}
              </Text>
            )}
            <Stack gap={0} mt={2} pl="sm">
              {issue.events.map((e) => (
                <Text size="xs" key={e.id} data-testid="report-issue-event">
                  <Time iso={e.at} zone={timeZone} /> · {e.by} · {e.kind.replace(/_/g, ' ')}
                  {e.fromStatus && e.toStatus ? ` (${e.fromStatus.replace(/_/g, ' ')} → ${e.toStatus.replace(/_/g, ' ')})` : ''}
                  {e.escalationLevel !== null ? t('siteReport.sections.reportIssues.level', { escalationLevel: e.escalationLevel }) : ''}
                  {e.text ? `: ${e.text}` : ''}
                  {issue.attachments.some((a) => a.eventId === e.id)
                    ? t('siteReport.sections.reportIssues.photos', { photos: issue.attachments.filter((a) => a.eventId === e.id).length })
                    : ''}
                </Text>
              ))}
            </Stack>
          </div>
        ))}
      </Stack>
    </ReportSection>
  );
}
