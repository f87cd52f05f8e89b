import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconCloud, IconCloudDownload, IconGitMerge, IconLogout } from '@tabler/icons-react';
import type { SyncStatus } from '../../shared/contract/sync-methods';
import { ROLE_LABELS } from '../state/profile';
import { useSync } from './sync-store';

/** Who this device is signed in as, and the sync dialogs. */
export function SyncAccountMenu({ status }: { status: SyncStatus }) {
  const openDialog = useSync((s) => s.openDialog);
  const account = status.account;
  if (!account) return null;
  return (
    <Menu position="bottom-end" width={280}>
      <Menu.Target>
        <ActionIcon variant="default" size="md" aria-label="Sync account" data-testid="sync-menu">
          <IconCloud size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" fw={600} c="var(--mantine-color-text)" data-testid="sync-account-name">
            {account.displayName} · {ROLE_LABELS[account.role]}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {account.username} on {account.serverUrl}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconCloudDownload size={14} />} onClick={() => openDialog('prepare')} data-testid="open-prepare-sites">
          Prepare for site…
        </Menu.Item>
        <Menu.Item leftSection={<IconGitMerge size={14} />} onClick={() => openDialog('conflicts')} data-testid="open-conflicts">
          Conflicts ({status.conflicts})
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={14} />} color="red" onClick={() => openDialog('signOut')} data-testid="open-sign-out">
          Sign out…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
