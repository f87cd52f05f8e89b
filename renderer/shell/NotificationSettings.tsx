import { Alert, Modal, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { NotificationSettings } from '../../shared/desktop/notification-rules';
import { call, transportKind } from '../api/client';
import { runCommand } from '../api/command';
import { showApiError } from '../api/notify';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

/**
 * This device's OS notification switches (finished check jobs, new sync conflicts). The desktop
 * app shows them (on by default); the browser shell has none, so it says so and keeps them off.
 */
export function NotificationSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useText();
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const desktop = transportKind() === 'bridge';

  useEffect(() => {
    if (!opened) return;
    void call('notifications.get', {}).then((result) => (result.ok ? setSettings(result.value) : showApiError(result.error)));
  }, [opened]);

  async function change(next: NotificationSettings) {
    const saved = await runCommand('notifications.set', next, { success: appText('shell.notificationSettings.saved') });
    if (saved) setSettings(saved);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('shell.notificationSettings.notifications')} size="sm">
      <Stack gap="sm" data-testid="notification-settings">
        {!desktop && (
          <Alert color="gray" variant="light">
            {t('shell.notificationSettings.systemNotificationsComeFrom')}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('shell.notificationSettings.aSystemNotificationWhile')}
        </Text>
        <Switch
          label={t('shell.notificationSettings.whenChecksOfA')}
          checked={settings?.checkJobs ?? false}
          disabled={!settings || !desktop}
          onChange={(e) => settings && void change({ ...settings, checkJobs: e.currentTarget.checked })}
          data-testid="notify-check-jobs"
        />
        <Switch
          label={t('shell.notificationSettings.whenSyncFindsA')}
          checked={settings?.syncConflicts ?? false}
          disabled={!settings || !desktop}
          onChange={(e) => settings && void change({ ...settings, syncConflicts: e.currentTarget.checked })}
          data-testid="notify-sync-conflicts"
        />
      </Stack>
    </Modal>
  );
}
