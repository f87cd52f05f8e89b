import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../shared/contract';
import { call } from '../api/client';
import { errorText, showSuccess } from '../api/notify';
import { useSync } from './sync-store';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

/** Sign out and revoke this device; changes not yet sent are discarded only after an explicit confirmation. */
export function SignOutModal() {
  const t = useText();
  const opened = useSync((s) => s.dialog === 'signOut');
  const openDialog = useSync((s) => s.openDialog);
  const status = useSync((s) => s.status);
  const [discard, setDiscard] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (opened) {
      setDiscard(false);
      setError(null);
    }
  }, [opened]);

  const pending = (status?.pendingOperations ?? 0) + (status?.pendingAttachments ?? 0);
  const close = () => openDialog(null);

  async function signOut() {
    setBusy(true);
    setError(null);
    const result = await call('sync.signOut', { discardPending: pending > 0 && discard });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    useSync.getState().setStatus(result.value);
    showSuccess(appText('sync.signOutModal.signedOutThisDevice'));
    close();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('sync.signOutModal.signOut')} size="md">
      <Stack gap="sm">
        <Text size="sm">
          {status?.account?.serverUrl
            ? t('sync.signOutModal.revokesOn', { server: status.account.serverUrl })
            : t('sync.signOutModal.revokesOnTheServer')}
        </Text>
        {pending > 0 && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={16} />}
            title={t('sync.signOutModal.changesHaveNotBeen', { pending })}
            data-testid="sign-out-pending"
          >
            <Stack gap={6}>
              <Text size="sm">{t('sync.signOutModal.syncFirstToKeep')}</Text>
              <Checkbox
                label={t('sync.signOutModal.discardTheChangesThat', { pending })}
                checked={discard}
                onChange={(e) => setDiscard(e.currentTarget.checked)}
                data-testid="sign-out-discard"
              />
            </Stack>
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert" title={t('sync.signOutModal.notSignedOut')}>
            {errorText(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('sync.signOutModal.cancel')}
          </Button>
          <Button
            color="red"
            loading={busy}
            disabled={pending > 0 && !discard}
            onClick={() => void signOut()}
            data-testid="sign-out-confirm"
          >
            {pending > 0 ? t('sync.signOutModal.discardAndSignOut') : t('sync.signOutModal.signOut')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
