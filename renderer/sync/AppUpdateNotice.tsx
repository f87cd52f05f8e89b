import { useEffect, useState } from 'react';
import { Badge, Button, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconRefreshAlert } from '@tabler/icons-react';
import type { AppUpdateStatus } from '../../shared/contract/app-update-methods';
import { call, transportKind } from '../api/client';
import { runCommand } from '../api/command';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

const POLL_MS = 30_000;

function useAppUpdateStatus(): AppUpdateStatus | null {
  const [status, setStatus] = useState<AppUpdateStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const read = () =>
      void call('appUpdate.status', {}).then((result) => {
        if (alive && result.ok) setStatus(result.value);
      });
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  return status;
}

/** What the restart waits for, read when shown (the catalog's `sync.appUpdateNotice.waiting.*`). */
const waitingText = (what: 'sync' | 'check_job') => appText(`sync.appUpdateNotice.waiting.${what}`);

/**
 * In the sync status area: the desktop's update from the central server ("Restart to update" only
 * when nothing is pending, see shared/app-updates/update-when-idle.ts); in the browser shell, that
 * updates apply to the desktop app.
 */
export function AppUpdateNotice() {
  const t = useText();
  const status = useAppUpdateStatus();
  if (transportKind() === 'http') {
    return (
      <Tooltip label={t('sync.appUpdateNotice.updatesFromTheCentral')} multiline w={280}>
        <Text size="xs" c="dimmed" data-testid="app-update-browser" style={{ whiteSpace: 'nowrap' }}>
          {t('sync.appUpdateNotice.updatesDesktopApp')}
        </Text>
      </Tooltip>
    );
  }
  if (!status) return null;
  if (status.phase === 'downloading' && status.version) {
    return (
      <Badge
        variant="light"
        color="gray"
        size="sm"
        radius="sm"
        tt="none"
        leftSection={<IconDownload size={12} />}
        data-testid="app-update-downloading"
      >
        {t('sync.appUpdateNotice.update', { version: status.version })} {status.percent === null ? '' : `${Math.round(status.percent)}%`}
      </Badge>
    );
  }
  if (status.phase !== 'downloaded' || !status.version) return null;
  if (!status.restart.offer) {
    return (
      <Tooltip
        label={t('sync.appUpdateNotice.readyWaiting', {
          version: status.version,
          waiting: waitingText(status.restart.waitingFor ?? 'sync'),
        })}
        multiline
        w={280}
      >
        <Badge
          variant="light"
          color="blue"
          size="sm"
          radius="sm"
          tt="none"
          data-testid="app-update-waiting"
          data-waiting-for={status.restart.waitingFor ?? ''}
        >
          {t('sync.appUpdateNotice.updateReady')}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={t('sync.appUpdateNotice.installOutpostNowThe', { version: status.version })}>
      <Button
        size="compact-xs"
        variant="light"
        color="blue"
        leftSection={<IconRefreshAlert size={14} />}
        onClick={() => void runCommand('appUpdate.restart', {}, { errorTitle: t('sync.appUpdateNotice.notRestarted') })}
        data-testid="app-update-restart"
      >
        {t('sync.appUpdateNotice.restartToUpdate')}
      </Button>
    </Tooltip>
  );
}
