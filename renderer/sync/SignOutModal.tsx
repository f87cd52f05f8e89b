import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../shared/contract';
import { call } from '../api/client';
import { errorText, showSuccess } from '../api/notify';
import { useSync } from './sync-store';

/** Sign out and revoke this device; changes not yet sent are discarded only after an explicit confirmation. */
export function SignOutModal() {
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
    showSuccess('Signed out; this device was revoked on the server');
    close();
  }

  return (
    <Modal opened={opened} onClose={close} title="Sign out" size="md">
      <Stack gap="sm">
        <Text size="sm">
          Signing out revokes this device on {status?.account?.serverUrl ?? 'the server'}. Local data stays on this device.
        </Text>
        {pending > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={16} />} title={`${pending} changes have not been sent`} data-testid="sign-out-pending">
            <Stack gap={6}>
              <Text size="sm">Sync first to keep them. Signing out now loses them for the server.</Text>
              <Checkbox
                label={`Discard the ${pending} changes that were not sent`}
                checked={discard}
                onChange={(e) => setDiscard(e.currentTarget.checked)}
                data-testid="sign-out-discard"
              />
            </Stack>
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert" title="Not signed out">
            {errorText(error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={busy} disabled={pending > 0 && !discard} onClick={() => void signOut()} data-testid="sign-out-confirm">
            {pending > 0 ? 'Discard and sign out' : 'Sign out'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
