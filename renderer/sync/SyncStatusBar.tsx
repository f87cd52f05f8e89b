import { ActionIcon, Badge, Button, Group, Progress, Text, Tooltip } from '@mantine/core';
import { IconCloudOff, IconLogin, IconRefresh } from '@tabler/icons-react';
import type { SyncStatus } from '../../shared/contract/sync-methods';
import { formatDateTime, percent } from '../format/time';
import { relativeTime } from './relative-time';
import { syncNow } from './sync-actions';
import { useSync } from './sync-store';
import { AppUpdateNotice } from './AppUpdateNotice';
import { SyncAccountMenu } from './SyncAccountMenu';
import { SyncErrorDetails } from './SyncErrorDetails';

const PHASE_LABELS: Record<NonNullable<SyncStatus['progress']>['phase'], string> = {
  push: 'Sending changes',
  attachments_up: 'Sending attachments',
  pull: 'Receiving',
  attachments_down: 'Receiving attachments',
};

function connection(status: SyncStatus): { label: string; color: string } {
  if (status.state === 'syncing') return { label: 'Syncing', color: 'blue' };
  if (!status.online || status.state === 'offline') return { label: 'Offline', color: 'gray' };
  if (status.state === 'error') return { label: 'Sync error', color: 'red' };
  return { label: 'Online', color: 'teal' };
}

/** Always visible in the header: connection, pending changes, conflicts, last sync, last error, Sync now. */
export function SyncStatusBar() {
  const status = useSync((s) => s.status);
  const statusError = useSync((s) => s.statusError);
  const openDialog = useSync((s) => s.openDialog);

  if (!status) {
    if (!statusError) return null;
    return (
      <Tooltip label={`Sync is not available: ${statusError.message}`} multiline w={300}>
        <Badge variant="default" size="sm" radius="sm" tt="none" leftSection={<IconCloudOff size={12} />} data-testid="sync-unavailable">
          Sync unavailable
        </Badge>
      </Tooltip>
    );
  }

  if (!status.account || status.state === 'signed_out') {
    return (
      <Button size="compact-sm" variant="light" leftSection={<IconLogin size={14} />} onClick={() => openDialog('signIn')} data-testid="sync-sign-in">
        Sign in to a server
      </Button>
    );
  }

  const conn = connection(status);
  const pending = status.pendingOperations + status.pendingAttachments;
  const progress = status.progress;
  const showError = status.lastError !== null && (status.state === 'error' || status.state === 'offline');
  return (
    <Group gap={8} wrap="nowrap" role="status" aria-label="Sync status" data-testid="sync-status" data-state={status.state}>
      <Badge color={conn.color} variant="light" size="sm" radius="sm" tt="none" data-testid="sync-connection" data-online={String(status.online && status.state !== 'offline')}>
        {conn.label}
      </Badge>
      <Tooltip label={`${status.pendingOperations} changes and ${status.pendingAttachments} attachments waiting to be sent`}>
        <Text size="xs" aria-label={`Pending changes: ${pending}`} data-testid="sync-pending" data-count={pending} style={{ whiteSpace: 'nowrap' }}>
          {pending} pending
        </Text>
      </Tooltip>
      {status.conflicts > 0 && (
        <Button size="compact-xs" variant="light" color="orange" onClick={() => openDialog('conflicts')} data-testid="sync-conflicts" data-count={status.conflicts}>
          {status.conflicts} {status.conflicts === 1 ? 'conflict' : 'conflicts'}
        </Button>
      )}
      {status.quarantined > 0 && (
        <Tooltip label="Rows from the server this device could not store: the rest was stored. Open for the reasons.">
          <Button size="compact-xs" variant="light" color="red" onClick={() => openDialog('conflicts')} data-testid="sync-quarantined" data-count={status.quarantined}>
            {status.quarantined} not stored
          </Button>
        </Tooltip>
      )}
      <Tooltip label={status.lastSuccessAt ? `Last successful sync: ${formatDateTime(status.lastSuccessAt)}` : 'Not synced yet'}>
        <Text size="xs" c="dimmed" data-testid="sync-last-success" data-at={status.lastSuccessAt ?? ''} style={{ whiteSpace: 'nowrap' }}>
          {status.lastSuccessAt ? `Synced ${relativeTime(status.lastSuccessAt)}` : 'Never synced'}
        </Text>
      </Tooltip>
      {showError && status.lastError && <SyncErrorDetails error={status.lastError} />}
      {progress && (
        <Tooltip label={`${PHASE_LABELS[progress.phase]}: ${progress.done} of ${progress.total}`}>
          <Progress
            w={90}
            size="sm"
            value={percent(progress.done, progress.total)}
            animated
            aria-label={`${PHASE_LABELS[progress.phase]}: ${progress.done} of ${progress.total}`}
            data-testid="sync-progress"
          />
        </Tooltip>
      )}
      <Tooltip label="Sync now (S)">
        <ActionIcon variant="default" size="md" aria-label="Sync now" onClick={() => void syncNow()} loading={status.state === 'syncing'} data-testid="sync-now">
          <IconRefresh size={16} />
        </ActionIcon>
      </Tooltip>
      <AppUpdateNotice />
      <SyncAccountMenu status={status} />
    </Group>
  );
}
