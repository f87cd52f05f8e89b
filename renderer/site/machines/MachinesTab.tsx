import { Button, Group, Loader, Paper, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconDeviceDesktop, IconPlayerPlay, IconPlayerStop, IconUpload } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import type { MachineCheckRow } from '../../../shared/contract/checks-methods';
import { INVENTORY_PAGE_MAX } from '../../../shared/contract/inventory-methods';
import type { CheckJobStatus } from '../../../shared/domain/check-run';
import type { PendingApproval } from '../../../shared/checks/plan-approval';
import type { ApiInput } from '../../../shared/contract';
import { call } from '../../api/client';
import { runCommand } from '../../api/command';
import { showApiError } from '../../api/notify';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryError } from '../../shell/QueryError';
import { ApprovalModal, type ApprovalRequest } from './ApprovalModal';
import { CredentialModal } from './CredentialModal';
import { HostKeyModal, type HostKeyQuestion } from './HostKeyModal';
import { InterruptedHosts } from './InterruptedHosts';
import { KnownHostsModal } from './KnownHostsModal';
import { MachineRow } from './MachineRow';
import { RunDetailModal } from './RunDetailModal';
import { ThisMachineCard } from './ThisMachineCard';
import { useCheckJob } from './useCheckJob';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

function questionsFrom(status: CheckJobStatus): HostKeyQuestion[] {
  return status.hosts
    .filter((h) => h.targetId && h.hostKey && (h.outcome === 'host_key_unknown' || h.outcome === 'host_key_changed'))
    .map((h) => ({
      targetId: h.targetId!,
      label: h.label,
      algorithm: h.hostKey!.algorithm,
      fingerprint: h.hostKey!.fingerprint,
      trusted: h.outcome === 'host_key_changed' ? (h.expectedFingerprint ?? '?') : null,
    }));
}

function questionFromRow(row: MachineCheckRow): HostKeyQuestion | null {
  const run = row.lastRun;
  if (!run?.hostKey) return null;
  return {
    targetId: row.target.id,
    label: row.target.hostName,
    algorithm: run.hostKey.algorithm,
    fingerprint: run.hostKey.fingerprint,
    trusted: run.outcome === 'host_key_changed' ? (run.expectedFingerprint ?? '?') : null,
  };
}

async function approve(siteId: string, pending: PendingApproval[]): Promise<boolean> {
  const done = await runCommand(
    'checks.approveCommands',
    { siteId, approvals: pending.map((p) => ({ targetId: p.targetId, ...(p.role !== null ? { role: p.role } : {}), hash: p.hash })) },
    { success: appText('site.machines.machinesTab.commandsApproved') },
  );
  return done !== null;
}

/** Target machines: check them over SSH (bounded, in the background), see results, trust host keys. */
export function MachinesTab({ siteId }: { siteId: string }) {
  const t = useText();
  const machines = useApiQuery('checks.machines', { siteId }, ['machines']);
  const latest = useApiQuery('checks.latestBySite', { siteId }, ['machines']);
  // Resolve linked inventory items from the first page (sites have tens of items, not thousands).
  const inventory = useApiQuery('inventory.list', { siteId, limit: INVENTORY_PAGE_MAX }, ['inventory']);
  const itemsById = useMemo(() => new Map((inventory.data?.items ?? []).map((i) => [i.id, i])), [inventory.data]);
  const [questions, setQuestions] = useState<HostKeyQuestion[]>([]);
  const [detailRunId, setDetailRunId] = useState<string | null>(null);
  const [credentialFor, setCredentialFor] = useState<MachineCheckRow | null>(null);
  const [knownHostsOpen, setKnownHostsOpen] = useState(false);
  const onFinished = useCallback((status: CheckJobStatus) => setQuestions(questionsFrom(status)), []);
  const job = useCheckJob(onFinished);
  const [approval, setApproval] = useState<ApprovalRequest | null>(null);
  /** Every check asks first when the plan would run commands or read files not approved yet on a machine. */
  const check = async (input: { targetIds?: string[] } | { thisMachine: true }) => {
    const thisMachine = 'thisMachine' in input;
    const start = () =>
      thisMachine
        ? job.start('checks.checkThisMachine', { siteId })
        : job.start('checks.start', { siteId, ...input } as ApiInput<'checks.start'>);
    const pending = await call('checks.approvalsNeeded', thisMachine ? { siteId, thisMachine: true } : { siteId, ...input });
    if (!pending.ok) {
      showApiError(pending.error, 'Check not started');
      return;
    }
    if (pending.value.length === 0) await start();
    else setApproval({ pending: pending.value, start });
  };
  const liveByTarget = useMemo(() => new Map((job.status?.hosts ?? []).map((h) => [h.targetId ?? 'this-machine', h])), [job.status]);

  const trust = async (q: HostKeyQuestion) => {
    const ok = await runCommand(
      'checks.trustHostKey',
      { targetId: q.targetId, fingerprint: q.fingerprint, algorithm: q.algorithm, replace: q.trusted !== null },
      { refresh: ['machines'], success: appText('site.machines.machinesTab.hostKeyTrusted', { label: q.label }) },
    );
    if (!ok) return;
    setQuestions((list) => list.filter((x) => x.targetId !== q.targetId));
    await check({ targetIds: [q.targetId] });
  };

  if (machines.error && !machines.data)
    return <QueryError title={t('site.machines.machinesTab.machinesNotAvailable')} error={machines.error} onRetry={machines.reload} />;
  if (!machines.data) return <Loader size="sm" />;
  const rows = machines.data;
  const progress = job.status?.progress;

  return (
    <ScrollArea h="100%" type="auto" data-testid="machines-tab">
      <Stack gap="sm" pb="md">
        <Group justify="space-between">
          <Group gap="xs">
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              disabled={job.running || rows.length === 0}
              onClick={() => void check({})}
              data-testid="check-all"
            >
              {t('site.machines.machinesTab.checkAll')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDeviceDesktop size={16} />}
              disabled={job.running}
              onClick={() => void check({ thisMachine: true })}
              data-testid="check-this-machine"
            >
              {t('site.machines.machinesTab.checkThisMachine')}
            </Button>
            {job.running && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconPlayerStop size={16} />}
                onClick={() => void job.cancel()}
                data-testid="check-cancel"
              >
                {t('common.cancel')}
              </Button>
            )}
          </Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconUpload size={14} />}
            onClick={() => setKnownHostsOpen(true)}
            data-testid="import-known-hosts"
          >
            {t('site.machines.machinesTab.importKnownHosts')}
          </Button>
        </Group>
        {job.status && (
          <Stack gap={2} data-testid="job-status" data-state={job.status.state} data-job-id={job.status.jobId}>
            <Progress
              value={progress && progress.total ? (100 * progress.done) / progress.total : 0}
              size="md"
              aria-label={t('site.machines.machinesTab.checkProgress')}
              data-testid="overall-progress"
              color={job.status.state === 'cancelled' ? 'gray' : 'blue'}
            />
            <Text size="xs" c="dimmed">
              {t(
                job.status.state === 'cancelled'
                  ? 'site.machines.machinesTab.checkedCancelled'
                  : job.status.state === 'finished'
                    ? 'site.machines.machinesTab.checkedFinished'
                    : 'site.machines.machinesTab.checked',
                { done: progress?.done ?? 0, total: progress?.total ?? 0 },
              )}
            </Text>
          </Stack>
        )}
        <InterruptedHosts siteId={siteId} busy={job.running} onRetry={(jobId) => void job.retry(jobId)} />
        <ThisMachineCard run={latest.data?.thisMachine ?? null} live={liveByTarget.get('this-machine')} onDetail={setDetailRunId} />
        <Paper withBorder>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('site.machines.machinesTab.noTargetMachinesAre')}
            </Text>
          ) : (
            <Table verticalSpacing={6} fz="sm" highlightOnHover data-testid="machines-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('site.machines.machinesTab.machine')}</Table.Th>
                  <Table.Th>{t('site.machines.machinesTab.role')}</Table.Th>
                  <Table.Th>{t('site.machines.machinesTab.signIn')}</Table.Th>
                  <Table.Th>{t('site.machines.machinesTab.lastCheck')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <MachineRow
                    key={row.target.id}
                    row={row}
                    item={row.target.inventoryItemId ? itemsById.get(row.target.inventoryItemId) : undefined}
                    live={liveByTarget.get(row.target.id)}
                    busy={job.running}
                    onCheck={() => void check({ targetIds: [row.target.id] })}
                    onCredential={() => setCredentialFor(row)}
                    onDetail={setDetailRunId}
                    onHostKey={() => {
                      const q = questionFromRow(row);
                      if (q) setQuestions([q]);
                    }}
                  />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
      <HostKeyModal question={questions[0] ?? null} onClose={() => setQuestions((list) => list.slice(1))} onTrust={trust} />
      <ApprovalModal siteId={siteId} request={approval} onClose={() => setApproval(null)} approve={approve} />
      <RunDetailModal runId={detailRunId} onClose={() => setDetailRunId(null)} />
      <CredentialModal
        target={credentialFor?.target ?? null}
        current={credentialFor?.credential ?? null}
        onClose={() => setCredentialFor(null)}
      />
      <KnownHostsModal siteId={siteId} opened={knownHostsOpen} onClose={() => setKnownHostsOpen(false)} />
    </ScrollArea>
  );
}
