import { Alert, Badge, Button, Code, Group, Loader, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CheckStatus } from '../../../shared/checks/results';
import { API_METHOD_NAMES } from '../../../shared/contract/method-names';
import type { CheckRunDetail } from '../../../shared/domain/check-run';
import { runCommand } from '../../api/command';
import { useApiQuery } from '../../api/useApiQuery';
import { Time } from '../../format/Time';
import { QueryError } from '../../shell/QueryError';
import { CountsText, OutcomeBadge } from './OutcomeBadge';
import { windowsNote } from './outcome';
import { UseAsEvidence } from './UseAsEvidence';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';
import { Trans } from 'react-i18next';

const STATUS_COLOR: Record<CheckStatus, string> = {
  pass: 'teal',
  fail: 'red',
  get error() {
    return appText('site.machines.runDetailModal.orange');
  },
  skipped: 'gray',
};
/** "Log issue" appears only when this build has the issue log. */
const HAS_ISSUE_LOG = (API_METHOD_NAMES as readonly string[]).includes('issues.create');

function StatusBadge({ status }: { status: CheckStatus | null }) {
  if (status === null)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size="sm" data-status={status}>
      {status}
    </Badge>
  );
}

async function logIssue(run: CheckRunDetail): Promise<void> {
  const failed = run.results.filter((r) => r.status === 'fail' || r.status === 'error');
  const description = [
    `Check run ${run.id} of ${run.targetLabel} (${run.finishedAt ?? run.startedAt}, by ${run.by})`,
    '',
    ...failed.map((r) => `- ${r.description || r.kind}: expected ${r.expected}, actual ${r.actual}`),
  ].join('\n');
  const links = [
    { kind: 'check_run' as const, id: run.id },
    ...(run.targetId ? [{ kind: 'target_machine' as const, id: run.targetId }] : []),
  ];
  await runCommand(
    'issues.create',
    {
      siteId: run.siteId,
      title: `${run.targetLabel}: ${failed.length || 'a'} requirement${failed.length === 1 ? '' : 's'} not met`.slice(0, 200),
      description,
      severity: 'medium',
      category: 'software',
      links,
    },
    { success: appText('site.machines.runDetailModal.issueLogged') },
  );
}

/** One run: each requirement with its evidence, and what changed since the previous run. */
export function RunDetailModal({ runId, onClose }: { runId: string | null; onClose: () => void }) {
  const t = useText();
  const run = useApiQuery('checks.run', runId ? { runId } : null, ['machines']);
  const [logging, setLogging] = useState(false);
  const data = run.data;
  const hasFailures = data ? data.counts.fail + data.counts.error > 0 : false;
  return (
    <Modal
      opened={runId !== null}
      onClose={onClose}
      size="xl"
      title={
        data ? t('site.machines.runDetailModal.checkOf', { targetLabel: data.targetLabel }) : t('site.machines.runDetailModal.checkRun')
      }
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {run.error && !data ? (
        <QueryError title={t('site.machines.runDetailModal.runNotAvailable')} error={run.error} onRetry={run.reload} />
      ) : !data ? (
        <Loader size="sm" />
      ) : (
        <Stack gap="sm" data-testid="run-detail">
          <Group justify="space-between">
            <Group gap="sm">
              <OutcomeBadge outcome={data.outcome} counts={data.counts} />
              <CountsText counts={data.counts} />
            </Group>
            <Text size="xs" c="dimmed">
              <Time iso={data.finishedAt ?? data.startedAt} /> · {data.by} · {(data.durationMs / 1000).toFixed(1)} s
            </Text>
          </Group>
          {data.outcome === 'windows' && <Alert color="gray">{windowsNote()}</Alert>}
          {data.outcome !== 'completed' && data.outcome !== 'windows' && data.message && (
            <Alert color="orange" data-testid="run-message">
              {data.message}
            </Alert>
          )}
          {data.results.length > 0 && (
            <Table verticalSpacing={4} fz="sm" data-testid="run-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('site.machines.runDetailModal.requirement')}</Table.Th>
                  <Table.Th>{t('site.machines.runDetailModal.status')}</Table.Th>
                  <Table.Th>{t('site.machines.runDetailModal.expected')}</Table.Th>
                  <Table.Th>{t('site.machines.runDetailModal.actual')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.results.map((r) => (
                  <Table.Tr key={r.requirementId} data-testid="result-row" data-status={r.status}>
                    <Table.Td>
                      <Text size="sm">{r.description || r.kind}</Text>
                      {r.message && (
                        <Text size="xs" c="dimmed">
                          {r.message}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td ff="monospace" fz="xs" data-testid="result-expected">
                      {r.expected}
                    </Table.Td>
                    <Table.Td ff="monospace" fz="xs" data-testid="result-actual">
                      {r.actual}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Title order={6}>{t('site.machines.runDetailModal.sinceThePreviousRun')}</Title>
          {!data.difference ? (
            <Text size="sm" c="dimmed">
              {t('site.machines.runDetailModal.thisIsTheFirst')}
            </Text>
          ) : data.difference.requirements.length + data.difference.facts.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="run-difference">
              {t('site.machines.runDetailModal.nothingChanged')}
            </Text>
          ) : (
            <Table verticalSpacing={2} fz="sm" data-testid="run-difference">
              <Table.Tbody>
                {data.difference.requirements.map((d) => (
                  <Table.Tr key={`r-${d.requirementId}`}>
                    <Table.Td>{d.description || d.requirementId}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={d.before} /> → <StatusBadge status={d.after} />
                    </Table.Td>
                  </Table.Tr>
                ))}
                {data.difference.facts.map((d) => (
                  <Table.Tr key={`f-${d.fact}`}>
                    <Table.Td>{d.fact}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {d.before} → {d.after}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {data.hostKey && (
            <Text size="xs" c="dimmed">
              <Trans
                t={t}
                i18nKey="site.machines.runDetailModal.hostKey"
                values={{ algorithm: data.hostKey.algorithm, fingerprint: data.hostKey.fingerprint }}
                components={{ code: <Code fz="xs" /> }}
              />
            </Text>
          )}
          <UseAsEvidence run={data} />
          {HAS_ISSUE_LOG && hasFailures && (
            <Group justify="flex-end">
              <Button
                variant="light"
                color="red"
                loading={logging}
                data-testid="log-issue"
                onClick={() => {
                  setLogging(true);
                  void logIssue(data).finally(() => setLogging(false));
                }}
              >
                {t('site.machines.runDetailModal.logIssue')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}
