import { Alert, Code, Stack, Text } from '@mantine/core';
import { IconLock, IconShieldX } from '@tabler/icons-react';
import type { ServerCertificateCheck } from '../../shared/contract/sync-methods';
import { formatDateTime } from '../format/time';
import { useText } from '../i18n/i18n';

/**
 * The certificate a server presents, for a person to compare with the fingerprint the administrator
 * gave them (`outpost server cert create` prints it), like an SSH host key: first contact, or a
 * changed certificate showing both fingerprints.
 */
export function CertificateTrustPanel({ check }: { check: ServerCertificateCheck }) {
  const t = useText();
  const cert = check.certificate;
  if (!cert) return null;
  const changed = check.state === 'changed';
  return (
    <Alert
      color={changed ? 'red' : 'yellow'}
      icon={changed ? <IconShieldX size={16} /> : <IconLock size={16} />}
      title={changed ? t('sync.certificateTrustPanel.theServersCertificateChanged') : t('sync.certificateTrustPanel.firstConnectionToThis')}
      data-testid="certificate-trust"
    >
      <Stack gap={6}>
        <Text size="sm">
          {changed ? t('sync.certificateTrustPanel.thisCanMeanSomeone') : t('sync.certificateTrustPanel.compareThisSha256')}
        </Text>
        {changed && check.pinned && (
          <>
            <Text size="xs" fw={600}>
              {t('sync.certificateTrustPanel.trustedUntilNowSince', {
                trustedAt: formatDateTime(check.pinned.trustedAt),
                trustedBy: check.pinned.trustedBy,
              })}
            </Text>
            <Code block data-testid="certificate-pinned-fingerprint" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {check.pinned.fingerprint}
            </Code>
          </>
        )}
        <Text size="xs" fw={600}>
          {changed ? t('sync.certificateTrustPanel.presentedNow') : t('sync.certificateTrustPanel.sha256Fingerprint')}
        </Text>
        <Code block data-testid="certificate-fingerprint" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {cert.fingerprint}
        </Code>
        <Text size="xs" c="dimmed">
          {t('sync.certificateTrustPanel.issuedToBy', {
            subject: (cert.subject || t('sync.certificateTrustPanel.noName')) + (cert.altNames ? ` (${cert.altNames})` : ''),
            issuer: cert.issuer || t('sync.certificateTrustPanel.noName'),
          })}
          {cert.caVerified ? '' : t('sync.certificateTrustPanel.selfSignedOrNot')}
          {t('sync.certificateTrustPanel.validTo', { validFrom: formatDateTime(cert.validFrom), validTo: formatDateTime(cert.validTo) })}
        </Text>
      </Stack>
    </Alert>
  );
}
