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
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

const PHASE_LABELS: Record<NonNullable<SyncStatus['progress']>['phase'], string> = {
  get push() {
    return appText('sync.syncStatusBar.sendingChanges');
  },
  get attachments_up() {
    return appText('sync.syncStatusBar.sendingAttachments');
  },
  get pull() {
    return appText('sync.syncStatusBar.receiving');
  },
  get attachments_down() {
    return appText('sync.syncStatusBar.receivingAttachments');
  },
};

function connection(status: SyncStatus): { label: string; color: string } {
  if (status.state === 'syncing') return { label: appText('sync.syncStatusBar.syncing'), color: 'blue' };
  if (!status.online || status.state === 'offline') return { label: appText('sync.syncStatusBar.offline'), color: 'gray' };
  if (status.state === 'error') return { label: appText('sync.syncStatusBar.syncError'), color: 'red' };
  return { label: appText('sync.syncStatusBar.online'), color: 'teal' };
}

/** Always visible in the header: connection, pending changes, conflicts, last sync, last error, Sync now. */
export function SyncStatusBar() {
  const t = useText();
  const status = useSync((s) => s.status);
  const statusError = useSync((s) => s.statusError);
  const openDialog = useSync((s) => s.openDialog);

  if (!status) {
    if (!statusError) return null;
    return (
      <Tooltip label={t('sync.syncStatusBar.syncIsNotAvailable', { message: statusError.message })} multiline w={300}>
        <Badge variant="default" size="sm" radius="sm" tt="none" leftSection={<IconCloudOff size={12} />} data-testid="sync-unavailable">
          {t('sync.syncStatusBar.syncUnavailable')}
        </Badge>
      </Tooltip>
    );
  }

  if (!status.account || status.state === 'signed_out') {
    return (
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconLogin size={14} />}
        onClick={() => openDialog('signIn')}
        data-testid="sync-sign-in"
      >
        {t('sync.syncStatusBar.signInToA')}
      </Button>
    );
  }

  const conn = connection(status);
  const pending = status.pendingOperations + status.pendingAttachments;
  const progress = status.progress;
  const showError = status.lastError !== null && (status.state === 'error' || status.state === 'offline');
  return (
    <Group
      gap={8}
      wrap="nowrap"
      role="status"
      aria-label={t('sync.syncStatusBar.syncStatus')}
      data-testid="sync-status"
      data-state={status.state}
    >
      <Badge
        color={conn.color}
        variant="light"
        size="sm"
        radius="sm"
        tt="none"
        data-testid="sync-connection"
        data-online={String(status.online && status.state !== 'offline')}
      >
        {conn.label}
      </Badge>
      <Tooltip
        label={t('sync.syncStatusBar.changesAndAttachmentsWaiting', {
          pendingOperations: status.pendingOperations,
          pendingAttachments: status.pendingAttachments,
        })}
      >
        <Text
          size="xs"
          aria-label={t('sync.syncStatusBar.pendingChanges', { pending })}
          data-testid="sync-pending"
          data-count={pending}
          style={{ whiteSpace: 'nowrap' }}
        >
          {t('sync.syncStatusBar.pending', { pending })}
        </Text>
      </Tooltip>
      {status.conflicts > 0 && (
        <Button
          size="compact-xs"
          variant="light"
          color="orange"
          onClick={() => openDialog('conflicts')}
          data-testid="sync-conflicts"
          data-count={status.conflicts}
        >
          {t('sync.syncStatusBar.conflictCount', { count: status.conflicts })}
        </Button>
      )}
      {status.quarantined > 0 && (
        <Tooltip label={t('sync.syncStatusBar.rowsFromTheServer')}>
          <Button
            size="compact-xs"
            variant="light"
            color="red"
            onClick={() => openDialog('conflicts')}
            data-testid="sync-quarantined"
            data-count={status.quarantined}
          >
            {t('sync.syncStatusBar.notStored', { quarantined: status.quarantined })}
          </Button>
        </Tooltip>
      )}
      <Tooltip
        label={
          status.lastSuccessAt
            ? t('sync.syncStatusBar.lastSuccessfulSync', { lastSuccessAt: formatDateTime(status.lastSuccessAt) })
            : t('sync.syncStatusBar.notSyncedYet')
        }
      >
        <Text size="xs" c="dimmed" data-testid="sync-last-success" data-at={status.lastSuccessAt ?? ''} style={{ whiteSpace: 'nowrap' }}>
          {status.lastSuccessAt
            ? t('sync.syncStatusBar.synced', { lastSuccessAt: relativeTime(status.lastSuccessAt) })
            : t('sync.syncStatusBar.neverSynced')}
        </Text>
      </Tooltip>
      {showError && status.lastError && <SyncErrorDetails error={status.lastError} />}
      {progress && (
        <Tooltip label={t('sync.syncStatusBar.of', { phase: PHASE_LABELS[progress.phase], done: progress.done, total: progress.total })}>
          <Progress
            w={90}
            size="sm"
            value={percent(progress.done, progress.total)}
            animated
            aria-label={t('sync.syncStatusBar.of', { phase: PHASE_LABELS[progress.phase], done: progress.done, total: progress.total })}
            data-testid="sync-progress"
          />
        </Tooltip>
      )}
      <Tooltip label={t('sync.syncStatusBar.syncNowS')}>
        <ActionIcon
          variant="default"
          size="md"
          aria-label={t('sync.syncStatusBar.syncNow')}
          onClick={() => void syncNow()}
          loading={status.state === 'syncing'}
          data-testid="sync-now"
        >
          <IconRefresh size={16} />
        </ActionIcon>
      </Tooltip>
      <AppUpdateNotice />
      <SyncAccountMenu status={status} />
    </Group>
  );
}
