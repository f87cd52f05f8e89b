import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ServerCertificateCheck } from '../../shared/contract/sync-methods';
import { call } from '../api/client';
import { errorText, showSuccess } from '../api/notify';
import { CertificateTrustPanel } from './CertificateTrustPanel';
import { useSync } from './sync-store';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

/**
 * After sync was refused for the server's certificate: shows what the server presents next to what
 * this device trusts, and re-trusts only on an explicit click (the new fingerprint is pinned).
 */
export function RetrustCertificate({ serverUrl }: { serverUrl: string }) {
  const t = useText();
  const [check, setCheck] = useState<ServerCertificateCheck | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function inspect() {
    setBusy(true);
    setMessage(null);
    const result = await call('sync.inspectServer', { serverUrl });
    setBusy(false);
    if (!result.ok) setMessage(errorText(result.error));
    else if (result.value.state === 'trusted' || result.value.state === 'loopback_http')
      setMessage(appText('sync.retrustCertificate.thisDeviceTrustsThe'));
    else setCheck(result.value);
  }

  async function trust(fingerprint: string) {
    setBusy(true);
    const result = await call('sync.trustCertificate', { serverUrl, fingerprint });
    setBusy(false);
    if (!result.ok) {
      setMessage(errorText(result.error));
      return;
    }
    setCheck(null);
    useSync.getState().requestPoll();
    showSuccess(appText('sync.retrustCertificate.theNewCertificateIs'));
  }

  return (
    <Stack gap={6} data-testid="retrust-certificate">
      {check?.certificate ? (
        <>
          <CertificateTrustPanel check={check} />
          <Group justify="flex-end" gap="xs">
            <Button size="compact-xs" variant="default" onClick={() => setCheck(null)}>
              {t('sync.retrustCertificate.notNow')}
            </Button>
            <Button
              size="compact-xs"
              color="red"
              loading={busy}
              onClick={() => void trust(check.certificate!.fingerprint)}
              data-testid="retrust-confirm"
            >
              {t('sync.retrustCertificate.trustTheNewCertificate')}
            </Button>
          </Group>
        </>
      ) : (
        <Button size="compact-xs" variant="light" loading={busy} onClick={() => void inspect()} data-testid="retrust-inspect">
          {t('sync.retrustCertificate.compareTheServersCertificate')}
        </Button>
      )}
      {message && <Text size="xs">{message}</Text>}
    </Stack>
  );
}
