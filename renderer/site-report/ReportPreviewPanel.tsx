import { Alert, Badge, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { ReportFilePreview } from '../../shared/contract/site-report-methods';
import { formatDateTime } from '../format/time';

/**
 * What a previewed file is and what importing it would bring, or why it is refused. A file signed by
 * a key the server never registered shows its fingerprint, to be confirmed (`onConfirm`) before import.
 */
export function ReportPreviewPanel({ preview, confirmed = false, onConfirm }: { preview: ReportFilePreview; confirmed?: boolean; onConfirm?: (confirmed: boolean) => void }) {
  const m = preview.manifest;
  return (
    <Stack gap="xs" data-testid="report-preview">
      {!preview.importable && (
        <Alert color="red" icon={<IconShieldX size={18} />} title="This file is refused" data-testid="report-refused">
          {preview.problems.map((p, i) => (
            <Text size="sm" key={i}>
              {p.message}
            </Text>
          ))}
          <Text size="xs" mt={4}>Nothing was imported.</Text>
        </Alert>
      )}
      {m && (
        <Text size="sm" data-testid="report-preview-site">
          Site <b>{m.site.code}</b> {m.site.name} · {m.deployment.name} {m.deployment.version && `v${m.deployment.version}`} · exported {formatDateTime(m.exportedAt)} by {m.exportedBy}
        </Text>
      )}
      {preview.importable && (
        <Group gap="xs">
          <Badge color="green" leftSection={<IconShieldCheck size={12} />}>signature valid</Badge>
          <Badge color="green" variant="light">{preview.attachments.verified} of {preview.attachments.count} attachments verified</Badge>
          {preview.sheets.map((s) => (
            <Badge key={s.id} color={s.valid ? 'green' : 'red'} variant="light">
              sign-off {s.kind.replace(/_/g, ' ')}: {s.valid ? 'valid' : 'invalid'}
            </Badge>
          ))}
        </Group>
      )}
      {preview.device && preview.importable && preview.device.known && (
        <Text size="sm" data-testid="report-signer">
          Signer: {preview.device.signer}
        </Text>
      )}
      {preview.device && !preview.device.known && preview.importable && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Key not registered: unverified signer" data-testid="report-unknown-device">
          <Text size="sm">
            This file was signed by device {preview.device.id} with a key the central server has not registered, so nothing says who made it. Ask the
            technician for the key fingerprint their Outpost showed when it exported the file, and compare it with this one:
          </Text>
          <Text size="sm" ff="monospace" my={4} style={{ wordBreak: 'break-all' }} data-testid="report-key-fingerprint">
            {preview.device.fingerprint}
          </Text>
          <Checkbox
            checked={confirmed}
            onChange={(e) => onConfirm?.(e.currentTarget.checked)}
            label="I checked this fingerprint with the technician: import the file (recorded with my name)"
            data-testid="confirm-fingerprint"
          />
        </Alert>
      )}
      {preview.importable && preview.nothingNew && (
        <Alert color="gray" title="Nothing new" data-testid="report-nothing-new">
          Everything in this file is already on this device.
        </Alert>
      )}
      {preview.importable && !preview.nothingNew && (
        <Table withTableBorder fz="xs" verticalSpacing={2} data-testid="report-preview-entities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Records</Table.Th>
              <Table.Th>In file</Table.Th>
              <Table.Th>New</Table.Th>
              <Table.Th>Changed</Table.Th>
              <Table.Th>Already here</Table.Th>
              <Table.Th>Newer here (kept)</Table.Th>
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
