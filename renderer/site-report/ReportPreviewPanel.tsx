import { Alert, Badge, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { ReportFilePreview } from '../../shared/contract/site-report-methods';
import { formatDateTime } from '../format/time';
import { useText } from '../i18n/i18n';

/**
 * What a previewed file is and what importing it would bring, or why it is refused. A file signed by
 * a key the server never registered shows its fingerprint, to be confirmed (`onConfirm`) before import.
 */
export function ReportPreviewPanel({
  preview,
  confirmed = false,
  onConfirm,
}: {
  preview: ReportFilePreview;
  confirmed?: boolean;
  onConfirm?: (confirmed: boolean) => void;
}) {
  const t = useText();
  const m = preview.manifest;
  return (
    <Stack gap="xs" data-testid="report-preview">
      {!preview.importable && (
        <Alert
          color="red"
          icon={<IconShieldX size={18} />}
          title={t('siteReport.reportPreviewPanel.thisFileIsRefused')}
          data-testid="report-refused"
        >
          {preview.problems.map((p, i) => (
            <Text size="sm" key={i}>
              {p.message}
            </Text>
          ))}
          <Text size="xs" mt={4}>
            {t('siteReport.reportPreviewPanel.nothingWasImported')}
          </Text>
        </Alert>
      )}
      {m && (
        <Text size="sm" data-testid="report-preview-site">
          {t('siteReport.reportPreviewPanel.site')} <b>{m.site.code}</b> {m.site.name} · {m.deployment.name}{' '}
          {m.deployment.version && `v${m.deployment.version}`}{' '}
          {t('siteReport.reportPreviewPanel.exportedBy', { exportedAt: formatDateTime(m.exportedAt), exportedBy: m.exportedBy })}
        </Text>
      )}
      {preview.importable && (
        <Group gap="xs">
          <Badge color="green" leftSection={<IconShieldCheck size={12} />}>
            {t('siteReport.reportPreviewPanel.signatureValid')}
          </Badge>
          <Badge color="green" variant="light">
            {t('siteReport.reportPreviewPanel.ofAttachmentsVerified', {
              verified: preview.attachments.verified,
              attachments: preview.attachments.count,
            })}
          </Badge>
          {preview.sheets.map((s) => (
            <Badge key={s.id} color={s.valid ? 'green' : 'red'} variant="light">
              {t(s.valid ? 'siteReport.reportPreviewPanel.signOffValid' : 'siteReport.reportPreviewPanel.signOffInvalid', {
                kind: s.kind.replace(/_/g, ' '),
              })}
            </Badge>
          ))}
        </Group>
      )}
      {preview.device && preview.importable && preview.device.known && (
        <Text size="sm" data-testid="report-signer">
          {t('siteReport.reportPreviewPanel.signer', { signer: preview.device.signer })}
        </Text>
      )}
      {preview.device && !preview.device.known && preview.importable && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          title={t('siteReport.reportPreviewPanel.keyNotRegisteredUnverified')}
          data-testid="report-unknown-device"
        >
          <Text size="sm">{t('siteReport.reportPreviewPanel.thisFileWasSigned', { id: preview.device.id })}</Text>
          <Text size="sm" ff="monospace" my={4} style={{ wordBreak: 'break-all' }} data-testid="report-key-fingerprint">
            {preview.device.fingerprint}
          </Text>
          <Checkbox
            checked={confirmed}
            onChange={(e) => onConfirm?.(e.currentTarget.checked)}
            label={t('siteReport.reportPreviewPanel.iCheckedThisFingerprint')}
            data-testid="confirm-fingerprint"
          />
        </Alert>
      )}
      {preview.importable && preview.nothingNew && (
        <Alert color="gray" title={t('siteReport.reportPreviewPanel.nothingNew')} data-testid="report-nothing-new">
          {t('siteReport.reportPreviewPanel.everythingInThisFile')}
        </Alert>
      )}
      {preview.importable && !preview.nothingNew && (
        <Table withTableBorder fz="xs" verticalSpacing={2} data-testid="report-preview-entities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('siteReport.reportPreviewPanel.records')}</Table.Th>
              <Table.Th>{t('siteReport.reportPreviewPanel.inFile')}</Table.Th>
              <Table.Th>{t('siteReport.reportPreviewPanel.new')}</Table.Th>
              <Table.Th>{t('siteReport.reportPreviewPanel.changed')}</Table.Th>
              <Table.Th>{t('siteReport.reportPreviewPanel.alreadyHere')}</Table.Th>
              <Table.Th>{t('siteReport.reportPreviewPanel.newerHereKept')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.entities.map((e) => (
              <Table.Tr key={e.entity}>
                <Table.Td>{e.entity.replace(/_/g, ' ')}</Table.Td>
                <Table.Td>{e.inFile}</Table.Td>
                <Table.Td fw={e.new > 0 ? 700 : undefined}>{e.new}</Table.Td>
                <Table.Td>{e.changed}</Table.Td>
                <Table.Td>{e.unchanged}</Table.Td>
                <Table.Td>{e.keptNewer}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
