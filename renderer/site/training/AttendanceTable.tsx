import { Badge, Table, Text } from '@mantine/core';
import type { TrainingAttendee } from '../../../shared/domain/training';
import { useText } from '../../i18n/i18n';

/** One session's attendance list: number, name, role, and signed (with the signature's hash) or absent. */
export function AttendanceTable({ attendees }: { attendees: readonly TrainingAttendee[] }) {
  const t = useText();
  if (attendees.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('site.training.attendanceTable.nobody')}
      </Text>
    );
  }
  return (
    <Table striped withTableBorder fz="xs" verticalSpacing={2} data-testid="attendance-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>{t('site.training.attendanceTable.number')}</Table.Th>
          <Table.Th>{t('site.training.attendanceTable.name')}</Table.Th>
          <Table.Th>{t('site.training.attendanceTable.role')}</Table.Th>
          <Table.Th>{t('site.training.attendanceTable.attendance')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attendees.map((a) => (
          <Table.Tr key={a.id} data-testid="attendee-row" data-attendance={a.attendance}>
            <Table.Td>{a.position}</Table.Td>
            <Table.Td>{a.name}</Table.Td>
            <Table.Td>{a.role}</Table.Td>
            <Table.Td>
              {a.attendance === 'signed' ? (
                <>
                  <Badge size="xs" color="green" variant="light">
                    {t('site.training.attendanceTable.signed')}
                  </Badge>
                  <Text span size="xs" c="dimmed" ff="monospace" title={a.signatureSha256 ?? ''}>
                    {' '}
                    {a.signatureSha256?.slice(0, 12)}
                  </Text>
                </>
              ) : (
                <Badge size="xs" color="gray" variant="light">
                  {t('site.training.attendanceTable.absent')}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
