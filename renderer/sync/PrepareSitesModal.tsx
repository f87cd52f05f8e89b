import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../shared/contract';
import type { SyncStatus } from '../../shared/contract/sync-methods';
import { call } from '../api/client';
import { errorText } from '../api/notify';
import { bumpTopics, SYNCED_TOPICS } from '../api/refresh';
import { useMutation } from '../api/useMutation';
import { formatDateTime, percent } from '../format/time';
import { observePrepare, readyText, type PrepareOutcome, type PrepareRun } from './prepare-progress';
import { useSync } from './sync-store';
import { useText } from '../i18n/i18n';

interface ServerSite {
  siteId: string;
  deploymentId: string;
  label: string;
  prepared: boolean;
}

/** "Prepare for site": pull everything for the chosen sites, attachments included, before leaving. */
export function PrepareSitesModal() {
  const t = useText();
  const opened = useSync((s) => s.dialog === 'prepare');
  const openDialog = useSync((s) => s.openDialog);
  const status = useSync((s) => s.status);
  const [sites, setSites] = useState<ServerSite[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [run, setRun] = useState<PrepareRun | null>(null);
  const [outcome, setOutcome] = useState<PrepareOutcome | null>(null);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const runRef = useRef<PrepareRun | null>(null);
  const prepare = useMutation();

  useEffect(() => {
    if (!opened) return;
    let cancelled = false;
    setSites(null);
    setLoadError(null);
    setRun(null);
    runRef.current = null;
    setOutcome(null);
    setStartError(null);
    void call('sync.serverSites', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setSites(result.value);
        setChosen(result.value.filter((s) => !s.prepared).map((s) => s.siteId));
      } else setLoadError(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [opened]);

  // While a run is going, watch the status every second. The run pulls in the background, so the
  // screens are refreshed when it is seen done, not when it starts.
  useEffect(() => {
    if (!run || outcome?.kind !== 'running') return;
    const timer = setInterval(() => {
      void call('sync.status', {}).then((result) => {
        const current = runRef.current;
        if (!result.ok || !current) return;
        useSync.getState().setStatus(result.value);
        const step = observePrepare(current, result.value);
        runRef.current = step.run;
        if (step.outcome.kind !== 'running') {
          setOutcome(step.outcome);
          if (step.outcome.kind === 'done') bumpTopics(...SYNCED_TOPICS);
        }
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [run, outcome]);

  async function start() {
    setStartError(null);
    const next: PrepareRun = { siteIds: chosen, startedAt: new Date().toISOString(), attachments: 0 };
    const answer = await prepare.run('sync.prepareSites', { siteIds: chosen }, { onError: setStartError });
    if (!answer) return;
    runRef.current = next;
    setRun(next);
    setOutcome({ kind: 'running' });
  }

  const close = () => openDialog(null);
  const running = outcome?.kind === 'running';
  const preparedAt = new Map((status?.preparedSites ?? []).map((p) => [p.siteId, p.preparedAt]));

  return (
    <Modal opened={opened} onClose={close} title={t('sync.prepareSitesModal.prepareForSite')} size="lg">
      <Stack gap="sm" data-testid="prepare-sites">
        <Text size="sm" c="dimmed">
          {t('sync.prepareSitesModal.pullEverythingForThe')}
        </Text>
        {loadError && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} title={t('sync.prepareSitesModal.couldNotListThe')} role="alert">
            {errorText(loadError)}
          </Alert>
        )}
        {!sites && !loadError && <Loader size="sm" aria-label={t('sync.prepareSitesModal.loadingTheServersSites')} />}
        {sites && sites.length === 0 && <Text size="sm">{t('sync.prepareSitesModal.theServerHasNo')}</Text>}
        {sites && sites.length > 0 && (
          <ScrollArea.Autosize mah={320}>
            <Checkbox.Group value={chosen} onChange={setChosen} label={t('sync.prepareSitesModal.sites')}>
              <Stack gap={6} mt={6}>
                {sites.map((site) => {
                  const at = preparedAt.get(site.siteId);
                  return (
                    <Group key={site.siteId} gap="xs" wrap="nowrap" data-testid="prepare-site" data-site-id={site.siteId}>
                      <Checkbox value={site.siteId} label={site.label} disabled={running} />
                      {site.prepared && (
                        <Badge size="xs" variant="light" color="teal" tt="none">
                          {t('sync.prepareSitesModal.prepared')}
                          {at ? ` ${formatDateTime(at)}` : ''}
                        </Badge>
                      )}
                    </Group>
                  );
                })}
              </Stack>
            </Checkbox.Group>
          </ScrollArea.Autosize>
        )}
        {running && <RunProgress status={status} />}
        {outcome?.kind === 'done' && (
          <Alert color="teal" icon={<IconCircleCheck size={16} />} role="status" data-testid="prepare-done">
            {readyText(outcome.sites, outcome.attachments)}
          </Alert>
        )}
        {outcome?.kind === 'failed' && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={16} />}
            title={t('sync.prepareSitesModal.preparingStopped')}
            role="alert"
            data-testid="prepare-failed"
          >
            {outcome.error.message}
            {outcome.error.detail ? ` (${outcome.error.detail})` : ''}
          </Alert>
        )}
        {startError && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} title={t('sync.prepareSitesModal.couldNotStart')} role="alert">
            {errorText(startError)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {outcome?.kind === 'done' ? t('sync.prepareSitesModal.close') : t('sync.prepareSitesModal.cancel')}
          </Button>
          <Button onClick={() => void start()} loading={running} disabled={chosen.length === 0 || !sites} data-testid="prepare-start">
            {t('sync.prepareSitesModal.prepareSites', { count: chosen.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RunProgress({ status }: { status: SyncStatus | null }) {
  const t = useText();
  const progress = status?.progress;
  const label = progress
    ? t('sync.prepareSitesModal.of', { phase: progress.phase.replace('_', ' '), done: progress.done, total: progress.total })
    : t('sync.prepareSitesModal.starting');
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Progress
        value={progress ? percent(progress.done, progress.total) : 100}
        animated
        striped
        aria-label={t('sync.prepareSitesModal.preparing', { label })}
        data-testid="prepare-progress"
      />
    </Stack>
  );
}
