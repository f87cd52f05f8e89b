import { ActionIcon, Badge, Group, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconKeyboard } from '@tabler/icons-react';
import { useApiQuery } from '../api/useApiQuery';
import { MyScheduleButton } from '../schedule/MyScheduleButton';
import { useUi } from '../state/ui';
import { SyncStatusBar } from '../sync/SyncStatusBar';
import { ThemeToggle } from '../theme/ThemeToggle';
import { AppBrand } from './AppBrand';
import { ProfileMenu } from './ProfileMenu';
import { useText } from '../i18n/i18n';

export function Header() {
  const t = useText();
  const setShortcutsOpen = useUi((s) => s.setShortcutsOpen);
  const info = useApiQuery('app.info', {}, []);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap">
        <AppBrand />
        {info.data && (
          <Tooltip label={t('shell.header.dataSchema', { dataDir: info.data.dataDir, schemaVersion: info.data.schemaVersion })}>
            <Badge variant="default" size="xs" radius="sm" tt="none" fw={500}>
              v{info.data.version} · {info.data.shell}
            </Badge>
          </Tooltip>
        )}
        {info.data?.secretStorage.weak && (
          <Tooltip multiline w={360} label={t('shell.header.noSystemKeyringWas', { backend: info.data.secretStorage.backend })}>
            <Badge
              color="yellow"
              variant="light"
              size="xs"
              radius="sm"
              tt="none"
              leftSection={<IconAlertTriangle size={10} />}
              data-testid="weak-secret-storage"
            >
              {t('shell.header.secretsNotProtectedBy')}
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <SyncStatusBar />
        <MyScheduleButton />
        <Tooltip label={t('shell.header.keyboardShortcuts')}>
          <ActionIcon
            variant="default"
            size="md"
            onClick={() => setShortcutsOpen(true)}
            aria-label={t('shell.header.keyboardShortcuts2')}
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
