import { Anchor, Badge, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { PhotoThumb } from '../../site/issues/PhotoThumb';
import { ReportSection } from './ReportSection';
import { useText } from '../../i18n/i18n';

export function ReportAttachments({ attachments }: { attachments: SiteReport['attachments'] }) {
  const t = useText();
  const [viewing, setViewing] = useState<string | null>(null);
  return (
    <ReportSection
      title={t('siteReport.sections.reportAttachments.attachments', { attachments: attachments.length })}
      testId="report-attachments"
      note={t('siteReport.sections.reportAttachments.storedBySha256')}
    >
      {attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('siteReport.sections.reportAttachments.noAttachments')}
        </Text>
      ) : (
        <Table striped withTableBorder fz="xs" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('siteReport.sections.reportAttachments.sha256')}</Table.Th>
              <Table.Th>{t('siteReport.sections.reportAttachments.type')}</Table.Th>
              <Table.Th>{t('siteReport.sections.reportAttachments.size')}</Table.Th>
              <Table.Th>{t('siteReport.sections.reportAttachments.usedBy')}</Table.Th>
              <Table.Th>{t('siteReport.sections.reportAttachments.check')}</Table.Th>
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
                <Table.Td>{t('siteReport.sections.reportAttachments.kb', { kb: (a.size / 1024).toFixed(1) })}</Table.Td>
                <Table.Td>{a.usedBy.join(', ')}</Table.Td>
                <Table.Td>
                  {a.intact ? (
                    <Badge size="xs" color="green">
                      {t('siteReport.sections.reportAttachments.intact')}
                    </Badge>
                  ) : (
                    <Badge size="xs" color="red">
                      {t('siteReport.sections.reportAttachments.missingOrAltered')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={t('siteReport.sections.reportAttachments.attachment')}
        size="lg"
      >
        {viewing && <PhotoThumb sha256={viewing} />}
        {viewing && (
          <Text size="xs" ff="monospace" mt="xs">
            {viewing}
          </Text>
        )}
      </Modal>
    </ReportSection>
  );
}
