import { Alert, Button, Code, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../../shared/contract';
import type { ServerCertificateCheck } from '../../shared/contract/sync-methods';
import { checkServerAddress, INSECURE_SERVER_MESSAGE } from '../../shared/sync/server-address';
import { call } from '../api/client';
import { errorText, showSuccess } from '../api/notify';
import { SYNCED_TOPICS } from '../api/refresh';
import { useMutation } from '../api/useMutation';
import { ROLE_LABELS, useProfile } from '../state/profile';
import { CertificateTrustPanel } from './CertificateTrustPanel';
import { defaultDeviceName, signInErrorTitle } from './sign-in-errors';
import { useSync } from './sync-store';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

interface Failure {
  error: ApiError;
  /** The technical detail the core recorded for this attempt (HTTP status, network error). */
  detail?: string;
}

/** Sign this device in to a central server once: server address, user, password, device name. */
export function SignInModal() {
  const t = useText();
  const opened = useSync((s) => s.dialog === 'signIn');
  const openDialog = useSync((s) => s.openDialog);
  const profileName = useProfile((s) => s.profile?.name);
  const setProfile = useProfile((s) => s.setProfile);
  const [serverUrl, setServerUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const profileChange = useMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  /** The certificate shown for comparison; "Trust and sign in" pins exactly this one. */
  const [check, setCheck] = useState<ServerCertificateCheck | null>(null);
  const trimmedUrl = serverUrl.trim();
  const address = trimmedUrl ? checkServerAddress(trimmedUrl) : null;
  const awaitingTrust =
    check !== null && address?.ok === true && check.serverUrl === address.url && (check.state === 'new' || check.state === 'changed');

  useEffect(() => {
    if (!opened) return;
    setPassword('');
    setFailure(null);
    setCheck(null);
    setDeviceName((current) => current || defaultDeviceName(profileName, navigator.platform));
  }, [opened, profileName]);

  const close = () => openDialog(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!address?.ok) {
      setFailure({ error: { code: 'validation', message: address?.message ?? appText('sync.signInModal.enterTheServerAddress') } });
      return;
    }
    setBusy(true);
    setFailure(null);
    const started = new Date().toISOString();
    // HTTPS: show the certificate before anything is sent, unless this device already trusts it.
    const trustCertificate = awaitingTrust ? check.certificate?.fingerprint : undefined;
    if (address.secure && !trustCertificate) {
      const inspected = await call('sync.inspectServer', { serverUrl: trimmedUrl });
      if (!inspected.ok) {
        setFailure({ error: inspected.error });
        setBusy(false);
        return;
      }
      if (inspected.value.state === 'new' || inspected.value.state === 'changed') {
        setCheck(inspected.value);
        setBusy(false);
        return;
      }
    }
    const result = await call('sync.signIn', {
      serverUrl: trimmedUrl,
      username: username.trim(),
      password,
      ...(deviceName.trim() ? { deviceName: deviceName.trim() } : {}),
      ...(trustCertificate ? { trustCertificate } : {}),
    });
    if (!result.ok) {
      const status = await call('sync.status', {});
      const lastError = status.ok ? status.value.lastError : null;
      const detail = lastError && lastError.at >= started ? lastError.detail : undefined;
      setFailure(detail ? { error: result.error, detail } : { error: result.error });
      setBusy(false);
      return;
    }
    const account = result.value.account;
    useSync.getState().setStatus(result.value);
    if (account) {
      // The profile on this device becomes the account's: the name the plans assign sites to. The
      // sign-in pulled the account's sites already, so every screen reads again.
      const profile = await profileChange.run(
        'profile.set',
        { name: account.displayName, role: account.role },
        { refresh: ['profile', ...SYNCED_TOPICS], errorTitle: appText('sync.signInModal.profileNotChanged') },
      );
      if (profile) setProfile(profile);
      showSuccess(appText('sync.signInModal.signedInAs', { displayName: account.displayName, role: ROLE_LABELS[account.role] }));
    }
    setBusy(false);
    setPassword('');
    close();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('sync.signInModal.signInToA')} size="md">
      <form onSubmit={(e) => void submit(e)} aria-label={t('sync.signInModal.signInToA')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('sync.signInModal.signInOnceThe')}
          </Text>
          <TextInput
            label={t('sync.signInModal.serverAddress')}
            placeholder={t('sync.signInModal.httpsOutpostExampleCom')}
            required
            value={serverUrl}
            onChange={(e) => setServerUrl(e.currentTarget.value)}
            error={address && !address.ok && address.message === INSECURE_SERVER_MESSAGE ? address.message : undefined}
            autoFocus
            data-testid="sign-in-server"
          />
          <TextInput
            label={t('sync.signInModal.userName')}
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            data-testid="sign-in-user"
          />
          <PasswordInput
            size="xs"
            label={t('sync.signInModal.password')}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            data-testid="sign-in-password"
          />
          <TextInput
            label={t('sync.signInModal.deviceName')}
            description={t('sync.signInModal.shownToAdministratorsIn')}
            value={deviceName}
            onChange={(e) => setDeviceName(e.currentTarget.value)}
            maxLength={200}
            data-testid="sign-in-device"
          />
          {awaitingTrust && <CertificateTrustPanel check={check} />}
          {failure && (
            <Alert
              color="red"
              icon={<IconAlertTriangle size={16} />}
              title={signInErrorTitle(failure.error)}
              role="alert"
              data-testid="sign-in-error"
            >
              <Text size="sm">{errorText(failure.error)}</Text>
              {failure.detail && (
                <Code block mt={6} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {failure.detail}
                </Code>
              )}
            </Alert>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('sync.signInModal.cancel')}
            </Button>
            <Button
              type="submit"
              color={awaitingTrust && check.state === 'changed' ? 'red' : undefined}
              loading={busy}
              disabled={!address?.ok || !username.trim() || !password}
              data-testid="sign-in-submit"
            >
              {awaitingTrust
                ? check.state === 'changed'
                  ? t('sync.signInModal.trustTheNewCertificate')
                  : t('sync.signInModal.trustAndSignIn')
                : t('sync.signInModal.signIn')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
