import { Alert, Code, Stack, Text } from '@mantine/core';
import { IconLock, IconShieldX } from '@tabler/icons-react';
import type { ServerCertificateCheck } from '../../shared/contract/sync-methods';
import { formatDateTime } from '../format/time';

/**
 * The certificate a server presents, for a person to compare with the fingerprint the administrator
 * gave them (`outpost server cert create` prints it), like an SSH host key: first contact, or a
 * changed certificate showing both fingerprints.
 */
export function CertificateTrustPanel({ check }: { check: ServerCertificateCheck }) {
  const cert = check.certificate;
  if (!cert) return null;
  const changed = check.state === 'changed';
  return (
    <Alert
      color={changed ? 'red' : 'yellow'}
      icon={changed ? <IconShieldX size={16} /> : <IconLock size={16} />}
      title={changed ? 'The server’s certificate changed' : 'First connection to this server'}
      data-testid="certificate-trust"
    >
      <Stack gap={6}>
        <Text size="sm">
          {changed
            ? 'This can mean someone is intercepting the connection, or the certificate was replaced. Nothing was sent. Trust the new certificate only if your administrator confirms its fingerprint.'
            : 'Compare this SHA-256 fingerprint with the one your administrator gave you. Trust it only if they are the same.'}
        </Text>
        {changed && check.pinned && (
          <>
            <Text size="xs" fw={600}>
              Trusted until now (since {formatDateTime(check.pinned.trustedAt)}, by {check.pinned.trustedBy})
            </Text>
            <Code block data-testid="certificate-pinned-fingerprint" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {check.pinned.fingerprint}
            </Code>
          </>
        )}
        <Text size="xs" fw={600}>
          {changed ? 'Presented now' : 'SHA-256 fingerprint'}
        </Text>
        <Code block data-testid="certificate-fingerprint" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {cert.fingerprint}
        </Code>
        <Text size="xs" c="dimmed">
          Issued to {cert.subject || '(no name)'}
          {cert.altNames ? ` (${cert.altNames})` : ''} by {cert.issuer || '(no name)'}
          {cert.caVerified ? '' : ' (self-signed or not vouched for by this computer’s certificate authorities)'}; valid {formatDateTime(cert.validFrom)} to{' '}
          {formatDateTime(cert.validTo)}
        </Text>
      </Stack>
    </Alert>
  );
}
