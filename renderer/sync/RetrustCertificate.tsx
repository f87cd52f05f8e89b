import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ServerCertificateCheck } from '../../shared/contract/sync-methods';
import { call } from '../api/client';
import { errorText, showSuccess } from '../api/notify';
import { CertificateTrustPanel } from './CertificateTrustPanel';
import { useSync } from './sync-store';

/**
 * After sync was refused for the server's certificate: shows what the server presents next to what
 * this device trusts, and re-trusts only on an explicit click (the new fingerprint is pinned).
 */
export function RetrustCertificate({ serverUrl }: { serverUrl: string }) {
  const [check, setCheck] = useState<ServerCertificateCheck | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function inspect() {
    setBusy(true);
    setMessage(null);
    const result = await call('sync.inspectServer', { serverUrl });
    setBusy(false);
    if (!result.ok) setMessage(errorText(result.error));
    else if (result.value.state === 'trusted' || result.value.state === 'loopback_http') setMessage('This device trusts the certificate the server presents now: sync again.');
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
    showSuccess('The new certificate is trusted on this device; syncing again');
  }

  return (
    <Stack gap={6} data-testid="retrust-certificate">
      {check?.certificate ? (
        <>
          <CertificateTrustPanel check={check} />
          <Group justify="flex-end" gap="xs">
            <Button size="compact-xs" variant="default" onClick={() => setCheck(null)}>
              Not now
            </Button>
            <Button size="compact-xs" color="red" loading={busy} onClick={() => void trust(check.certificate!.fingerprint)} data-testid="retrust-confirm">
              Trust the new certificate
            </Button>
          </Group>
        </>
      ) : (
        <Button size="compact-xs" variant="light" loading={busy} onClick={() => void inspect()} data-testid="retrust-inspect">
          Compare the server’s certificate…
        </Button>
      )}
      {message && <Text size="xs">{message}</Text>}
    </Stack>
  );
}
