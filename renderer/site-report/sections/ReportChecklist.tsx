import { Table, Text } from '@mantine/core';
import { CollapsibleText } from '../../shell/CollapsibleText';
import type { SiteReport } from '../../../shared/site-report/report-model';
import { Time } from '../../format/Time';
import { dash, ReportSection } from './ReportSection';
import { useText } from '../../i18n/i18n';
import { appText } from '../../i18n/app-text';

const PHASE_LABELS: Record<string, string> = {
  get before() {
    return appText('siteReport.sections.reportChecklist.before');
  },
  get during() {
    return appText('siteReport.sections.reportChecklist.during');
  },
  get after() {
    return appText('siteReport.sections.reportChecklist.after');
  },
  get handover() {
    return appText('siteReport.sections.reportChecklist.handOver');
  },
  get rollback() {
    return appText('siteReport.sections.reportChecklist.rollback');
  },
};

export function ReportChecklist({ checklist, timeZone }: { checklist: SiteReport['checklist']; timeZone: string }) {
  const t = useText();
  return (
    <ReportSection
      title={t('siteReport.sections.reportChecklist.checklistOfDone', { done: checklist.done, total: checklist.total })}
      testId="report-checklist"
    >
      {checklist.phases
        .filter((p) => p.items.length > 0)
        .map((phase) => (
          <div key={phase.phase}>
            <Text size="sm" fw={600} mt="xs">
              {PHASE_LABELS[phase.phase] ?? phase.phase} · {phase.progress.done}/{phase.progress.total}
              {phase.completedAt && (
                <>
                  {t('siteReport.sections.reportChecklist.completed')}
                  <Time iso={phase.completedAt} zone={timeZone} />{' '}
                  {t('siteReport.sections.reportChecklist.by', { by: phase.completedBy ?? '?' })}
                </>
              )}
            </Text>
            <Table striped withTableBorder fz="xs" verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('siteReport.sections.reportChecklist.item')}</Table.Th>
                  <Table.Th>{t('siteReport.sections.reportChecklist.required')}</Table.Th>
                  <Table.Th>{t('siteReport.sections.reportChecklist.state')}</Table.Th>
                  <Table.Th>{t('siteReport.sections.reportChecklist.whoWhen')}</Table.Th>
                  <Table.Th>{t('siteReport.sections.reportChecklist.evidence')}</Table.Th>
                  <Table.Th>{t('siteReport.sections.reportChecklist.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {phase.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="report-checklist-item">
                    <Table.Td>{item.title}</Table.Td>
                    <Table.Td>
                      {item.required ? t('siteReport.sections.reportChecklist.yes') : t('siteReport.sections.reportChecklist.no')}
                    </Table.Td>
                    <Table.Td>{item.state.replace(/_/g, ' ')}</Table.Td>
                    <Table.Td>
                      {item.stateBy ? (
                        <>
                          {item.stateBy}, <Time iso={item.stateAt} zone={timeZone} />
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
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
