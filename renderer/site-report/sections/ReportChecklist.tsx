import { Table, Text } from '@mantine/core';
import { CollapsibleText } from '../../shell/CollapsibleText';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { Time } from '../../format/Time';
import { dash, ReportSection } from './ReportSection';

const PHASE_LABELS: Record<string, string> = { before: 'Before', during: 'During', after: 'After', handover: 'Hand-over', rollback: 'Rollback' };

export function ReportChecklist({ checklist, timeZone }: { checklist: SiteReport['checklist']; timeZone: string }) {
  return (
    <ReportSection title={`Checklist (${checklist.done} of ${checklist.total} done)`} testId="report-checklist">
      {checklist.phases
        .filter((p) => p.items.length > 0)
        .map((phase) => (
          <div key={phase.phase}>
            <Text size="sm" fw={600} mt="xs">
              {PHASE_LABELS[phase.phase] ?? phase.phase} · {phase.progress.done}/{phase.progress.total}
              {phase.completedAt && (
                <>
                  {' · completed '}
                  <Time iso={phase.completedAt} zone={timeZone} /> by {phase.completedBy ?? '?'}
                </>
              )}
            </Text>
            <Table striped withTableBorder fz="xs" verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Item</Table.Th>
                  <Table.Th>Required</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Who / when</Table.Th>
                  <Table.Th>Evidence</Table.Th>
                  <Table.Th>Note</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {phase.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="report-checklist-item">
                    <Table.Td>{item.title}</Table.Td>
                    <Table.Td>{item.required ? 'yes' : 'no'}</Table.Td>
                    <Table.Td>{item.state.replace(/_/g, ' ')}</Table.Td>
                    <Table.Td>{item.stateBy ? (
                      <>
                        {item.stateBy}, <Time iso={item.stateAt} zone={timeZone} />
                      </>
                    ) : (
                      '—'
                    )}</Table.Td>
                    <Table.Td>
                      {item.evidence === 'none' ? '—' : item.evidence.replace(/_/g, ' ')}
                      {item.evidenceRuns.map((r) => ` · ${r.targetName}: ${r.pass} pass, ${r.fail} fail`).join('')}
                    </Table.Td>
                    <Table.Td>{item.note ? <CollapsibleText>{item.note}</CollapsibleText> : dash(item.note)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
    </ReportSection>
  );
}
