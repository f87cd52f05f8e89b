import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Issue } from '../../../shared/domain/issue';
import { impactMinutes, isOpenOutage } from '../../../shared/logic/downtime';
import { useApiQuery } from '../../api/useApiQuery';
import { Time, useDisplayZone } from '../../format/Time';
import { ServiceImpactModal } from './ServiceImpactModal';
import { useText } from '../../i18n/i18n';

const IMPACT_LABEL = { outage: 'Outage', degraded: 'Degraded', none: 'No service impact' } as const;

/** The issue's service impact (affected service, impact, start and end in site time, users or tills) and the way to record or change it. */
export function ServiceImpactSection({ issue }: { issue: Issue }) {
  const t = useText();
  const zone = useDisplayZone();
  const [editing, setEditing] = useState(false);
  const site = useApiQuery('sites.get', { siteId: issue.siteId }, ['sites']);
  const deployment = useApiQuery('deployments.get', site.data ? { deploymentId: site.data.deploymentId } : null, ['deployments']);
  const components = deployment.data?.components ?? [];
  const component = components.find((c) => c.id === issue.impactComponentId);
  const open = isOpenOutage({ impact: issue.impact, endedAt: issue.impactEndedAt });
  const minutes = issue.impactStartedAt
    ? impactMinutes({ startedAt: issue.impactStartedAt, endedAt: issue.impactEndedAt }, Date.now())
    : null;

  return (
    <Paper withBorder p="xs" data-testid="issue-impact" data-impact={issue.impact ?? 'unrecorded'} data-open={open}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap={6}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t('site.issues.serviceImpactSection.serviceImpact')}
            </Text>
            {issue.impact && issue.impact !== 'none' && (
              <Badge
                size="sm"
                color={issue.impact === 'outage' ? 'red' : 'orange'}
                variant={open ? 'filled' : 'light'}
                leftSection={<IconPlugConnectedX size={11} />}
              >
                {IMPACT_LABEL[issue.impact]}
                {open ? t('site.issues.serviceImpactSection.stillGoingOn') : ''}
              </Badge>
            )}
          </Group>
          {issue.impact === null && (
            <Text size="sm" c="dimmed">
              {t('site.issues.serviceImpactSection.notRecorded')}
            </Text>
          )}
          {issue.impact === 'none' && <Text size="sm">{IMPACT_LABEL.none}</Text>}
          {issue.impact !== null && issue.impact !== 'none' && (
            <>
              <Text size="sm" data-testid="issue-impact-service">
                {component?.name ??
                  (issue.impactComponentId
                    ? t('site.issues.serviceImpactSection.aRemovedComponent')
                    : t('site.issues.serviceImpactSection.serviceNotNamed'))}
                {issue.impactUsersAffected !== null
                  ? t('site.issues.serviceImpactSection.usersOrTillsAffected', { impactUsersAffected: issue.impactUsersAffected })
                  : ''}
              </Text>
              <Text size="sm">
                <Time iso={issue.impactStartedAt} /> →{' '}
                {issue.impactEndedAt ? <Time iso={issue.impactEndedAt} /> : t('site.issues.serviceImpactSection.now')}
                {minutes !== null && (
                  <Text span c="dimmed" data-testid="issue-impact-minutes">
                    {t(open ? 'site.issues.serviceImpactSection.minutesSoFar' : 'site.issues.serviceImpactSection.minutes', { minutes })}
                  </Text>
                )}
              </Text>
            </>
          )}
        </Stack>
        <Button
          size="xs"
          variant="default"
          style={{ flexShrink: 0 }}
          onClick={() => setEditing(true)}
          disabled={!deployment.data}
          data-testid="issue-impact-edit"
        >
          {issue.impact === null ? t('site.issues.serviceImpactSection.recordImpact') : t('site.issues.serviceImpactSection.editImpact')}
        </Button>
      </Group>
      {editing && <ServiceImpactModal issue={issue} zone={zone} components={components} opened onClose={() => setEditing(false)} />}
    </Paper>
  );
}
