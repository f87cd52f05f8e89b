import { Alert, Badge, Code, Group, List, Loader, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconFlag } from '@tabler/icons-react';
import type { CloseoutStatus } from '../../shared/contract/closeout-methods';
import { milestoneReviewProblem } from '../../shared/logic/milestone-review-rule';
import type { Topic } from '../api/refresh';
import { useApiQuery } from '../api/useApiQuery';
import { QueryError } from '../shell/QueryError';
import { SignOffPanel } from '../site/signoff/SignOffPanel';
import { ExportButtons } from './ExportButtons';
import { ReviewSection } from './ReviewSection';
import { useText } from '../i18n/i18n';

const TOPICS: Topic[] = ['deployments', 'sites', 'issues', 'checklist', 'inventory'];
const SHOWN = 10;

function Conditions({ status }: { status: CloseoutStatus }) {
  return (
    <List spacing="xs" center data-testid="closeout-conditions">
      {status.conditions.map((c) => (
        <List.Item
          key={c.key}
          data-testid={`closeout-condition-${c.key}`}
          data-met={c.met}
          icon={
            <ThemeIcon color={c.met ? 'teal' : 'red'} size={22} radius="xl" variant="light">
              {c.met ? <IconCircleCheck size={16} /> : <IconCircleX size={16} />}
            </ThemeIcon>
          }
        >
          <Text size="sm" fw={600}>
            {c.title}
          </Text>
          <Text size="sm" c={c.met ? 'dimmed' : undefined}>
            {c.detail}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function Outstanding({ status }: { status: CloseoutStatus }) {
  const t = useText();
  if (status.outstandingSites.length === 0 && status.blockingIssues.length === 0) return null;
  return (
    <Stack gap="xs">
      {status.outstandingSites.length > 0 && (
        <Table withTableBorder fz="xs" data-testid="closeout-outstanding">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('closeout.closeoutPanel.site')}</Table.Th>
              <Table.Th>{t('closeout.closeoutPanel.whatIsMissing')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.outstandingSites.slice(0, SHOWN).map((s) => (
              <Table.Tr key={s.siteId}>
                <Table.Td>
                  {s.code} · {s.name}
                </Table.Td>
                <Table.Td>{s.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {status.sites.outstanding > SHOWN && (
        <Text size="xs" c="dimmed">
          {t('closeout.closeoutPanel.andMoreSitesAll', { more: status.sites.outstanding - SHOWN })}
        </Text>
      )}
      {status.blockingIssues.length > 0 && (
        <Text size="xs" data-testid="closeout-blocking">
          {t('closeout.closeoutPanel.blocking')}{' '}
          {status.blockingIssues
            .slice(0, SHOWN)
            .map((b) => `${b.siteCode} #${b.number} ${b.title}`)
            .join(' · ')}
          {status.openBlockingIssues > SHOWN ? ' …' : ''}
        </Text>
      )}
    </Stack>
  );
}

function Milestone({ milestone }: { milestone: NonNullable<CloseoutStatus['milestone']> }) {
  const t = useText();
  return (
    <Paper withBorder p="sm" data-testid="closeout-milestone">
      <Group gap="xs">
        <IconFlag size={16} />
        <Text fw={600} size="sm">
          {t('closeout.closeoutPanel.deploymentCompleteMilestone', { status: t(`common.signOffDecision.${milestone.decision}`) })}
        </Text>
      </Group>
      <Text size="sm">
        {t('closeout.closeoutPanel.signedByOnUtc', {
          signerName: milestone.signerName,
          signerRole: milestone.signerRole,
          signedAt: milestone.signedAt.slice(0, 16).replace('T', ' '),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('closeout.closeoutPanel.contentSha256')} <Code data-testid="closeout-milestone-hash">{milestone.contentHash}</Code>
      </Text>
    </Paper>
  );
}

/** Readiness to close the deployment, the post-deployment review, the milestone sign-off (only when ready) and the close-out report. */
export function CloseoutPanel({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const status = useApiQuery('closeout.status', { deploymentId }, TOPICS);
  const review = useApiQuery('closeout.review', { deploymentId }, TOPICS);
  if (status.error && !status.data)
    return <QueryError title={t('closeout.closeoutPanel.closeOutNotAvailable')} error={status.error} onRetry={status.reload} />;
  if (!status.data) return <Loader size="sm" m="xl" />;
  const s = status.data;
  const reviewProblem = review.data ? milestoneReviewProblem(review.data.review) : null;

  return (
    <Stack gap="md" data-testid="closeout-panel" data-ready={s.ready} data-complete={s.complete}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={4}>{t('closeout.closeoutPanel.closeOut')}</Title>
            <Badge color={s.complete ? 'teal' : s.ready ? 'blue' : 'gray'} data-testid="closeout-state">
              {s.complete
                ? t('closeout.closeoutPanel.complete')
                : s.ready
                  ? t('closeout.closeoutPanel.readyToClose')
                  : t('closeout.closeoutPanel.notReady')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('closeout.closeoutPanel.ofSitesSignedOff', {
              signedOff: s.sites.signedOff,
              total: s.sites.total,
              rolledBack: s.sites.rolledBack,
              quietPeriodDays: s.quietPeriodDays,
            })}
          </Text>
        </div>
        <ExportButtons deploymentId={deploymentId} />
      </Group>
      <Conditions status={s} />
      <Outstanding status={s} />
      {review.data ? (
        <ReviewSection data={review.data} />
      ) : review.error ? (
        <QueryError title={t('closeout.closeoutPanel.reviewNotAvailable')} error={review.error} onRetry={review.reload} />
      ) : (
        <Loader size="sm" />
      )}
      {s.milestone && <Milestone milestone={s.milestone} />}
      {!s.ready && !s.complete && (
        <Alert
          color="gray"
          variant="light"
          title={t('closeout.closeoutPanel.theDeploymentCompleteMilestone')}
          data-testid="closeout-not-ready"
        >
          {t('closeout.closeoutPanel.itCanBeSigned')}{' '}
          {s.conditions
            .filter((c) => !c.met)
            .map((c) => c.title.toLowerCase())
            .join('; ')}
          .
        </Alert>
      )}
      {s.ready && !s.complete && reviewProblem && (
        <Alert
          color="yellow"
          variant="light"
          title={t('closeout.closeoutPanel.saveThePostDeployment')}
          data-testid="closeout-review-needed"
        >
          {reviewProblem}
        </Alert>
      )}
      {s.ready && !s.complete && <SignOffPanel subject={{ kind: 'deployment_milestone', siteId: null, deploymentId }} />}
    </Stack>
  );
}
