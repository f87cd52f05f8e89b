import { Anchor, Badge, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { PhotoThumb } from '../../site/issues/PhotoThumb';
import { ReportSection } from './ReportSection';

export function ReportAttachments({ attachments }: { attachments: SiteReport['attachments'] }) {
  const [viewing, setViewing] = useState<string | null>(null);
  return (
    <ReportSection title={`Attachments (${attachments.length})`} testId="report-attachments" note="Stored by SHA-256; the bytes are checked against the hash.">
      {attachments.length === 0 ? (
        <Text size="sm" c="dimmed">No attachments.</Text>
      ) : (
        <Table striped withTableBorder fz="xs" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>Used by</Table.Th>
              <Table.Th>Check</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attachments.map((a) => (
              <Table.Tr key={a.sha256} data-testid="report-attachment">
                <Table.Td ff="monospace">
                  {a.mediaType.startsWith('image/') ? (
                    <Anchor component="button" size="xs" ff="monospace" onClick={() => setViewing(a.sha256)}>
                      {a.sha256.slice(0, 16)}…
                    </Anchor>
                  ) : (
                    `${a.sha256.slice(0, 16)}…`
                  )}
                </Table.Td>
                <Table.Td>{a.mediaType}</Table.Td>
                <Table.Td>{(a.size / 1024).toFixed(1)} KB</Table.Td>
                <Table.Td>{a.usedBy.join(', ')}</Table.Td>
                <Table.Td>{a.intact ? <Badge size="xs" color="green">intact</Badge> : <Badge size="xs" color="red">missing or altered</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={viewing !== null} onClose={() => setViewing(null)} title="Attachment" size="lg">
        {viewing && <PhotoThumb sha256={viewing} />}
        {viewing && <Text size="xs" ff="monospace" mt="xs">{viewing}</Text>}
      </Modal>
    </ReportSection>
  );
}
