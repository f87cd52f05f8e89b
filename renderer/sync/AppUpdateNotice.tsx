import { useEffect, useState } from 'react';
import { Badge, Button, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconRefreshAlert } from '@tabler/icons-react';
import type { AppUpdateStatus } from '../../shared/contract/app-update-methods';
import { call, transportKind } from '../api/client';
import { runCommand } from '../api/command';

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

const WAITING: Record<'sync' | 'check_job', string> = {
  sync: 'after your changes are synced',
  check_job: 'when the running check job is done',
};

/**
 * In the sync status area: the desktop's update from the central server ("Restart to update" only
 * when nothing is pending, see shared/app-updates/update-when-idle.ts); in the browser shell, that
 * updates apply to the desktop app.
 */
export function AppUpdateNotice() {
  const status = useAppUpdateStatus();
  if (transportKind() === 'http') {
    return (
      <Tooltip label="Updates from the central server apply to the Outpost desktop app; this browser shell runs the version its host was started with." multiline w={280}>
        <Text size="xs" c="dimmed" data-testid="app-update-browser" style={{ whiteSpace: 'nowrap' }}>
          Updates: desktop app
        </Text>
      </Tooltip>
    );
  }
  if (!status) return null;
  if (status.phase === 'downloading' && status.version) {
    return (
      <Badge variant="light" color="gray" size="sm" radius="sm" tt="none" leftSection={<IconDownload size={12} />} data-testid="app-update-downloading">
        Update {status.version} {status.percent === null ? '' : `${Math.round(status.percent)}%`}
      </Badge>
    );
  }
  if (status.phase !== 'downloaded' || !status.version) return null;
  if (!status.restart.offer) {
    return (
      <Tooltip label={`Outpost ${status.version} is ready: "Restart to update" appears ${WAITING[status.restart.waitingFor ?? 'sync']}. It also installs when you quit.`} multiline w={280}>
        <Badge variant="light" color="blue" size="sm" radius="sm" tt="none" data-testid="app-update-waiting" data-waiting-for={status.restart.waitingFor ?? ''}>
          Update ready
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={`Install Outpost ${status.version} now: the app closes and opens again`}>
      <Button
        size="compact-xs"
        variant="light"
        color="blue"
        leftSection={<IconRefreshAlert size={14} />}
        onClick={() => void runCommand('appUpdate.restart', {}, { errorTitle: 'Not restarted' })}
        data-testid="app-update-restart"
      >
        Restart to update
      </Button>
    </Tooltip>
  );
}
