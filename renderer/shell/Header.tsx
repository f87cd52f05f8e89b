import { ActionIcon, Badge, Group, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconKeyboard } from '@tabler/icons-react';
import { useApiQuery } from '../api/useApiQuery';
import { MyScheduleButton } from '../schedule/MyScheduleButton';
import { useUi } from '../state/ui';
import { SyncStatusBar } from '../sync/SyncStatusBar';
import { ThemeToggle } from '../theme/ThemeToggle';
import { AppBrand } from './AppBrand';
import { ProfileMenu } from './ProfileMenu';

export function Header() {
  const setShortcutsOpen = useUi((s) => s.setShortcutsOpen);
  const info = useApiQuery('app.info', {}, []);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap">
        <AppBrand />
        {info.data && (
          <Tooltip label={`Data: ${info.data.dataDir} · schema ${info.data.schemaVersion}`}>
            <Badge variant="default" size="xs" radius="sm" tt="none" fw={500}>
              v{info.data.version} · {info.data.shell}
            </Badge>
          </Tooltip>
        )}
        {info.data?.secretStorage.weak && (
          <Tooltip
            multiline
            w={360}
            label={`No system keyring was found (secret store: ${info.data.secretStorage.backend}). SSH passwords, the server sign-in and the signing key are sealed with a fixed key that anyone who can read your files can undo. Install or unlock a keyring (GNOME Keyring or KWallet), then restart Outpost.`}
          >
            <Badge color="yellow" variant="light" size="xs" radius="sm" tt="none" leftSection={<IconAlertTriangle size={10} />} data-testid="weak-secret-storage">
              Secrets not protected by a keyring
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <SyncStatusBar />
        <MyScheduleButton />
        <Tooltip label="Keyboard shortcuts (?)">
          <ActionIcon
            variant="default"
            size="md"
            onClick={() => setShortcutsOpen(true)}
            aria-label="Keyboard shortcuts"
            data-testid="shortcuts-button"
          >
            <IconKeyboard size={16} />
          </ActionIcon>
        </Tooltip>
        <ThemeToggle />
        <ProfileMenu />
      </Group>
    </Group>
  );
}
