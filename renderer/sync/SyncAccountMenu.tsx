import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconCloud, IconCloudDownload, IconGitMerge, IconLogout } from '@tabler/icons-react';
import type { SyncStatus } from '../../shared/contract/sync-methods';
import { ROLE_LABELS } from '../state/profile';
import { useSync } from './sync-store';
import { useText } from '../i18n/i18n';

/** Who this device is signed in as, and the sync dialogs. */
export function SyncAccountMenu({ status }: { status: SyncStatus }) {
  const t = useText();
  const openDialog = useSync((s) => s.openDialog);
  const account = status.account;
  if (!account) return null;
  return (
    <Menu position="bottom-end" width={280}>
      <Menu.Target>
        <ActionIcon variant="default" size="md" aria-label={t('sync.syncAccountMenu.syncAccount')} data-testid="sync-menu">
          <IconCloud size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" fw={600} c="var(--mantine-color-text)" data-testid="sync-account-name">
            {account.displayName} · {ROLE_LABELS[account.role]}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('sync.syncAccountMenu.on', { username: account.username, serverUrl: account.serverUrl })}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconCloudDownload size={14} />} onClick={() => openDialog('prepare')} data-testid="open-prepare-sites">
          {t('sync.syncAccountMenu.prepareForSite')}
        </Menu.Item>
        <Menu.Item leftSection={<IconGitMerge size={14} />} onClick={() => openDialog('conflicts')} data-testid="open-conflicts">
          {t('sync.syncAccountMenu.conflicts', { conflicts: status.conflicts })}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={14} />} color="red" onClick={() => openDialog('signOut')} data-testid="open-sign-out">
          {t('sync.syncAccountMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
