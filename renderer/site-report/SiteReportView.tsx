import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconFileExport, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../api/useApiQuery';
import { formatDateTime } from '../format/time';
import { QueryError } from '../shell/QueryError';
import { downloadSiteReport } from './download-report';
import classes from './SiteReport.module.css';
import { ReportAttachments } from './sections/ReportAttachments';
import { ReportChecklist } from './sections/ReportChecklist';
import { ReportChecks } from './sections/ReportChecks';
import { ReportInventory } from './sections/ReportInventory';
import { ReportIssues } from './sections/ReportIssues';
import { ReportSignOffs } from './sections/ReportSignOffs';
import { ReportTraining } from './sections/ReportTraining';
import { ReportSummary } from './sections/ReportSummary';
import { useText } from '../i18n/i18n';

/**
 * A site's report, read from local data (synced or imported): for release managers, and for the
 * technician at their own site, who can also export it as a signed file for an air-gapped site.
 * Printable (the buttons do not print).
 */
export function SiteReportView({ siteId }: { siteId: string }) {
  const t = useText();
  const report = useApiQuery('siteReports.get', { siteId }, ['sites', 'inventory', 'checklist', 'issues', 'training']);
  const imports = useApiQuery('siteReports.imports', { siteId }, ['sites']);
  const [exporting, setExporting] = useState(false);
  if (report.error && !report.data)
    return <QueryError m="md" title={t('siteReport.siteReportView.reportNotAvailable')} error={report.error} onRetry={report.reload} />;
  if (!report.data) return <Loader size="sm" m="xl" />;
  const r = report.data;
  const lastImport = imports.data?.[0];
  const exportFile = async () => {
    setExporting(true);
    await downloadSiteReport(siteId);
    setExporting(false);
  };
  return (
    <Stack gap="sm" p="md" className={classes.report} data-testid="site-report">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>{t('siteReport.siteReportView.siteReport', { code: r.summary.code, name: r.summary.name })}</Title>
          <Text size="xs" c="dimmed">
            {t('siteReport.siteReportView.fromTheDataOn')}
            {lastImport
              ? t('siteReport.siteReportView.lastImportedFromA', {
                  importedAt: formatDateTime(lastImport.importedAt),
                  device: lastImport.keyFingerprint.slice(0, 19),
                })
              : ''}
          </Text>
        </div>
        <Group gap="xs" className={classes.noPrint}>
          <Button variant="default" leftSection={<IconPrinter size={14} />} onClick={() => window.print()} data-testid="report-print">
            {t('siteReport.siteReportView.print')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconFileExport size={14} />}
            loading={exporting}
            onClick={() => void exportFile()}
            data-testid="report-export-file"
          >
            {t('siteReport.siteReportView.exportReportFile')}
          </Button>
        </Group>
      </Group>
      <ReportSummary report={r} />
      <ReportInventory inventory={r.inventory} />
      <ReportChecks checkRuns={r.checkRuns} timeZone={r.summary.timeZone} />
      <ReportChecklist checklist={r.checklist} timeZone={r.summary.timeZone} />
      <ReportIssues issues={r.issues} timeZone={r.summary.timeZone} />
      <ReportTraining training={r.training} timeZone={r.summary.timeZone} />
      <ReportSignOffs report={r} />
      <ReportAttachments attachments={r.attachments} />
    </Stack>
  );
}
