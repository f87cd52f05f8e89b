import { Badge, Table, Text } from '@mantine/core';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { Time } from '../../format/Time';
import { ReportSection } from './ReportSection';

export function ReportSignOffs({ report }: { report: SiteReport }) {
  const tz = report.summary.timeZone;
  return (
    <>
      <ReportSection title="Sign-off sheets" testId="report-signoffs" note="Each sheet is verified here: its content hash and the device's Ed25519 signature.">
        {report.signOffs.length === 0 ? (
          <Text size="sm" c="dimmed">No sheet signed yet.</Text>
        ) : (
          <Table striped withTableBorder fz="xs" verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sheet</Table.Th>
                <Table.Th>Decision</Table.Th>
                <Table.Th>Signer</Table.Th>
                <Table.Th>Signed</Table.Th>
                <Table.Th>Exceptions</Table.Th>
                <Table.Th>Verification</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.signOffs.map((s) => (
                <Table.Tr key={s.id} data-testid="report-signoff">
                  <Table.Td>{s.kind.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>{s.decision.replace(/_/g, ' ')}</Table.Td>
                  <Table.Td>{`${s.signerName} (${s.signerRole})`}</Table.Td>
                  <Table.Td><Time iso={s.signedAt} zone={s.signerTimeZone || tz} /></Table.Td>
                  <Table.Td>{s.exceptionCount}</Table.Td>
                  <Table.Td>
                    {s.valid ? (
                      <Badge size="xs" color="green" data-testid="report-signoff-valid">valid</Badge>
                    ) : (
                      <Badge size="xs" color="red" title={s.invalidReason ?? ''}>invalid: {s.invalidReason}</Badge>
                    )}
                    <Text span size="xs" c="dimmed" ff="monospace"> {s.keyFingerprint.slice(0, 19)}…</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ReportSection>
      <ReportSection title="Rollbacks" testId="report-rollbacks">
        {report.rollbacks.length === 0 ? (
          <Text size="sm" c="dimmed">No rollback.</Text>
        ) : (
          report.rollbacks.map((r) => (
            <Text size="sm" key={r.id}>
              <Time iso={r.createdAt} zone={tz} /> · {r.createdBy} · from {r.previousStatus.replace(/_/g, ' ')}: {r.reason}
            </Text>
          ))
        )}
      </ReportSection>
    </>
  );
}
